import { drainSync } from "@/lib/testing/drain-sync";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { VendorAuthError } from "@/lib/connectors/errors";
import type { JobRecord } from "@/lib/domain/model";
import { parseDataSize } from "./data-size";
import { startConnectorRig, type ConnectorRig } from "@/lib/testing/connector-rig";

/** SPP suites read small pages (7 records), so listings really follow nextPage. */
const startSppRig = (opts: { scenario?: Record<string, unknown>; pageSize?: number } = {}) =>
  startConnectorRig("spp", {
    scenario: opts.scenario,
    config: { options: { pageSize: opts.pageSize ?? 7 } },
  });

const ALL = { pageSize: "100000" };

/** The simulator's own answer, read with a fresh login, for comparing with the connector. */
async function vendorTruth<T>(
  rig: ConnectorRig<"spp">,
  path: string,
  query: Record<string, string>,
): Promise<T> {
  const res = await rig.vendor("GET", path, { query });
  if (res.status !== 200) throw new Error(`ground truth ${path}: HTTP ${res.status} ${res.text}`);
  return res.body as T;
}

interface Session {
  id: string;
  status: string;
  end: number | null;
  jobName: string;
}
interface Summary {
  id: string;
  resourceName: string;
  summaryStatus: string;
  totalDataTransferred: string;
  throughput: string;
  phaseNumber: number;
  totalPhases: number;
}

const requests = (rig: ConnectorRig<"spp">, key: string) => rig.sim.requestCounts.get(key) ?? 0;

