import type { Db } from "@/lib/db/client";
import { upsertSourceByName } from "@/lib/data/sources";
import type { SourceKind } from "@/lib/domain/source-kind";
import { ManualClock } from "@/lib/simulators/engine/clock";
import { startSimServer, type RunningSim } from "@/lib/simulators/engine/server";
import { SIMULATORS } from "@/lib/simulators/registry";

export interface SimulatedSourceFixture {
  clock: ManualClock;
  server: RunningSim;
  sourceId: string;
  close(): Promise<void>;
}

/** A vendor simulator on a real port with a manual clock, registered as a source in `db`. */
export async function startSimulatedSource(
  db: Db,
  kind: SourceKind,
  opts: { seed?: number; name?: string; timeoutMs?: number; scenario?: Record<string, unknown> } = {},
): Promise<SimulatedSourceFixture> {
  const simModule = SIMULATORS[kind];
  if (!simModule) throw new Error(`no simulator for ${kind}`);
  const clock = new ManualClock(Date.now());
  const sim = simModule.create({ seed: opts.seed ?? 1, clock, user: "admin", password: "s3cret-pass", scenario: opts.scenario });
  const server = await startSimServer({ name: kind, handler: sim.handler, control: sim.control, groundTruth: sim.groundTruth });
  const cfg = sim.source(server.url);
  const source = await upsertSourceByName(
    {
      kind,
      name: opts.name ?? `${kind}-test`,
      baseUrl: cfg.baseUrl,
      username: cfg.username,
      secret: cfg.secret,
      options: cfg.options,
      timeoutMs: opts.timeoutMs ?? 3_000,
    },
    db,
  );
  return { clock, server, sourceId: source.id, close: () => server.close() };
}
