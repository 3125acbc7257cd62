import type { Db } from "@/lib/db/client";
import { makeDueNow } from "@/lib/sync/leases";
import { startSimulatedSource, type SimulatedSourceFixture } from "@/lib/testing/sim-source";

/**
 * An ONTAP simulator with nothing in it and nothing starting by itself, polled every few hundred
 * milliseconds: every job an alert test sees is one it started through the simulator's controls.
 */
export async function quietOntap(db: Db): Promise<
  SimulatedSourceFixture & {
    sim(path: string, body?: unknown, method?: string): Promise<Record<string, unknown>>;
    pollNow(): Promise<void>;
    syncClock(): void;
  }
> {
  const fixture = await startSimulatedSource(db, "ontap", {
    name: "alerts-ontap",
    scenario: { initialJobs: 0, meanIntervalMs: 1_000_000_000 },
  });
  await db.source.update({
    where: { id: fixture.sourceId },
    data: { pollIntervalMs: 400, fastPollIntervalMs: 300 },
  });
  return {
    ...fixture,
    sim: async (path, body, method = "POST") => {
      const res = await fetch(`${fixture.server.url}${path}`, {
        method,
        headers: { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
      return text ? (JSON.parse(text) as Record<string, unknown>) : {};
    },
    pollNow: () => makeDueNow(db, fixture.sourceId),
    // The simulator's clock moves only when told; bring it up to real time (never back) before a
    // step, so the times it reports compare with the evaluator's clock as a real appliance's would.
    syncClock: () => fixture.clock.set(Math.max(fixture.clock.now(), Date.now())),
  };
}
