/**
 * The demo half of `npm start`: the simulators (lib/simulators/demo-estate.ts) registered as sources
 * the worker polls like real appliances, and, once each has been polled, a year of history.
 */
import { upsertSourceByName } from "@/lib/data/sources";
import type { Db } from "@/lib/db/client";
import { logger } from "@/lib/log";
import { seedDemoHistory } from "@/lib/services/demo/seed-demo-history";
import { startDemoEstate, type DemoEstate } from "@/lib/simulators/demo-estate";

export interface Demo {
  estate: DemoEstate;
  /** Before the web app answers, so the first page already shows a year of the estate, not its own weeks. */
  seedHistory(days: number): Promise<void>;
}

export async function startDemo(db: Db, opts: { basePort: number; speed: number }): Promise<Demo> {
  const estate = await startDemoEstate(opts);
  for (const sim of estate.simulators) {
    await upsertSourceByName(
      {
        kind: sim.kind,
        name: sim.name,
        baseUrl: sim.source.baseUrl,
        username: sim.source.username,
        secret: sim.source.secret,
        options: sim.source.options,
        pollIntervalMs: 10_000,
        fastPollIntervalMs: 2_000,
        enabled: true,
      },
      db,
    );
    logger.info({ url: sim.server.url }, `${sim.kind} simulator`);
  }
  const names = estate.simulators.map((s) => s.name);
  return { estate, seedHistory: async (days) => void (await seedDemoHistory(db, names, days)) };
}
