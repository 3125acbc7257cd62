import type { Db } from "@/lib/db/client";
import { upsertSourceByName } from "@/lib/data/sources";
import type { SourceKind } from "@/lib/domain/source-kind";
import type { ManualClock } from "@/lib/simulators/engine/clock";
import type { RunningSim } from "@/lib/simulators/engine/server";
import { pollSource } from "@/lib/sync/poll-source";
import { startConnectorRig, type ConnectorRig } from "./connector-rig";

export interface SimulatedSourceFixture {
  clock: ManualClock;
  server: RunningSim;
  sourceId: string;
  onNextRequest: ConnectorRig["onNextRequest"];
  close(): Promise<void>;
}

/**
 * The connector rig's simulator registered as a source in `db`, for tests that go through the sync
 * and the app (the worker builds its own connector from the stored source). The appliance's clock
 * starts at the real time, so what the sync stores sits beside rows the app writes.
 */
export async function startSimulatedSource(
  db: Db,
  kind: SourceKind,
  opts: {
    seed?: number;
    name?: string;
    timeoutMs?: number;
    scenario?: Record<string, unknown>;
  } = {},
): Promise<SimulatedSourceFixture> {
  const rig = await startConnectorRig(kind, {
    seed: opts.seed ?? 1,
    clockAt: Date.now(),
    user: "admin",
    password: "s3cret-pass",
    scenario: opts.scenario,
  });
  const source = await upsertSourceByName(
    {
      kind,
      name: opts.name ?? `${kind}-test`,
      baseUrl: rig.config.baseUrl,
      username: rig.config.username,
      secret: rig.config.secret,
      options: rig.config.options,
      timeoutMs: opts.timeoutMs ?? 3_000,
    },
    db,
  );
  return {
    clock: rig.clock,
    server: rig.sim,
    sourceId: source.id,
    onNextRequest: rig.onNextRequest,
    close: () => rig.close(),
  };
}

/** One poll of the source by the real sync, as the worker makes it; a failed poll fails the test. */
export async function pollSimulatedSource(db: Db, fx: SimulatedSourceFixture): Promise<void> {
  const row = await db.source.findUniqueOrThrow({ where: { id: fx.sourceId } });
  const outcome = await pollSource(db, row);
  if (!outcome.ok) throw new Error(`poll failed: ${outcome.error}`);
}

/** POST to the simulator's control API (`/__sim/<path>`): scripted jobs answer with their vendor id. */
export async function simPost(
  fx: SimulatedSourceFixture,
  path: string,
  body: unknown = {},
): Promise<{ vendorId: string }> {
  const res = await fetch(`${fx.server.url}/__sim/${path}`, {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "content-type": "application/json" },
  });
  if (!res.ok) throw new Error(`sim ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as { vendorId: string };
}
