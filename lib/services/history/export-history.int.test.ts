import v8 from "node:v8";
import vm from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jobListQuery } from "@/lib/contracts/jobs";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { streamJobsCsv } from "@/lib/services/jobs/jobs-csv";
import { streamHistoryCsv } from "./export-history";
import { toHistoryFilters } from "./filters";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

const SMALL = 20_000;
const LARGE = 200_000;
const NOW = new Date("2026-11-30T12:00:00Z");
const MB = 1024 * 1024;
/** A window holding every generated job (the jobs list reads 30 days unless told otherwise). */
const ALL_OF_IT = new Date(NOW.getTime() - 150 * 86_400_000).toISOString();

let t: TestDatabase;
const sourceIds: Record<"small" | "large", string> = { small: "", large: "" };

/** `count` failovers on a source of their own, one a minute back from NOW: job i is `f<i>`, so the newest is f0. */
async function generateFailovers(
  kind: "eyeglass" | "commvault",
  type: string,
  count: number,
): Promise<string> {
  const [source] = await t.db.$queryRaw<Array<{ id: string }>>`
    INSERT INTO "Source" (id, kind, name, "baseUrl", "updatedAt") VALUES (gen_random_uuid(), ${kind}::"SourceKind", ${`export-${kind}`}, 'http://export.invalid', now())
    RETURNING id::text`;
  if (!source) throw new Error("no source");
  const now = NOW.toISOString().replace("Z", "");
  await t.db.$executeRaw`
    INSERT INTO "Job" (id, "sourceId", kind, "vendorId", type, name, state, "vendorState", "startedAt", "endedAt", "sortAt", "drGroup", raw, "updatedAt")
    SELECT gen_random_uuid(), ${source.id}::uuid, ${kind}::"SourceKind", 'f' || i, ${type}, 'Zone failover zone-' || (i % 40) || ' run ' || i,
      CASE WHEN i % 9 = 0 THEN 'failed' ELSE 'succeeded' END::"JobState", 'FINISHED',
      ${now}::timestamp - make_interval(mins => i), ${now}::timestamp - make_interval(mins => i) + interval '20 minutes',
      ${now}::timestamp - make_interval(mins => i), 'zone-' || (i % 40), '{}'::jsonb, now()
    FROM generate_series(0, ${count - 1}::int) i`;
  await t.db.$executeRaw`ANALYZE "Job"`;
  return source.id;
}

interface Drained {
  lines: number;
  first: string | undefined;
  last: string | undefined;
  /** Most live heap (after a full GC) above where the export started, sampled as it streamed. */
  peakGrowth: number;
}

/** Reads a CSV stream as an HTTP client would, keeping only its first and last row. */
async function drain(
  stream: ReadableStream<Uint8Array>,
  column: (cells: string[]) => string,
): Promise<Drained> {
  gc();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  const decoder = new TextDecoder();
  let carry = "";
  let lines = 0;
  let first: string | undefined;
  let last: string | undefined;
  let chunks = 0;
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) {
    const parts = (carry + decoder.decode(chunk, { stream: true })).split("\r\n");
    carry = parts.pop() ?? "";
    for (const line of parts) {
      lines++;
      if (lines === 2) first = column(line.split(","));
      last = line;
    }
    if (++chunks % 20 === 0) {
      gc();
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
  }
  gc();
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  return {
    lines,
    first,
    last: last === undefined ? undefined : column(last.split(",")),
    peakGrowth: peak - base,
  };
}

beforeAll(async () => {
  t = await createTestDatabase();
  sourceIds.small = await generateFailovers("commvault", "test-failover", SMALL);
  sourceIds.large = await generateFailovers("eyeglass", "failover", LARGE);
}, 600_000);
afterAll(async () => {
  await t.drop();
});

describe("CSV exports stream from the database", () => {
  it("the history export carries every run, newest to oldest, with memory flat in the number of runs", async () => {
    const vendorIdOf = (cells: string[]) => cells[3] ?? "";
    const small = await drain(
      streamHistoryCsv(toHistoryFilters({ kind: ["commvault"] }), t.db),
      vendorIdOf,
    );
    const large = await drain(
      streamHistoryCsv(toHistoryFilters({ kind: ["eyeglass"] }), t.db),
      vendorIdOf,
    );
    expect([small.lines, small.first, small.last]).toEqual([SMALL + 1, "f0", `f${SMALL - 1}`]);
    expect([large.lines, large.first, large.last]).toEqual([LARGE + 1, "f0", `f${LARGE - 1}`]);
    // Ten times the runs; an export held in memory grows ten times too (a 200k-run CSV is ~40 MB).
    const ratio = large.peakGrowth / Math.max(small.peakGrowth, 8 * MB);
    expect(
      ratio,
      `heap growth ${(small.peakGrowth / MB).toFixed(1)} MB for ${SMALL}, ${(large.peakGrowth / MB).toFixed(1)} MB for ${LARGE}`,
    ).toBeLessThan(2);
  }, 600_000);

  it("the jobs export carries every job of the view, newest to oldest, with memory flat in the number of jobs", async () => {
    const vendorIdOf = (cells: string[]) => cells[5] ?? "";
    const small = await drain(
      streamJobsCsv(jobListQuery.parse({ source: sourceIds.small, from: ALL_OF_IT }), t.db, NOW),
      vendorIdOf,
    );
    const large = await drain(
      streamJobsCsv(jobListQuery.parse({ source: sourceIds.large, from: ALL_OF_IT }), t.db, NOW),
      vendorIdOf,
    );
    expect([small.lines, small.first, small.last]).toEqual([SMALL + 1, "f0", `f${SMALL - 1}`]);
    expect([large.lines, large.first, large.last]).toEqual([LARGE + 1, "f0", `f${LARGE - 1}`]);
    const ratio = large.peakGrowth / Math.max(small.peakGrowth, 8 * MB);
    expect(
      ratio,
      `heap growth ${(small.peakGrowth / MB).toFixed(1)} MB for ${SMALL}, ${(large.peakGrowth / MB).toFixed(1)} MB for ${LARGE}`,
    ).toBeLessThan(2);
  }, 600_000);
});
