import { describe, expect, it } from "vitest";
import { compareWithTruth, fetchGroundTruth } from "@/lib/testing/ground-truth";
import { startSimulatedSource, type SimulatedSourceFixture } from "@/lib/testing/sim-source";
import { appTestDatabase } from "@/lib/testing/test-db";
import { MAX_POLL_GAP_MS, nextPollDelayMs } from "./cadence";
import { pollSource } from "./poll-source";
import { LEASE_MS } from "./worker";

const t = appTestDatabase();

const JOB_MS = 120_000;
/** Shortened from ONTAP's 300 s, to just above the worst gap Jobdeck allows itself. */
const RETENTION_MS = 150_000;
const CYCLES = 14;

async function startJob(fx: SimulatedSourceFixture): Promise<void> {
  const res = await fetch(`${fx.server.url}/__sim/jobs`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ durationMs: JOB_MS, type: "volume-move" }),
  });
  expect(res.status).toBe(201);
}

/**
 * Drives one ONTAP source through simulated time: 2-minute jobs start throughout; the poll before
 * every other gap is lost to a worker killed mid-poll (it wrote nothing; its lease must expire
 * before another worker takes the source), and every gap is the longest the cadence allows.
 */
async function run(name: string, gapAfter: (crashed: boolean) => number) {
  const fx = await startSimulatedSource(t.db, "ontap", {
    name,
    scenario: { retentionMs: RETENTION_MS, initialJobs: 0, meanIntervalMs: 1_000_000_000 },
  });
  try {
    await t.db.source.update({ where: { id: fx.sourceId }, data: { pollIntervalMs: 86_400_000 } });
    const source = async () => t.db.source.findUniqueOrThrow({ where: { id: fx.sourceId } });
    expect((await pollSource(t.db, await source())).ok).toBe(true);
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      const gap = gapAfter(cycle % 2 === 1);
      for (const share of [0.2, 0.5, 0.3]) {
        await startJob(fx);
        fx.clock.advance(Math.round(gap * share));
      }
      expect((await pollSource(t.db, await source())).ok).toBe(true);
    }
    // Let the last jobs end, and poll once more within the allowed gap.
    fx.clock.advance(JOB_MS);
    expect((await pollSource(t.db, await source())).ok).toBe(true);
    const truth = await fetchGroundTruth(fx.server.url);
    return { truth, diff: await compareWithTruth(t.db, fx.sourceId, truth, true) };
  } finally {
    await fx.close();
  }
}

describe("ONTAP retention and worker crashes", () => {
  it("loses no job and no final state when polls are as far apart as a failing source with a crashed worker allows", async () => {
    const worst = (crashed: boolean) =>
      nextPollDelayMs(
        {
          kind: "ontap",
          pollIntervalMs: 86_400_000,
          fastPollIntervalMs: 3_000,
          consecutiveFailures: 30,
        },
        false,
        () => 1,
      ) + (crashed ? LEASE_MS : 0);
    expect(worst(true)).toBeLessThan(RETENTION_MS);
    const { truth, diff } = await run("ontap-retention", worst);
    expect(truth.filter((j) => j.expired).length).toBeGreaterThan(CYCLES);
    expect(diff).toEqual({
      missing: [],
      wrongFinalState: [],
      duplicated: [],
      wronglyQuarantined: [],
      notQuarantined: [],
    });
  }, 300_000);

  it("would lose jobs with the old limits (5 min backoff, 5 min lease): the check above can fail", async () => {
    expect(MAX_POLL_GAP_MS.ontap).toBeLessThan(300_000);
    const old = (crashed: boolean) => 300_000 + (crashed ? 300_000 : 0);
    const { diff } = await run("ontap-retention-old", old);
    expect(diff.missing.length).toBeGreaterThan(0);
  }, 300_000);
});