describe("SPP connector against the simulator: listing", () => {
  let rig: ConnectorRig<"spp">;
  beforeEach(async () => {
    rig = await startSppRig();
  });
  afterEach(async () => rig.close());

  it("first poll: every job session, following nextPage across many small pages", async () => {
    const truth = await vendorTruth<{ sessions: Session[] }>(rig, "/api/endeavour/jobsession", ALL);
    const batch = await drainSync(rig.connectorWith(), null);
    expect(truth.sessions.length).toBeGreaterThan(100);
    expect(new Set(batch.presentIds)).toEqual(new Set(truth.sessions.map((s) => s.id)));
    expect(batch.jobs.map((j) => j.vendorId).sort()).toEqual(
      truth.sessions.map((s) => s.id).sort(),
    );
    expect(requests(rig, "GET /api/endeavour/jobsession")).toBeGreaterThanOrEqual(
      Math.ceil(truth.sessions.length / 7),
    );
    const states = new Set(batch.jobs.map((j) => j.state));
    for (const s of ["running", "queued", "succeeded", "partial", "failed", "canceled"])
      expect(states).toContain(s);
    for (const job of batch.jobs) {
      const source = truth.sessions.find((s) => s.id === job.vendorId);
      expect(job.vendorState).toBe(source?.status);
    }
  });

  it("maps each running session's resources to lanes with exact bytes and throughput", async () => {
    const batch = await drainSync(rig.connectorWith(), null);
    const running = batch.jobs.filter((j) => j.state === "running");
    expect(running.length).toBeGreaterThan(0);
    for (const job of running) await expectMatchesProgress(rig, job);
  });

  it("copes with IBM bug IT45897 (total 0 on full pages) by following nextPage only", async () => {
    const bugged = await startSppRig({ scenario: { totalZero: true } });
    try {
      const page = await vendorTruth<{ total: number; sessions: Session[] }>(
        bugged,
        "/api/endeavour/jobsession",
        { pageSize: "7" },
      );
      expect(page.total).toBe(0);
      expect(page.sessions).toHaveLength(7);
      const all = await vendorTruth<{ sessions: Session[] }>(
        bugged,
        "/api/endeavour/jobsession",
        ALL,
      );
      const batch = await drainSync(bugged.connectorWith(), null);
      expect(batch.jobs).toHaveLength(all.sessions.length);
      const job = batch.jobs.find((j) => j.state === "running");
      expect(job).toBeDefined();
      if (job) await expectMatchesProgress(bugged, job);
    } finally {
      await bugged.close();
    }
  });

  it("incremental poll: active sessions again, newly finished ones, new ones; never a full inventory", async () => {
    const connector = rig.connectorWith();
    const first = await drainSync(connector, null);
    const activeBefore = first.jobs.filter((j) => !j.endedAt).map((j) => j.vendorId);
    rig.clock.advance(25 * 60_000);
    const second = await connector.listChanged(first.cursor);
    expect(second.presentIds).toBeUndefined();
    const truth = await vendorTruth<{ sessions: Session[] }>(rig, "/api/endeavour/jobsession", ALL);
    const ids = new Set(second.jobs.map((j) => j.vendorId));
    for (const id of activeBefore) expect(ids).toContain(id);
    const nowActive = truth.sessions.filter((s) => s.end === null).map((s) => s.id);
    for (const id of nowActive) expect(ids).toContain(id);
    const knownBefore = new Set(first.jobs.map((j) => j.vendorId));
    expect(truth.sessions.some((s) => !knownBefore.has(s.id))).toBe(true);
    for (const s of truth.sessions.filter((x) => !knownBefore.has(x.id)))
      expect(ids).toContain(s.id);
    const longFinished = first.jobs.filter(
      (j) => j.endedAt && j.endedAt.getTime() < rig.clock.now() - 3 * 3_600_000,
    );
    for (const j of longFinished) expect(ids).not.toContain(j.vendorId);
    for (const job of second.jobs)
      expect(job.vendorState).toBe(truth.sessions.find((s) => s.id === job.vendorId)?.status);
    const finishedSince = second.jobs.filter((j) => activeBefore.includes(j.vendorId) && j.endedAt);
    expect(finishedSince.length).toBeGreaterThan(0);
  });

  it("asks for the job log of every type (SPP lists only INFO unless told) and reads string logTimes", async () => {
    const odd = await startSppRig({ scenario: { stringLogTimes: true } });
    try {
      const failed = (
        await vendorTruth<{ sessions: Session[] }>(odd, "/api/endeavour/jobsession", ALL)
      ).sessions.find((s) => s.status === "FAILED");
      if (!failed) throw new Error("the default estate has failed sessions");
      const filter = (extra: object[]) =>
        JSON.stringify([{ property: "jobsessionId", value: failed.id, op: "=" }, ...extra]);
      const infoOnly = await vendorTruth<{ logs: Array<{ type: string; logTime: unknown }> }>(
        odd,
        "/api/endeavour/log/job",
        { filter: filter([]) },
      );
      expect(new Set(infoOnly.logs.map((l) => l.type))).toEqual(new Set(["INFO"]));
      expect(typeof infoOnly.logs[0]?.logTime).toBe("string");
      const job = await odd.connectorWith().getJob(failed.id);
      expect(job?.log?.some((l) => l.level === "ERROR")).toBe(true);
      expect(job?.log?.every((l) => l.at instanceof Date && !Number.isNaN(l.at.getTime()))).toBe(
        true,
      );
      expect(job?.events?.some((e) => e.severity === "error")).toBe(true);
    } finally {
      await odd.close();
    }
  });

  it("keeps event keys and log positions stable across polls", async () => {
    const connector = rig.connectorWith();
    const first = await drainSync(connector, null);
    const job = first.jobs.find((j) => j.state === "running");
    if (!job) throw new Error("the default estate has running sessions");
    rig.clock.advance(5 * 60_000);
    const later = await connector.getJob(job.vendorId);
    const before = (job.events ?? []).map((e) => [e.key, e.message]);
    expect(before.length).toBeGreaterThan(0);
    expect((later?.events ?? []).slice(0, before.length).map((e) => [e.key, e.message])).toEqual(
      before,
    );
    expect((later?.log ?? []).slice(0, job.log?.length).map((l) => [l.seq, l.text])).toEqual(
      job.log?.map((l) => [l.seq, l.text]),
    );
    expect(new Set(later?.events?.map((e) => e.key)).size).toBe(later?.events?.length);
  });

  it("logs in again when the session idles out (45 min → 401)", async () => {
    const connector = rig.connectorWith();
    const job = (await connector.listChanged(null)).jobs[0];
    if (!job) throw new Error("estate is empty");
    const logins = requests(rig, "POST /api/endeavour/session");
    rig.clock.advance(44 * 60_000);
    await connector.getJob(job.vendorId);
    expect(requests(rig, "POST /api/endeavour/session")).toBe(logins);
    rig.clock.advance(46 * 60_000);
    expect(await connector.getJob(job.vendorId)).not.toBeNull();
    expect(requests(rig, "POST /api/endeavour/session")).toBe(logins + 1);
  });

  it("rejects bad credentials as an auth error without echoing the password", async () => {
    const bad = rig.connectorWith({ secret: "wrong-secret-123" });
    const err = await bad.listChanged(null).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VendorAuthError);
    expect(String((err as Error).message)).not.toContain("wrong-secret-123");
    await expect(rig.connectorWith().testConnection()).resolves.toMatch(
      /^Logged in to IBM Spectrum Protect Plus as admin; latest job session: .+ \((RUNNING|PENDING)\)$/,
    );
  });

  it("returns null for a job session SPP does not have", async () => {
    expect(await rig.connectorWith().getJob("1234567890123")).toBeNull();
  });
});

async function expectMatchesProgress(rig: ConnectorRig<"spp">, job: JobRecord): Promise<void> {
  const truth = await vendorTruth<{ summaries: Summary[] }>(rig, "/api/progress", {
    ...ALL,
    filter: JSON.stringify([{ property: "sessionId", value: job.vendorId, op: "=" }]),
  });
  expect(truth.summaries.length).toBeGreaterThan(0);
  const lanes = (job.phases ?? []).filter((p) => p.parentKey === null);
  expect(lanes.map((p) => p.lane).sort()).toEqual(
    truth.summaries.map((s) => s.resourceName).sort(),
  );
  const bytes = truth.summaries.reduce(
    (sum, s) => sum + (parseDataSize(s.totalDataTransferred) ?? 0n),
    0n,
  );
  expect(job.bytesDone).toBe(bytes);
  const rate = truth.summaries
    .filter((s) => s.summaryStatus === "running")
    .reduce((sum, s) => sum + Number(s.throughput), 0);
  expect(job.throughputBps).toBe(rate > 0 ? rate : null);
  for (const s of truth.summaries.filter((x) => x.summaryStatus === "running")) {
    const children = (job.phases ?? []).filter(
      (p) => p.lane === s.resourceName && p.parentKey !== null,
    );
    expect(children).toHaveLength(s.phaseNumber);
    expect(children.at(-1)?.name).toMatch(
      new RegExp(`^Phase ${s.phaseNumber} of ${s.totalPhases}`),
    );
  }
}
