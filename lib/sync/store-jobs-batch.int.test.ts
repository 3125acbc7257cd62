import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSource } from "@/lib/data/sources";
import { emptySnapshot, type JobRecord } from "@/lib/domain/model";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { stageJobs } from "./stage-jobs";
import { storeJobRecords, storeJobs } from "./store-jobs";

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});

afterAll(async () => {
  await t.drop();
});

async function newSource(name: string) {
  const { id } = await createSource({ kind: "ontap", name, baseUrl: `http://${name}` }, t.db);
  return { id, kind: "ontap" as const };
}

type Phase = NonNullable<JobRecord["phases"]>[number];
const RUN: Phase = {
  key: "run",
  parentKey: null,
  lane: null,
  name: "run",
  state: "succeeded",
  vendorStatus: "success",
  order: 0,
  startedAt: new Date("2026-11-30T10:00:00.000Z"),
  endedAt: new Date("2026-11-30T10:05:00.000Z"),
  message: null,
};

const job = (vendorId: string, overrides: Partial<JobRecord> = {}): JobRecord => ({
  ...emptySnapshot(vendorId, {
    name: `backup ${vendorId}`,
    state: "succeeded",
    vendorState: "success",
    bytesDone: 12_345_678_901_234n,
    startedAt: new Date("2026-11-30T10:00:00.000Z"),
    endedAt: new Date("2026-11-30T10:05:00.000Z"),
    raw: { uuid: vendorId, nested: { list: [1, "two", null] }, text: "a\u0000b" },
  }),
  phases: [RUN],
  ...overrides,
});

const store = (source: { id: string; kind: "ontap" }, jobs: JobRecord[]) =>
  storeJobRecords(t.db, source, jobs);

