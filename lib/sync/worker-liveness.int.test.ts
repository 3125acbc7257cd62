import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { expect, it } from "vitest";
import { startSimulatedSource } from "@/lib/testing/sim-source";
import { appTestDatabase } from "@/lib/testing/test-db";
import { claimDueSources } from "./leases";
import { startWorker } from "./worker";

const t = appTestDatabase();

/** Ten minutes: any takeover this test sees comes from the dead worker's lock, not from expiry. */
const LEASE_MS = 600_000;

it("hands a SIGKILLed worker's source to another worker at once, long before its lease expires, and never a live one's", async () => {
  const fx = await startSimulatedSource(t.db, "ontap", { name: "liveness", timeoutMs: 120_000 });
  // The first poll hangs at the vendor, so the worker dies holding the lease.
  fx.server.faults.add({ kind: "delay", ms: 110_000, times: 1 });
  const doomed = spawn(
    process.execPath,
    ["--import", "tsx", resolve("lib/testing/chaos-worker.ts"), t.url, String(LEASE_MS)],
    { stdio: ["ignore", "ignore", "ignore"] },
  );
  let survivor: Awaited<ReturnType<typeof startWorker>> | null = null;
  try {
    const leased = async () =>
      (await t.db.source.findUniqueOrThrow({ where: { id: fx.sourceId } })).leaseOwner;
    await expect.poll(leased, { timeout: 60_000 }).not.toBeNull();
    const owner = await leased();
    // Its request has reached the vendor (and taken the delay): it is inside the poll.
    await expect
      .poll(() => fx.server.requestCounts.get("GET /api/cluster/jobs") ?? 0, { timeout: 30_000 })
      .toBe(1);

    // Alive (its poll still waiting on the vendor): nobody else may take the source.
    expect(await claimDueSources(t.db, "bystander", 10, LEASE_MS)).toEqual([]);

    const exited = new Promise((r) => doomed.once("exit", r));
    doomed.kill("SIGKILL");
    await exited;
    survivor = await startWorker({
      db: t.db,
      databaseUrl: t.url,
      workerId: "survivor",
      concurrency: 2,
      tickMs: 200,
      leaseMs: LEASE_MS,
    });
    // The dead worker's poll never finished: a success can only be the survivor's.
    await expect
      .poll(
        async () =>
          (await t.db.source.findUniqueOrThrow({ where: { id: fx.sourceId } })).lastSuccessAt,
        { timeout: 60_000 },
      )
      .not.toBeNull();
    const polled = await t.db.source.findUniqueOrThrow({ where: { id: fx.sourceId } });
    expect(polled.consecutiveFailures).toBe(0);
    expect(owner).not.toBe("survivor");
  } finally {
    doomed.kill("SIGKILL");
    await survivor?.stop();
    await fx.close();
  }
}, 180_000);
