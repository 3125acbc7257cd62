import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSource } from "@/lib/data/sources";
import { emptySnapshot } from "@/lib/domain/model";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { INDEXED_TEXT_MAX } from "./clean";
import { storeJobRecords } from "./store-jobs";
import { prepareStep, storeStep } from "./store-step";
import { VENDOR_ID_MAX } from "./vendor-id";

let t: TestDatabase;
let source: { id: string; kind: "ontap" };

beforeAll(async () => {
  t = await createTestDatabase();
  source = {
    id: (await createSource({ kind: "ontap", name: "huge names", baseUrl: "http://huge" }, t.db))
      .id,
    kind: "ontap",
  };
});

afterAll(async () => {
  await t.drop();
});

describe("storing vendor jobs with absurd strings", () => {
  it("stores a job whose name, type and phase name are a megabyte each, cut to what an index holds, beside an ordinary job", async () => {
    const huge = `${"<b>huge</b>".repeat(95_000)}END`;
    const phase = {
      key: "p1",
      parentKey: null,
      lane: null,
      name: huge,
      state: "running" as const,
      vendorStatus: null,
      order: 0,
      startedAt: null,
      endedAt: null,
      message: huge,
    };
    const jobs = [
      { ...emptySnapshot("huge-1", { name: huge, type: huge, state: "running" }), phases: [phase] },
      emptySnapshot("plain-1", { name: "nightly", state: "running" }),
    ];
    const result = await storeJobRecords(t.db, source, jobs);
    expect(result.inserted).toBe(2);
    const stored = await t.db.job.findMany({
      where: { sourceId: source.id },
      include: { phases: true },
      orderBy: { vendorId: "asc" },
    });
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
    const again = await storeJobRecords(t.db, source, jobs);
    expect(again.changedJobIds).toEqual([]);
  });

  it("quarantines a job whose vendor id is too long for the unique index, and stores the rest of its step", async () => {
    const longId = `job-${"9".repeat(200_000)}`;
    const edge = `e${"x".repeat(VENDOR_ID_MAX - 1)}`;
    const jobs = [
      emptySnapshot("step-1", { name: "before", state: "succeeded" }),
      emptySnapshot(longId, { name: "long id", state: "running" }),
      emptySnapshot(edge, { name: "longest id kept", state: "running" }),
      emptySnapshot("step-2", { name: "after", state: "failed" }),
    ];
    const step = () =>
      prepareStep(t.db, { jobs, cursor: {} }).then((prepared) =>
        t.db.$transaction((tx) => storeStep(tx, source, prepared, new Date())),
      );
    await step();
    const stored = await t.db.job.findMany({
      where: { sourceId: source.id, vendorId: { in: ["step-1", "step-2", edge, longId] } },
      select: { vendorId: true },
    });
    expect(stored.map((j) => j.vendorId).sort()).toEqual([edge, "step-1", "step-2"].sort());
    const quarantined = await t.db.quarantinedRecord.findMany({ where: { sourceId: source.id } });
    expect(quarantined).toHaveLength(1);
    expect(quarantined[0]?.reason).toBe(
      `the vendor's id for this job is ${longId.length} characters long; ids are kept whole (they identify the job at the vendor) up to ${VENDOR_ID_MAX}`,
    );
    expect(quarantined[0]?.recordKey).toMatch(/^vendor-id:sha1:[0-9a-f]{20}$/);
    // The next poll reports it again: still one row, still the rest stored once.
    await step();
    expect(await t.db.quarantinedRecord.count({ where: { sourceId: source.id } })).toBe(1);
    expect(
      await t.db.job.count({
        where: { sourceId: source.id, vendorId: { in: ["step-1", "step-2", edge] } },
      }),
    ).toBe(3);
  });
});
