import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allHistoryRows, knownDrGroups, type HistoryFilters } from "@/lib/data/history";
import { listTargets, setTarget } from "@/lib/data/targets";
import { createSource } from "@/lib/data/sources";
import { groupsOf, periodKey, quarterRange } from "@/lib/domain/rto";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { getHistorySummary } from "./history-summary";
import { measureRuns } from "./measure-runs";
import { historySummaryQuery } from "@/lib/contracts/history";
import { toHistoryFilters } from "@/lib/services/history/filters";
import { summarizeHistory } from "./summarize";
import type { HistorySummary } from "@/lib/contracts/history";

/**
 * The SQL aggregates against the naive definition (every run loaded, measured and summarised in
 * memory) on an estate built to hit the awkward cases: overridden and default service phases in
 * odd case and spacing, phases on several lanes, unfinished and failed phases, runs without a start,
 * comma-separated groups, estate-wide and per-source targets, every outcome and category.
 */
const NOW = new Date("2026-06-15T12:00:00Z");
const RUNS = 3000;
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  const sources = [
    await createSource({ kind: "eyeglass", name: "eg-default", baseUrl: "http://a" }, t.db),
    await createSource(
      {
        kind: "eyeglass",
        name: "eg-override",
        baseUrl: "http://b",
        options: { rtoPhase: "  Failover Complete " },
      },
      t.db,
    ),
    await createSource({ kind: "commvault", name: "cv", baseUrl: "http://c" }, t.db),
    await createSource({ kind: "dfm", name: "dfm", baseUrl: "http://d" }, t.db),
  ];
  const ids = sources.map((s) => s.id);
  await t.db.$executeRaw`
    INSERT INTO "Job" (id, "sourceId", kind, "vendorId", type, name, state, "vendorState", "startedAt", "endedAt", "sortAt", "drGroup", policy, raw, "updatedAt")
    SELECT gen_random_uuid(), (${ids}::uuid[])[1 + i % 4], k.kind::"SourceKind", 'h' || i, k.types[1 + (i / 4) % array_length(k.types, 1)], 'run ' || i,
      (ARRAY['succeeded','failed','partial','running','succeeded','aborted','canceled','queued','succeeded'])[1 + (i / 3) % 9]::"JobState", 'x',
      CASE WHEN i % 37 = 0 THEN NULL ELSE s END, CASE WHEN i % 11 = 0 THEN NULL ELSE s + make_interval(secs => 600 + (i * 97) % 7200) END, s,
      (ARRAY[NULL, 'zone-1', 'zone-2, zone-1', ' Zone-1 ', 'SQL-Prod', 'zone-3,', 'Finance-ERP'])[1 + i % 7],
      (ARRAY[NULL, 'policy-1', 'zone-1', NULL, 'policy-2, SQL-Prod'])[1 + i % 5], '{}'::jsonb, now()
    FROM generate_series(0, ${RUNS - 1}::int) i
    CROSS JOIN LATERAL (SELECT ${NOW.toISOString().replace("Z", "")}::timestamp - make_interval(secs => i * 14400 + (i % 13) * 60) AS s) st
    CROSS JOIN LATERAL (SELECT
      (ARRAY['eyeglass', 'eyeglass', 'commvault', 'dfm'])[1 + i % 4] AS kind,
      CASE i % 4
        WHEN 0 THEN ARRAY['failover','dr-test','rehearsal','failback','readiness','replication']
        WHEN 1 THEN ARRAY['failover','dr-test','failback','readiness']
        WHEN 2 THEN ARRAY['test-failover','planned-failover','unplanned-failover','failback','backup']
        ELSE ARRAY['mirror','restore','backup'] END AS types) k`;
  await t.db.$executeRaw`
    INSERT INTO "Phase" (id, "jobId", "vendorKey", name, state, depth, "sortOrder", "startedAt", "endedAt")
    SELECT gen_random_uuid(), j.id, 'p' || k, (ARRAY['Make target writable', 'make target writable ', 'Post VM Failover', 'Replicate data', 'Failover Complete', 'Prepare'])[1 + (n + k) % 6],
      (ARRAY['succeeded','partial','failed','running','succeeded'])[1 + (n * (k + 1)) % 5]::"JobState", CASE WHEN k % 3 = 2 THEN 1 ELSE 0 END, k,
      j."sortAt" + make_interval(secs => k * 60), CASE WHEN (n + k) % 7 = 0 THEN NULL ELSE j."sortAt" + make_interval(secs => k * 60 + (n * 31 + k * 17) % 900) END
    FROM (SELECT id, "sortAt", substring("vendorId" FROM 2)::int AS n FROM "Job") j
    CROSS JOIN LATERAL generate_series(0, j.n % 5) k`;
  await setTarget("rto", { sourceId: null, group: "zone-1", targetMs: 900_000 }, t.db);
  await setTarget("rto", { sourceId: ids[1] ?? null, group: "Zone-1", targetMs: 300_000 }, t.db);
  await setTarget("rto", { sourceId: null, group: "policy-2", targetMs: 1_200_000 }, t.db);
  await setTarget("rto", { sourceId: null, group: "never-run", targetMs: 60_000 }, t.db);
}, 120_000);
afterAll(async () => t?.drop());

