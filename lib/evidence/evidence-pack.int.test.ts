import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EvidencePackDoc, PackRun } from "@/lib/contracts/evidence";
import { setDb } from "@/lib/db/client";
import { setTarget } from "@/lib/data/targets";
import type { Actor } from "@/lib/domain/actor";
import { buildDrGroups } from "@/lib/simulators/commvault/estate";
import { Rng } from "@/lib/simulators/engine/rng";
import {
  pollSimulatedSource,
  simPost,
  startSimulatedSource,
  type SimulatedSourceFixture,
} from "@/lib/testing/sim-source";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { canonicalJson, sha256Hex } from "./canonical";
import { chainStatus } from "./chain-store";
import { issuePack } from "./issue-pack";
import { getPackJson } from "./packs";
import { quarterPeriod } from "./period";
import { signOffPack } from "./sign-off-pack";
import { verifyBytes, verifySha256 } from "./verify";
import { formatDuration } from "@/lib/domain/durations";
import { closePdfBrowser } from "@/lib/pdf/render-pdf";
import { pdfText } from "@/lib/pdf/testing/pdf-text";
import { packPdf } from "./pack-pdf";

const MIN = 60_000;
const HOUR = 3_600_000;
const DEC = Date.UTC(2026, 11, 8, 9, 0, 0);
const JAN = Date.UTC(2027, 0, 12, 9, 0, 0);
const FEB = Date.UTC(2027, 1, 9, 9, 0, 0);
const MAR = Date.UTC(2027, 2, 3, 9, 0, 0);
const SEED = 3;
const groups = buildDrGroups(new Rng(SEED ^ 0x5bd1e995));
const groupId = (name: string) => groups.find((g) => g.name === name)?.id;
const QUIET_COMMVAULT = {
  liveJobs: false,
  historyMs: 2 * 86_400_000,
  historyDensity: 0,
  meanIntervalMs: 100 * 365 * 86_400_000,
};

const admin: Actor = {
  kind: "user",
  id: "u-admin",
  name: "Dana Manager",
  email: "dana@example.test",
  role: "admin",
};
const operator: Actor = { kind: "user", id: "u-op", name: "Olaf Operator", role: "operator" };

let t: TestDatabase;
let cv: SimulatedSourceFixture;
let eg: SimulatedSourceFixture;
let dfm: SimulatedSourceFixture;

const poll = (fx: SimulatedSourceFixture) => pollSimulatedSource(t.db, fx);

const cvJob = async (type: string, group: string, rtoMs?: number) =>
  (await simPost(cv, "jobs", { type, drGroupId: groupId(group), ...(rtoMs ? { rtoMs } : {}) }))
    .vendorId;

/** What the test scripted, keyed by vendor id: the figures the pack must carry. */
const scripted = new Map<string, { rtoMs: number | null; waitingMs: number }>();
const PAUSE_MS = 17 * MIN + 3_000;
let pack: { id: string; sha256: string };
let doc: EvidencePackDoc;
let bytes: string;

