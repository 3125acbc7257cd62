import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSource } from "@/lib/data/sources";
import { emptySnapshot } from "@/lib/domain/model";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { INDEXED_TEXT_MAX } from "./clean";
import { storeJobs } from "./store-jobs";

let t: TestDatabase;
let source: { id: string; kind: "ontap" };

beforeAll(async () => {
  t = await createTestDatabase();
  source = { id: (await createSource({ kind: "ontap", name: "huge names", baseUrl: "http://huge" }, t.db)).id, kind: "ontap" };
});

afterAll(async () => {
  await t.drop();
});

describe("storing vendor jobs with absurd strings", () => {
  it("stores a job whose name, type and phase name are a megabyte each, cut to what an index holds, beside an ordinary job", async () => {
    const huge = `${"<b>huge</b>".repeat(95_000)}END`;
    const phase = { key: "p1", parentKey: null, lane: null, name: huge, state: "running" as const, vendorStatus: null, order: 0, startedAt: null, endedAt: null, message: huge };
    const jobs = [
      { ...emptySnapshot("huge-1", { name: huge, type: huge, state: "running" }), phases: [phase] },
      emptySnapshot("plain-1", { name: "nightly", state: "running" }),
    ];
    const result = await t.db.$transaction((tx) => storeJobs(tx, source, jobs, new Date()));
    expect(result.inserted).toBe(2);
    const stored = await t.db.job.findMany({ where: { sourceId: source.id }, include: { phases: true }, orderBy: { vendorId: "asc" } });
    expect(stored.map((j) => j.vendorId)).toEqual(["huge-1", "plain-1"]);
    const [big, plain] = stored;
    expect(Array.from(big?.name ?? "")).toHaveLength(INDEXED_TEXT_MAX);
    expect(huge.startsWith((big?.name ?? "").slice(0, -1))).toBe(true);
    expect(Array.from(big?.type ?? "")).toHaveLength(INDEXED_TEXT_MAX);
    expect(Array.from(big?.phases[0]?.name ?? "")).toHaveLength(INDEXED_TEXT_MAX);
    // Unindexed text keeps all of it.
    expect(big?.phases[0]?.message).toBe(huge);
    expect(plain?.name).toBe("nightly");
    // A replay of the same batch changes nothing.
    const again = await t.db.$transaction((tx) => storeJobs(tx, source, jobs, new Date()));
    expect(again.changedJobIds).toEqual([]);
  });
});