/** The definition: every matching run in memory, measured one by one, summarised in JavaScript. */
async function naiveSummary(filters: HistoryFilters): Promise<HistorySummary> {
  const quarter = quarterRange(NOW);
  const rows = await allHistoryRows(filters, Number.MAX_SAFE_INTEGER, t.db);
  const quarterRows = await allHistoryRows(
    { kinds: filters.kinds, groups: filters.groups, categories: ["test"], ...quarter },
    Number.MAX_SAFE_INTEGER,
    t.db,
  );
  const runs = await measureRuns(rows, { rpo: false }, t.db);
  const quarterRuns = await measureRuns(quarterRows, { rpo: false }, t.db);
  const seen = await knownDrGroups(filters.kinds, t.db, filters.from);
  const targets = await listTargets("rto", t.db);
  const matches = (g: string) =>
    !filters.groups?.length ||
    filters.groups.some((f) => g.toLowerCase().includes(f.toLowerCase()));
  const knownGroups = [
    ...new Set([
      ...seen.flatMap((g) => groupsOf(g, null).slice(0, 1)),
      ...targets.map((x) => x.group),
    ]),
  ].filter(matches);
  return summarizeHistory({
    runs,
    quarterRuns: quarterRuns.map((r) => r.run),
    knownGroups,
    quarter: periodKey(NOW, "quarter"),
  });
}

describe("history summary in SQL", () => {
  const cases: Array<Record<string, string | string[]>> = [
    {},
    { kind: "commvault" },
    { kind: ["eyeglass", "dfm"] },
    { group: "zone-1" },
    { group: ["sql", "finance"] },
    { outcome: "failed" },
    { outcome: ["succeeded", "running"] },
    { category: ["readiness", "mirror", "test"] },
    { from: "2026-01-01T00:00:00Z", to: "2026-04-01T00:00:00Z" },
    { kind: "eyeglass", group: "zone", category: "failover", from: "2025-11-01T00:00:00Z" },
  ];
  for (const query of cases) {
    it(`equals the in-memory computation for ${JSON.stringify(query)}`, async () => {
      const filters = toHistoryFilters(historySummaryQuery.parse(query), NOW);
      const [sql, naive] = await Promise.all([
        getHistorySummary(filters, NOW, t.db),
        naiveSummary(filters),
      ]);
      expect(sql.runs).toBeGreaterThan(0);
      expect(sql).toEqual(naive);
    });
  }

  it("covers the whole estate, not a capped sample", async () => {
    // The whole estate: a window from its first run (within the 800 days one request may read).
    const [{ first } = { first: NOW }] = await t.db.$queryRaw<
      Array<{ first: Date }>
    >`SELECT min("sortAt") AS first FROM "Job"`;
    const categories = [
      "test",
      "planned",
      "unplanned",
      "failover",
      "failback",
      "readiness",
      "mirror",
      "restore",
    ] as const;
    const all = await getHistorySummary(
      toHistoryFilters(
        historySummaryQuery.parse({ category: [...categories], from: first.toISOString() }),
        NOW,
      ),
      NOW,
      t.db,
    );
    const [{ n } = { n: 0 }] = await t.db.$queryRaw<
      Array<{ n: number }>
    >`SELECT count(*)::int AS n FROM "Job" WHERE type NOT IN ('replication', 'backup')`;
    expect(all.runs).toBe(n);
    expect(all.rto.measured).toBeGreaterThan(100);
    expect(all.rto.withTarget).toBeGreaterThan(10);
    expect(all.months.length).toBeGreaterThan(12);
  });
});