beforeAll(async () => {
  t = await createTestDatabase();
  setDb(t.db);
  cv = await startSimulatedSource(t.db, "commvault", { seed: SEED, scenario: QUIET_COMMVAULT });
  eg = await startSimulatedSource(t.db, "eyeglass", {
    seed: SEED,
    scenario: {
      randomFailovers: false,
      demoFailovers: false,
      readinessIntervalMs: 86_400_000,
      replicationIntervalMs: 12 * HOUR,
      scriptedFailovers: [
        { startsAt: JAN + HOUR, kind: "failover", rtoMs: 754_321, durationMs: 1_800_000 },
        { startsAt: FEB + HOUR, kind: "drtest", rtoMs: 120_000, durationMs: 1_800_000 },
        {
          startsAt: MAR + HOUR,
          kind: "failover",
          rtoMs: 400_000,
          durationMs: 1_800_000,
          outcome: "failed",
        },
      ],
    },
  });
  dfm = await startSimulatedSource(t.db, "dfm", {
    seed: SEED,
    scenario: { historyHours: 0.001, meanIntervalMs: 100 * 365 * 86_400_000 },
  });
  await setTarget("rto", { sourceId: null, group: "SQL-Prod", targetMs: 700_000 }, t.db);
  // A group with a target that is never run in the quarter: the pack must name it.
  await setTarget("rto", { sourceId: null, group: "Exchange-DAG", targetMs: 1_800_000 }, t.db);

  // The previous quarter: one DR test, the trend's baseline.
  cv.clock.set(DEC);
  const prev = await cvJob("test-failover", "SQL-Prod", 500_000);
  cv.clock.advance(3 * HOUR);
  await poll(cv);
  scripted.set(prev, { rtoMs: 500_000, waitingMs: 0 });

  cv.clock.set(JAN);
  const test1 = await cvJob("test-failover", "SQL-Prod", 600_000);
  cv.clock.advance(3 * HOUR);
  const planned = await cvJob("planned-failover", "SQL-Prod", 900_000);
  cv.clock.advance(3 * HOUR);
  await poll(cv);
  const unplanned = await cvJob("unplanned-failover", "Finance-ERP");
  cv.clock.advance(45_000);
  await simPost(cv, `jobs/${unplanned}/fail`);
  cv.clock.advance(HOUR);
  await poll(cv);
  cv.clock.set(FEB);
  const test2 = await cvJob("test-failover", "Finance-ERP", 1_200_000);
  cv.clock.advance(3 * HOUR);
  await poll(cv);
  scripted.set(test1, { rtoMs: 600_000, waitingMs: 0 });
  scripted.set(planned, { rtoMs: 900_000, waitingMs: PAUSE_MS });
  scripted.set(unplanned, { rtoMs: null, waitingMs: 0 });
  scripted.set(test2, { rtoMs: 1_200_000, waitingMs: 0 });

  // An operator paused the planned failover in Jobdeck and resumed it 17 min 3 s later: the audit
  // trail holds both, at the times they happened.
  const plannedJob = await t.db.job.findFirstOrThrow({
    where: { sourceId: cv.sourceId, vendorId: planned },
  });
  const pausedAt = new Date((plannedJob.startedAt?.getTime() ?? 0) + 2 * MIN);
  for (const [action, at] of [
    ["pause", pausedAt],
    ["resume", new Date(pausedAt.getTime() + PAUSE_MS)],
  ] as const)
    await t.db.action.create({
      data: {
        idempotencyKey: `test-${action}`,
        jobId: plannedJob.id,
        sourceId: cv.sourceId,
        userId: null,
        actor: operator.name,
        actorId: operator.id,
        action,
        status: "succeeded",
        requestedAt: new Date(at.getTime() - 1_000),
        completedAt: at,
        audit: {
          create: [
            { at: new Date(at.getTime() - 1_000), stage: "requested", detail: null },
            { at, stage: "succeeded", detail: "ok" },
          ],
        },
      },
    });

  for (const at of [JAN, FEB, MAR]) {
    eg.clock.set(at + 3 * HOUR);
    await poll(eg);
  }
  for (const j of await t.db.job.findMany({
    where: { sourceId: eg.sourceId, type: { in: ["failover", "dr-test"] } },
    orderBy: { startedAt: "asc" },
  })) {
    const rto = [754_321, 120_000, null][
      [JAN + HOUR, FEB + HOUR, MAR + HOUR].indexOf(j.startedAt?.getTime() ?? 0)
    ];
    scripted.set(j.vendorId, { rtoMs: rto ?? null, waitingMs: 0 });
  }
  // Eyeglass failovers in the quarter must meet 800 s on their zone.
  const egZone = (
    await t.db.job.findFirstOrThrow({ where: { sourceId: eg.sourceId, type: "failover" } })
  ).drGroup;
  await setTarget("rto", { sourceId: null, group: egZone ?? "", targetMs: 800_000 }, t.db);

  dfm.clock.set(FEB + 10 * HOUR);
  const restore = (await simPost(dfm, "jobs", { type: "restore", durationMs: 1_500_000 })).vendorId;
  dfm.clock.advance(2 * HOUR);
  await poll(dfm);
  // A restore has no service step: its RTO is the whole run as DFM reports its start and end.
  const restoreRow = await t.db.job.findFirstOrThrow({
    where: { sourceId: dfm.sourceId, vendorId: restore },
  });
  scripted.set(restore, {
    rtoMs: (restoreRow.endedAt?.getTime() ?? NaN) - (restoreRow.startedAt?.getTime() ?? NaN),
    waitingMs: 0,
  });

  const issued = await issuePack(quarterPeriod("2027-Q1"), admin, { trigger: "manual" }, t.db);
  if (!issued) throw new Error("no pack issued");
  pack = issued;
  bytes = (await getPackJson(pack.id, t.db)).canonical;
  doc = JSON.parse(bytes) as EvidencePackDoc;
}, 240_000);

