import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AlertRuleKind } from "@/lib/contracts/alerts";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { createRule } from "../testing/rules";
import {
  createRecordingDb,
  describeAccess,
  explain,
  readsAllOf,
  rowsRead,
  type CapturedQuery,
} from "../testing/query-plans";
import { seedAlertEstate, type AlertEstate } from "../testing/seed-estate";
import { findFiring } from ".";

/**
 * Every statement each rule kind's condition sends while it is evaluated (recorded as the worker
 * sends it), planned by PostgreSQL with sequential scans priced out: on a small test table the
 * planner would happily read all of "Job", but on a real estate's million rows that is an evaluation
 * tick of seconds per rule. With seq scans off, reading all of Job remains only where no index
 * condition can narrow it (a sequential scan, or a walk of a whole index without an index condition),
 * which is what this asserts against (bench/alert-eval.ts shows the plans chosen freely at 1,000,000 jobs).
 */
const JOBS = 20_000;
/**
 * The conditions look at windows of a day to a month of a year's history (and a few hundred running
 * jobs): a statement that reads more than this share of Job is scanning history it does not need.
 * Not yet met by job_short: for each series that ended a run in its window it walks the newest runs of
 * the series' source and type (Job_sourceId_type_endedAt_idx) until it has 20 of the series, since
 * policy, dataset and DR group are matched null-safely and cannot be index conditions; it reads about
 * a third of this estate (6,800 rows, down from 29,000 before that index).
 */
const MAX_SHARE_READ = 0.2;
let t: TestDatabase;
let recording: ReturnType<typeof createRecordingDb>;
let estate: AlertEstate;

beforeAll(async () => {
  t = await createTestDatabase();
  recording = createRecordingDb(t.url);
  estate = await seedAlertEstate(t.db, { sources: 20, jobs: JOBS });
}, 120_000);
afterAll(async () => {
  await recording?.db.$disconnect();
  await t?.drop();
});

const RULES: Array<{ kind: AlertRuleKind; params?: Record<string, unknown>; scoped: boolean }> = [
  { kind: "job_failed", scoped: false },
  { kind: "job_failed", scoped: true },
  { kind: "job_slow", params: { minRuns: 3 }, scoped: false },
  { kind: "job_slow", params: { limitMinutes: 1 }, scoped: true },
  { kind: "job_short", scoped: false },
  { kind: "rto_exceeded", scoped: false },
  { kind: "rpo_missed", params: { rpoMinutes: 60 }, scoped: false },
  { kind: "rpo_missed", params: { rpoMinutes: 60 }, scoped: true },
  { kind: "action_stuck", scoped: false },
];

let made = 0;
async function statementsOf(kind: AlertRuleKind, params: object | undefined, scoped: boolean) {
  made += 1;
  const id = await createRule(t.db, {
    kind,
    name: `${kind} ${made}`,
    ...(params ? { params } : {}),
    ...(scoped ? { sourceId: estate.sourceIds[0] } : {}),
  });
  const rule = await t.db.alertRule.findUniqueOrThrow({ where: { id } });
  recording.take();
  const firing = await findFiring(rule, recording.db, estate.now);
  return { firing, statements: recording.take().filter((q) => q.sql.includes('"Job"')) };
}

describe("alert condition query plans", () => {
  it.each(RULES)(
    "$kind (scoped to a source: $scoped) reads Job through index conditions, never all of it",
    async ({ kind, params, scoped }) => {
      const { statements } = await statementsOf(kind, params, scoped);
      expect(statements.length).toBeGreaterThan(0);
      // The same statement for each job (job_slow's baselines) needs planning once.
      const distinct = new Map<string, CapturedQuery>(statements.map((q) => [q.sql, q]));
      for (const q of distinct.values()) {
        const plan = await explain(t.url, q, { seqScan: false, analyze: true });
        const why = `${rowsRead(plan, "Job")} rows of Job read: ${describeAccess(plan).join("; ")}\n${q.sql}`;
        expect(readsAllOf(plan, "Job"), why).toBe(false);
        // An index that narrows nothing (a state every old job has) is no better than reading it all.
        if (kind !== "job_short")
          expect(rowsRead(plan, "Job"), why).toBeLessThanOrEqual(JOBS * MAX_SHARE_READ);
      }
    },
  );

  it("the estate makes each kind's query do real work (so the plans above are of live queries)", async () => {
    const failed = await statementsOf("job_failed", undefined, false);
    expect(failed.firing.length).toBeGreaterThan(0);
    const slow = await statementsOf("job_slow", { limitMinutes: 1 }, false);
    expect(slow.firing.length).toBeGreaterThan(0);
    const stuck = await statementsOf("action_stuck", undefined, false);
    expect(stuck.firing.length).toBe(3);
  });
});
