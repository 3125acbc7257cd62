import type { Db } from "@/lib/db/client";
import { upsertSourceByName } from "@/lib/data/sources";
import { SOURCE_KINDS, VENDOR_LABEL } from "@/lib/domain/source-kind";
import { ScaledClock } from "./engine/clock";
import { startSimServer, type RunningSim } from "./engine/server";
import { SIMULATORS } from "./registry";

export interface DemoEstate {
  servers: RunningSim[];
  stop(): Promise<void>;
}

const DEMO_PASSWORD = "demo-Passw0rd";

/**
 * The demo behind `npm start`: every vendor simulator on consecutive ports from `basePort`, sharing
 * one clock, each registered as a source so the worker polls it like a real appliance.
 */
export async function startDemoEstate(db: Db, opts: { basePort: number; speed: number; seed?: number }): Promise<DemoEstate> {
  const clock = new ScaledClock(opts.speed);
  const servers: RunningSim[] = [];
  for (const [offset, kind] of SOURCE_KINDS.entries()) {
    const simModule = SIMULATORS[kind];
    if (!simModule) continue;
    const sim = simModule.create({ seed: (opts.seed ?? 2026) + offset, clock, user: "admin", password: DEMO_PASSWORD });
    // A fixed port per kind, so a bookmarked simulator URL survives adding or removing another one.
    const server = await startSimServer({ name: kind, handler: sim.handler, control: sim.control, port: opts.basePort + offset });
    servers.push(server);
    const cfg = sim.source(server.url);
    await upsertSourceByName(
      {
        kind,
        name: `${VENDOR_LABEL[kind]} (demo)`,
        baseUrl: cfg.baseUrl,
        username: cfg.username,
        secret: cfg.secret,
        options: cfg.options,
        pollIntervalMs: 10_000,
        fastPollIntervalMs: 2_000,
        enabled: true,
      },
      db,
    );
  }
  return { servers, stop: async () => void (await Promise.all(servers.map((s) => s.close()))) };
}