describe("bulk ingest of a step's jobs", () => {
  it("stores every field as sent, and a re-ingest of the same batch changes nothing", async () => {
    const source = await newSource("idempotent");
    const jobs = Array.from({ length: 250 }, (_, i) => job(`j-${i}`));
    const first = await store(source, jobs);
    expect(first.inserted).toBe(250);
    expect(first.changedJobIds).toHaveLength(250);
    const stored = await t.db.job.findFirstOrThrow({
      where: { sourceId: source.id, vendorId: "j-7" },
      include: { phases: true },
    });
    expect(stored.bytesDone).toBe(12_345_678_901_234n);
    expect(stored.startedAt?.toISOString()).toBe("2026-11-30T10:00:00.000Z");
    expect(stored.raw).toEqual({ uuid: "j-7", nested: { list: [1, "two", null] }, text: "ab" });
    expect(stored.phases.map((p) => p.vendorKey)).toEqual(["run"]);
    const updatedAt = stored.updatedAt;

    const again = await store(source, jobs);
    expect(again).toEqual({ changedJobIds: [], inserted: 0 });
    expect(await t.db.job.count({ where: { sourceId: source.id } })).toBe(250);
    expect(await t.db.phase.count({ where: { job: { sourceId: source.id } } })).toBe(250);
    const after = await t.db.job.findFirstOrThrow({ where: { id: stored.id } });
    expect(after.updatedAt).toEqual(updatedAt);
    // Seen again, so confirmed again: the read-through refresh need not ask the vendor.
    expect(after.refreshedAt.getTime()).toBeGreaterThan(stored.refreshedAt.getTime());
    expect(after.lastSeenAt.getTime()).toBeGreaterThan(stored.lastSeenAt.getTime());
    expect(await t.db.jobStage.count()).toBe(0);
    expect(await t.db.phaseStage.count()).toBe(0);
  });

  it("reports exactly the jobs whose content changed when part of a batch changes", async () => {
    const source = await newSource("partial");
    const jobs = Array.from({ length: 40 }, (_, i) => job(`p-${i}`));
    await store(source, jobs);
    const changedJobs = jobs.map((j, i) =>
      i % 10 === 3 ? { ...j, state: "failed" as const, message: "quota exceeded" } : j,
    );
    const result = await store(source, changedJobs);
    const changedVendorIds = (
      await t.db.job.findMany({ where: { id: { in: result.changedJobIds } } })
    ).map((j) => j.vendorId);
    expect(changedVendorIds.sort()).toEqual(["p-13", "p-23", "p-3", "p-33"]);
    expect(result.inserted).toBe(0);
    const failed = await t.db.job.findMany({
      where: { sourceId: source.id, state: "failed" },
      select: { vendorId: true, message: true },
    });
    expect(failed).toHaveLength(4);
    expect(failed.every((j) => j.message === "quota exceeded")).toBe(true);
  });

  it("stores a job listed twice in one batch once, as last read, instead of failing the step", async () => {
    const source = await newSource("twice");
    const result = await store(source, [
      job("dup", { state: "running", vendorState: "running" }),
      job("other"),
      job("dup", { state: "succeeded", vendorState: "success" }),
    ]);
    expect(result.inserted).toBe(2);
    const rows = await t.db.job.findMany({
      where: { sourceId: source.id },
      orderBy: { vendorId: "asc" },
    });
    expect(rows.map((r) => [r.vendorId, r.state])).toEqual([
      ["dup", "succeeded"],
      ["other", "succeeded"],
    ]);
  });

  it("keeps one row per job when two ingests of overlapping batches run at once", async () => {
    const source = await newSource("concurrent");
    const a = Array.from({ length: 300 }, (_, i) => job(`c-${i}`, { name: `from a ${i}` }));
    const b = Array.from({ length: 300 }, (_, i) =>
      job(`c-${i + 150}`, { name: `from b ${i + 150}` }),
    );
    const [ra, rb] = await Promise.all([store(source, a), store(source, b)]);
    // Each job is inserted by exactly one of them; the overlap is updated by the later commit.
    expect(ra.inserted + rb.inserted).toBe(450);
    const rows = await t.db.job.findMany({
      where: { sourceId: source.id },
      select: { vendorId: true, name: true },
    });
    expect(rows).toHaveLength(450);
    expect(new Set(rows.map((r) => r.vendorId)).size).toBe(450);
    for (const r of rows) {
      const i = Number(r.vendorId.slice(2));
      if (i < 150) expect(r.name).toBe(`from a ${i}`);
      else if (i >= 300) expect(r.name).toBe(`from b ${i}`);
      else expect([`from a ${i}`, `from b ${i}`]).toContain(r.name);
    }
    expect(await t.db.phase.count({ where: { job: { sourceId: source.id } } })).toBe(450);
  });

  it("stores the characters COPY's text format escapes exactly as the vendor sent them", async () => {
    const source = await newSource("escapes");
    // A tab, a newline, a carriage return, COPY's NULL marker, a backslash and its end-of-data marker.
    const odd = "tab\there\nnew line\r \\N back\\slash \\. end";
    const first = job("esc-1", {
      name: odd,
      message: odd,
      dataset: "\\N",
      raw: { text: odd, escaped: "\\u0000 \\t" },
    });
    await store(source, [first]);
    const stored = await t.db.job.findFirstOrThrow({ where: { sourceId: source.id } });
    expect(stored.name).toBe(odd);
    expect(stored.message).toBe(odd);
    expect(stored.dataset).toBe("\\N");
    expect(stored.raw).toEqual({ text: odd, escaped: "\\u0000 \\t" });
    expect(stored.searchText).toContain("back\\slash");
    expect(await store(source, [first])).toEqual({ changedJobIds: [], inserted: 0 });
  });

  it("leaves nothing staged when the transaction that was to store a batch fails", async () => {
    const source = await newSource("rolled-back");
    const staged = await stageJobs(t.db, [job("rb-1"), job("rb-2")]);
    expect(await t.db.jobStage.count({ where: { batchId: staged.batchId } })).toBe(2);
    expect(await t.db.phaseStage.count({ where: { batchId: staged.batchId } })).toBe(2);
    await expect(
      t.db.$transaction(async (tx) => {
        await storeJobs(tx, source, staged, new Date());
        throw new Error("the step failed after storing");
      }),
    ).rejects.toThrow("the step failed after storing");
    expect(await t.db.job.count({ where: { sourceId: source.id } })).toBe(0);
    await staged.release();
    expect(await t.db.jobStage.count({ where: { batchId: staged.batchId } })).toBe(0);
    expect(await t.db.phaseStage.count({ where: { batchId: staged.batchId } })).toBe(0);
  });

  it("merges a known job's phases by key: a changed or new phase reports the job, an unchanged batch does not", async () => {
    const source = await newSource("phases");
    const copy = { ...RUN, key: "copy", parentKey: "run", name: "copy\tdata\n\\N", order: 1 };
    await store(source, [job("ph-1"), job("ph-2")]);
    const grown = job("ph-1", { phases: [{ ...RUN, state: "running", endedAt: null }, copy] });
    const result = await store(source, [grown, job("ph-2")]);
    const ids = await t.db.job.findMany({
      where: { sourceId: source.id },
      orderBy: { vendorId: "asc" },
    });
    expect(result.changedJobIds).toEqual([ids[0]?.id]);
    const phases = await t.db.phase.findMany({
      where: { jobId: ids[0]?.id },
      orderBy: { sortOrder: "asc" },
    });
    expect(phases.map((p) => [p.vendorKey, p.state, p.depth, p.name])).toEqual([
      ["run", "running", 0, "run"],
      ["copy", "succeeded", 1, "copy\tdata\n\\N"],
    ]);
    expect(await store(source, [grown, job("ph-2")])).toEqual({ changedJobIds: [], inserted: 0 });
  });

  it("stores a phase key sent twice in one job once, as last read, for a new job and a known one", async () => {
    const source = await newSource("phase-twice");
    const twice = (vendorId: string) =>
      job(vendorId, {
        phases: [
          { ...RUN, name: "first" },
          { ...RUN, name: "second" },
        ],
      });
    await store(source, [twice("pt-1")]);
    await store(source, [twice("pt-1"), twice("pt-2")]);
    const phases = await t.db.phase.findMany({
      where: { job: { sourceId: source.id } },
      select: { name: true },
    });
    expect(phases.map((p) => p.name)).toEqual(["second", "second"]);
  });
});
