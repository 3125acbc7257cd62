import { describe, expect, it } from "vitest";
import type { SourceKind } from "@/lib/domain/source-kind";
import { listSourceViews } from "@/lib/services/sources/list-sources";
import { compareWithTruth, fetchGroundTruth } from "@/lib/testing/ground-truth";
import { startSimulatedSource } from "@/lib/testing/sim-source";
import { appTestDatabase } from "@/lib/testing/test-db";
import { pollSource } from "./poll-source";

const t = appTestDatabase();

const LEASE_MS = 60_000;

interface Case {
  kind: SourceKind;
  /** The large-appliance preset, trimmed where a year would make the test minutes long on CI. */
  scenario: Record<string, unknown>;
  /** A listing path to slow down, as a loaded appliance's pages are. */
  slowPath: string;
  /** The least history the case must hold, so it really is read in several steps. */
  minJobs: number;
}

const DAY = 24 * 3_600_000;
/**
 * The presets hold a year (tens of thousands of jobs); the test reads a week or two of the same
 * appliances so it stays a few minutes on a loaded CI machine while still taking many steps. A run
 * of the full presets: see README "When a vendor misbehaves".
 */
const CASES: Case[] = [
  {
    kind: "spp",
    scenario: { preset: "large", historyMs: 9 * DAY, brokenSessionEvery: 97 },
    slowPath: "/api/endeavour/jobsession",
    minJobs: 900,
  },
  {
    kind: "commvault",
    scenario: { preset: "large", historyMs: 10 * DAY, brokenJobEvery: 89 },
    slowPath: "/JobStats",
    minJobs: 800,
  },
  // A cluster that retains its history and spends 1 ms per record (pages come back short, with next links, within return_timeout).
  {
    kind: "ontap",
    scenario: { preset: "large", bulkJobs: 12_000, recordCostMs: 1, brokenJobEvery: 97 },
    slowPath: "/api/cluster/jobs",
    minJobs: 12_000,
  },
  // Every ZAPI call is a POST to one path: all of them are slow.
  {
    kind: "dfm",
    scenario: { preset: "large", historyHours: 60 * 24, brokenJobEvery: 97 },
    slowPath: "/apis/XMLrequest",
    minJobs: 800,
  },
  // Failovers with their step trees and logs (the slow path covers the lists and every log).
  {
    kind: "eyeglass",
    scenario: { preset: "large", historyMs: 120 * DAY, brokenFailoverEvery: 13 },
    slowPath: "/v2/jobs/failover",
    minJobs: 100,
  },
];

async function takeLease(sourceId: string, owner: string) {
  await t.db
    .$executeRaw`UPDATE "Source" SET "leaseOwner" = ${owner}, "leaseUntil" = now() + interval '1 minute' WHERE id = ${sourceId}::uuid`;
}

async function row(sourceId: string) {
  return t.db.source.findUniqueOrThrow({ where: { id: sourceId } });
}

describe.each(CASES)(
  "first sync of a large $kind appliance",
  ({ kind, scenario, slowPath, minJobs }) => {
    it("reads history in committed steps, keeps them when cut off, fences a stale worker and finishes with every job", async () => {
      const fx = await startSimulatedSource(t.db, kind, {
        name: `${kind}-large`,
        timeoutMs: 10_000,
        scenario,
      });
      try {
        const truth = await fetchGroundTruth(fx.server.url);
        expect(truth.length).toBeGreaterThanOrEqual(minJobs);
        fx.server.faults.add({ kind: "delay", ms: 20, path: slowPath });

        // Worker A: a few steps, then it is cut off mid-step (as if killed).
        await takeLease(fx.sourceId, "worker-a");
        const first = await pollSource(t.db, await row(fx.sourceId), {
          lease: { owner: "worker-a", ms: LEASE_MS },
          maxSteps: 2,
        });
        expect(first).toMatchObject({ ok: true, steps: 2, more: true });
        const afterTwo = await row(fx.sourceId);
        expect(afterTwo.backfillTotal).toBeGreaterThan(0);
        expect(afterTwo.backfillDone).toBeGreaterThan(0);
        expect(afterTwo.nextPollAt.getTime()).toBeLessThanOrEqual(Date.now());
        const shown = (await listSourceViews({}, t.db)).find((v) => v.id === fx.sourceId);
        expect(shown?.backfill).toEqual({
          done: afterTwo.backfillDone,
          total: afterTwo.backfillTotal,
        });
        const storedBeforeCut = await t.db.job.count({ where: { sourceId: fx.sourceId } });
        expect(storedBeforeCut).toBeGreaterThan(0);

        const cut = new AbortController();
        // The next listing hangs; the worker dies while waiting on it.
        fx.server.faults.clear();
        fx.server.faults.add({ kind: "delay", ms: 5_000, path: slowPath, times: 1 });
        fx.server.faults.add({ kind: "delay", ms: 20, path: slowPath });
        const killed = pollSource(t.db, await row(fx.sourceId), {
          lease: { owner: "worker-a", ms: LEASE_MS },
          signal: cut.signal,
        });
        await expect.poll(() => fx.server.faults.list().some((f) => f.ms === 5_000)).toBe(false);
        cut.abort();
        expect((await killed).ok).toBe(false);
        expect(await t.db.job.count({ where: { sourceId: fx.sourceId } })).toBe(storedBeforeCut);
        expect((await row(fx.sourceId)).cursor).toEqual(afterTwo.cursor);

        // Worker B takes the source over; A's late write is refused by the lease fence.
        await takeLease(fx.sourceId, "worker-b");
        const stale = await pollSource(t.db, await row(fx.sourceId), {
          lease: { owner: "worker-a", ms: LEASE_MS },
          maxSteps: 1,
        });
        expect(stale).toMatchObject({ ok: false, steps: 0 });
        expect(stale.error).toMatch(/lease/);
        expect((await row(fx.sourceId)).cursor).toEqual(afterTwo.cursor);

        let more = true;
        for (let polls = 0; more; polls++) {
          expect(polls).toBeLessThan(200);
          const outcome = await pollSource(t.db, await row(fx.sourceId), {
            lease: { owner: "worker-b", ms: LEASE_MS },
          });
          expect(outcome.ok, outcome.error).toBe(true);
          more = outcome.more;
        }
        const done = await row(fx.sourceId);
        expect(done.backfillDone).toBeNull();
        expect(done.backfillTotal).toBeNull();
        expect(done.leaseOwner).toBe("worker-b");

        const diff = await compareWithTruth(
          t.db,
          fx.sourceId,
          await fetchGroundTruth(fx.server.url),
        );
        expect(diff).toEqual({
          missing: [],
          wrongFinalState: [],
          duplicated: [],
          wronglyQuarantined: [],
          notQuarantined: [],
        });
        const broken = truth.filter((j) => j.broken && !j.expired).length;
        expect(broken).toBeGreaterThan(0);
        const after = (await listSourceViews({}, t.db)).find((v) => v.id === fx.sourceId);
        expect(after?.backfill).toBeNull();
        expect(after?.quarantined.count).toBe(broken);
        expect(after?.quarantined.latest[0]?.reason).toMatch(/\S/);
      } finally {
        await fx.close();
      }
    }, 600_000);
  },
);