afterAll(async () => {
  await closePdfBrowser();
  await cv?.close();
  await eg?.close();
  await dfm?.close();
  setDb(undefined);
  await t?.drop();
});

const byVendor = () => new Map<string, PackRun>(doc.runs.map((r) => [r.run.vendorId, r]));

describe("a quarter's evidence pack", () => {
  it("holds every run of the quarter across Eyeglass, Commvault and DFM, failed ones included", async () => {
    const inQuarter = await t.db.$queryRaw<Array<{ vendorId: string }>>`
      SELECT "vendorId" FROM "Job"
      WHERE "sortAt" >= '2027-01-01' AND "sortAt" < '2027-04-01'
        AND ((kind = 'commvault' AND type IN ('test-failover', 'planned-failover', 'unplanned-failover', 'failback'))
          OR (kind = 'eyeglass' AND type IN ('failover', 'dr-test', 'rehearsal', 'failback'))
          OR (kind = 'dfm' AND type = 'restore'))`;
    expect(doc.runs.map((r) => r.run.vendorId).sort()).toEqual(
      inQuarter.map((r) => r.vendorId).sort(),
    );
    expect(new Set(doc.runs.map((r) => r.run.source.kind))).toEqual(
      new Set(["commvault", "eyeglass", "dfm"]),
    );
    expect(doc.runs.filter((r) => r.run.outcome === "failed")).toHaveLength(2);
  });

  it("carries each run's RTO and waiting time exactly as scripted", () => {
    const runs = byVendor();
    for (const r of doc.runs) {
      const want = scripted.get(r.run.vendorId);
      expect(want, `run ${r.run.vendorId} was scripted`).toBeDefined();
      expect([r.run.vendorId, r.rto.ms]).toEqual([r.run.vendorId, want?.rtoMs]);
      expect([r.run.vendorId, r.waiting.totalMs]).toEqual([r.run.vendorId, want?.waitingMs]);
    }
    const planned = [...runs.values()].find((r) => r.run.type === "planned-failover");
    expect(planned?.waiting.intervals.map((i) => [i.kind, i.ms])).toEqual([["pause", PAUSE_MS]]);
    expect(planned?.people.actedBy.map((p) => p.name)).toEqual([operator.name]);
    // A planned failover syncs inside the run: nothing lost at cut-over.
    expect(planned?.rpo.ms).toBe(0);
  });

  it("links each figure to the vendor's ids and orders the milestones", () => {
    for (const r of doc.runs) {
      expect(r.rto.ref.jobId).toBe(r.run.vendorId);
      if (r.rto.ms !== null && r.run.source.kind !== "dfm") {
        const step = r.steps.find((s) => s.vendorKey === r.rto.ref.stepKey);
        expect(step?.service).toBe(true);
        expect(Date.parse(step?.endedAt ?? "")).toBe(
          Date.parse(r.milestones.startedAt ?? "") + r.rto.ms,
        );
        expect(r.milestones.serviceRestoredAt).toBe(step?.endedAt);
      }
      const m = r.milestones;
      // A restore's service is back when it ends, after its last transfer step: not in this order.
      const restored = r.run.category === "restore" ? null : m.serviceRestoredAt;
      const order = [m.startedAt, m.firstStepAt, restored, m.lastStepAt]
        .filter((x): x is string => x !== null)
        .map(Date.parse);
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
    const eyeglass = doc.runs.filter((r) => r.run.source.kind === "eyeglass" && r.rto.ms !== null);
    // Eyeglass's log names its steps: the RTO's step is traced to log lines.
    for (const r of eyeglass) expect(r.rto.ref.logLines?.length).toBeGreaterThan(0);
  });

  it("counts met and missed targets and names the groups never tested, as computed from the rows", async () => {
    const targets = new Map(
      (await t.db.rtoTarget.findMany()).map((x) => [x.group.toLowerCase(), x.targetMs]),
    );
    let met = 0;
    let missed = 0;
    for (const r of doc.runs) {
      const want = scripted.get(r.run.vendorId)?.rtoMs ?? null;
      const target = targets.get((r.run.group ?? "").toLowerCase());
      if (want === null || target === undefined) continue;
      if (want <= target) met += 1;
      else missed += 1;
    }
    expect([doc.summary.current.metTarget, doc.summary.current.missedTarget]).toEqual([
      met,
      missed,
    ]);
    expect(met).toBeGreaterThan(0);
    expect(missed).toBeGreaterThan(0);

    const known = await t.db.$queryRaw<Array<{ g: string }>>`
      SELECT DISTINCT split_part("drGroup", ',', 1) AS g FROM "Job"
      WHERE "drGroup" IS NOT NULL AND "sortAt" < '2027-04-01'
        AND type IN ('test-failover', 'planned-failover', 'unplanned-failover', 'failover', 'dr-test', 'rehearsal', 'failback')
      UNION SELECT "group" FROM "RtoTarget"`;
    const tested = new Set(
      doc.runs.filter((r) => r.run.category !== "restore").map((r) => r.run.group?.toLowerCase()),
    );
    const never = [...new Set(known.map((k) => k.g.trim()))]
      .filter((g) => !tested.has(g.toLowerCase()))
      .sort();
    expect(doc.summary.neverTested).toEqual(never);
    expect(doc.summary.neverTested).toContain("Exchange-DAG");
    expect(doc.summary.neverTested).not.toContain("SQL-Prod");
  });

  it("compares with the previous quarter", () => {
    expect(doc.summary.previous.runs).toBe(1);
    expect(doc.summary.previous.rtoMedianMs).toBe(500_000);
    expect(doc.summary.trend.runs).toBe(doc.runs.length - 1);
  });

  it("hashes the canonical JSON: the download is exactly the hashed bytes, each run's hash recomputes", () => {
    expect(sha256Hex(bytes)).toBe(pack.sha256);
    expect(canonicalJson(doc)).toBe(bytes);
    for (const r of doc.runs) {
      const { sha256, ...rest } = r;
      expect(sha256Hex(canonicalJson(rest))).toBe(sha256);
    }
  });
});

describe("verification", () => {
  it("recognises the pack and one run report, and says the chain is intact", async () => {
    const ok = await verifyBytes(new TextEncoder().encode(bytes), t.db);
    expect([ok.issued, ok.match?.kind, ok.match?.packId, ok.match?.storedIntact]).toEqual([
      true,
      "pack",
      pack.id,
      true,
    ]);
    expect(ok.chain.intact).toBe(true);
    const run = doc.runs[0];
    const runCheck = await verifySha256(run?.sha256 ?? "", t.db);
    expect([runCheck.match?.kind, runCheck.match?.jobId]).toEqual(["run", run?.run.id]);
  });

  it("fails when one byte of the pack changes", async () => {
    const altered = new TextEncoder().encode(bytes);
    const at = bytes.indexOf('"rto":{"ms":') + 12;
    altered[at] = altered[at] === 0x31 ? 0x32 : 0x31;
    const out = await verifyBytes(altered, t.db);
    expect([out.issued, out.match]).toEqual([false, null]);
  });

  it("chains sign-offs, which do not change the pack's hash", async () => {
    const s = await signOffPack(pack.id, admin, "Reviewed for the Q1 DORA file.", t.db);
    expect(s.author.name).toBe(admin.name);
    expect((await getPackJson(pack.id, t.db)).sha256).toBe(pack.sha256);
    await expect(signOffPack(pack.id, operator, "me too", t.db)).rejects.toThrow(
      /evidence managers/,
    );
    const chain = await chainStatus(t.db);
    expect([chain.intact, chain.entries]).toEqual([true, 2]);
  });

  it("prints the PDF once from the issued JSON with every run's name and RTO, and chains it", async () => {
    // A download while the print started at issue runs waits for that print: the same result.
    const [first, joined] = await Promise.all([packPdf(pack.id, t.db), packPdf(pack.id, t.db)]);
    expect(joined).toBe(first);
    const again = await packPdf(pack.id, t.db);
    expect(again.sha256).toBe(first.sha256);
    expect(Buffer.from(again.pdf).equals(Buffer.from(first.pdf))).toBe(true);
    const flat = (text: string) => text.replace(/\s+/g, " ");
    const text = flat((await pdfText(first.pdf)).text);
    for (const r of doc.runs) {
      expect(text).toContain(flat(r.run.name));
      if (r.rto.ms !== null) expect(text).toContain(formatDuration(r.rto.ms));
    }
    const ok = await verifyBytes(first.pdf, t.db);
    expect([
      ok.issued,
      ok.match?.kind,
      ok.match?.packId,
      ok.chain.intact,
      ok.chain.entries,
    ]).toEqual([true, "pdf", pack.id, true, 3]);
  });

  it("detects a PDF swapped in the database together with its recorded hash", async () => {
    const original = await packPdf(pack.id, t.db);
    const forged = Buffer.concat([Buffer.from(original.pdf), Buffer.from("%forged\n")]);
    const swap = (pdf: Buffer, sha256: string) =>
      t.db.$transaction(async (tx) => {
        await tx.$executeRaw`ALTER TABLE "EvidencePack" DISABLE TRIGGER USER`;
        await tx.$executeRaw`UPDATE "EvidencePack" SET pdf = ${pdf}, "pdfSha256" = ${sha256} WHERE id = ${pack.id}::uuid`;
        await tx.$executeRaw`ALTER TABLE "EvidencePack" ENABLE TRIGGER USER`;
      });
    await swap(forged, sha256Hex(forged));
    const out = await verifyBytes(forged, t.db);
    expect([out.issued, out.chain.intact, out.chain.brokenAt]).toEqual([true, false, 3]);
    expect(out.chain.problem).toMatch(/PDF/);
    await swap(Buffer.from(original.pdf), original.sha256);
    expect((await chainStatus(t.db)).intact).toBe(true);
  });

  it("refuses UPDATE and DELETE on the chain and on an issued pack's content", async () => {
    await expect(
      t.db.$executeRaw`UPDATE "EvidenceChainEntry" SET sha256 = 'x' WHERE seq = 1`,
    ).rejects.toThrow(/forever/);
    await expect(t.db.$executeRaw`DELETE FROM "EvidenceChainEntry"`).rejects.toThrow(/forever/);
    await expect(
      t.db.$executeRaw`UPDATE "EvidencePack" SET canonical = canonical || ' '`,
    ).rejects.toThrow(/cannot be rewritten/);
  });

  it("detects a chain row altered by someone who disabled the triggers", async () => {
    await t.db.$transaction(async (tx) => {
      await tx.$executeRaw`ALTER TABLE "EvidenceChainEntry" DISABLE TRIGGER USER`;
      await tx.$executeRaw`UPDATE "EvidenceChainEntry" SET at = at + interval '1 second' WHERE seq = 1`;
      await tx.$executeRaw`ALTER TABLE "EvidenceChainEntry" ENABLE TRIGGER USER`;
    });
    const out = await verifySha256(pack.sha256, t.db);
    expect(out.issued).toBe(true);
    expect([out.chain.intact, out.chain.brokenAt]).toEqual([false, 1]);
  });

  it("detects a pack whose stored JSON was rewritten together with its hash", async () => {
    await t.db.$transaction(async (tx) => {
      await tx.$executeRaw`ALTER TABLE "EvidenceChainEntry" DISABLE TRIGGER USER`;
      await tx.$executeRaw`UPDATE "EvidenceChainEntry" SET at = at - interval '1 second' WHERE seq = 1`;
      await tx.$executeRaw`ALTER TABLE "EvidenceChainEntry" ENABLE TRIGGER USER`;
    });
    expect((await chainStatus(t.db)).intact).toBe(true);
    const forged = bytes.replace('"missedTarget":', '"missedTarget":0,"x":');
    await t.db.$transaction(async (tx) => {
      await tx.$executeRaw`ALTER TABLE "EvidencePack" DISABLE TRIGGER USER`;
      await tx.$executeRaw`UPDATE "EvidencePack" SET canonical = ${forged}, sha256 = ${sha256Hex(forged)} WHERE id = ${pack.id}::uuid`;
      await tx.$executeRaw`ALTER TABLE "EvidencePack" ENABLE TRIGGER USER`;
    });
    const out = await verifySha256(sha256Hex(forged), t.db);
    expect(out.issued).toBe(true);
    expect([out.chain.intact, out.chain.brokenAt]).toEqual([false, 1]);
    expect(out.chain.problem).toMatch(/altered/);
  });
});
