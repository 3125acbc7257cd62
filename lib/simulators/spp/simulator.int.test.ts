import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "@/lib/simulators/engine/clock";
import { startSimServer, type RunningSim } from "@/lib/simulators/engine/server";
import { sppSimulator } from "./index";

type Row = Record<string, unknown>;
const BASIC = `Basic ${Buffer.from("admin:pw").toString("base64")}`;

describe("SPP simulator over HTTP", () => {
  let clock: ManualClock;
  let sim: RunningSim;
  let session: string;

  const get = async (path: string, query: Record<string, string> = {}, sid = session) => {
    const res = await fetch(`${sim.url}${path}?${new URLSearchParams(query).toString()}`, {
      headers: { "X-Endeavour-Sessionid": sid },
    });
    return { status: res.status, body: (await res.json()) as Row };
  };
  const list = async (path: string, key: string, query: Record<string, string> = {}) => {
    const res = await get(path, { pageSize: "100000", ...query });
    expect(res.status).toBe(200);
    return res.body[key] as Row[];
  };
  const login = async () => {
    const res = await fetch(`${sim.url}/api/endeavour/session`, {
      method: "POST",
      headers: { Authorization: BASIC },
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { sessionid: string }).sessionid;
  };

  beforeEach(async () => {
    clock = new ManualClock();
    const s = sppSimulator.create({ seed: 11, clock, user: "admin", password: "pw" });
    sim = await startSimServer({ name: "spp", handler: s.handler, control: s.control });
    session = await login();
  });
  afterEach(async () => sim.close());

  it("logs in with Basic auth, answers 401 without a live session id, and logs out with 204", async () => {
    expect(session).toMatch(/^[0-9a-f]{32}$/);
    const bad = await fetch(`${sim.url}/api/endeavour/session`, {
      method: "POST",
      headers: { Authorization: `Basic ${Buffer.from("admin:nope").toString("base64")}` },
    });
    expect(bad.status).toBe(401);
    expect((await get("/api/progress", {}, "0".repeat(32))).status).toBe(401);
    clock.advance(45 * 60_000 + 1);
    expect((await get("/api/progress")).status).toBe(401);
    const fresh = await login();
    const out = await fetch(`${sim.url}/api/endeavour/session`, {
      method: "DELETE",
      headers: { "X-Endeavour-Sessionid": fresh },
    });
    expect(out.status).toBe(204);
    expect((await get("/api/progress", {}, fresh)).status).toBe(401);
  });

  it("filters progress by summaryStatus IN, type =, sessionId = and backupStartTime ranges", async () => {
    const all = await list("/api/progress", "summaries");
    const statuses = new Set(all.map((r) => r.summaryStatus));
    for (const s of ["complete", "partial", "failed", "skipped", "running", "pending"])
      expect(statuses).toContain(s);
    const docStyle = await list("/api/progress", "summaries", {
      filter: JSON.stringify([
        { property: "summaryStatus", value: '["failed", "partial", "skipped"]', op: "IN" },
        { property: "type", value: "HYPERVISORVM", op: "=" },
      ]),
    });
    expect(docStyle.map((r) => r.id)).toEqual(
      all
        .filter(
          (r) =>
            ["failed", "partial", "skipped"].includes(String(r.summaryStatus)) &&
            r.type === "HYPERVISORVM",
        )
        .map((r) => r.id),
    );
    expect(docStyle.length).toBeGreaterThan(0);
    const one = String(all[0]?.id).split(".")[0];
    const bySession = await list("/api/progress", "summaries", {
      filter: JSON.stringify([{ property: "sessionId", value: one, op: "=" }]),
    });
    expect(bySession.map((r) => r.id)).toEqual(
      all.filter((r) => String(r.id).startsWith(`${one}.`)).map((r) => r.id),
    );
    expect(bySession.every((r) => r.jobPK === `${String(r.jobPK).split("_")[0]}_${one}`)).toBe(
      true,
    );
    const mid = Number(all[Math.floor(all.length / 2)]?.backupStartTime);
    const from = await list("/api/progress", "summaries", {
      filter: JSON.stringify([{ property: "backupStartTime", value: mid, op: ">=" }]),
    });
    expect(from.length).toBe(all.filter((r) => Number(r.backupStartTime) >= mid).length);
    const upTo = await list("/api/progress", "summaries", {
      filter: JSON.stringify([{ property: "backupStartTime", value: String(mid), op: "<=" }]),
    });
    expect(upTo.length).toBe(all.filter((r) => Number(r.backupStartTime) <= mid).length);
    expect((await get("/api/progress", { filter: "[{bad" })).status).toBe(400);
  });

  it("sorts progress by id both ways, in either spelling, and every summary carries the documented fields", async () => {
    const asc = await list("/api/progress", "summaries", {
      sort: JSON.stringify([{ property: "id", direction: "ASC" }]),
    });
    const desc = await list("/api/progress", "summaries", {
      sort: JSON.stringify([{ property: "id", value: "DESC" }]),
    });
    expect(desc.map((r) => r.id)).toEqual([...asc].reverse().map((r) => r.id));
    expect(asc.map((r) => String(r.id))).toEqual(asc.map((r) => String(r.id)).sort());
    for (const r of asc) {
      for (const field of [
        "percentageCompleted",
        "throughput",
        "totalDataTransferred",
        "elapsedTime",
        "phaseNumber",
        "totalPhases",
        "resourcePhaseName",
        "vmdkCount",
        "protectedVmdkCount",
        "jobPK",
        "resourceSummary",
        "links",
      ]) {
        expect(r).toHaveProperty(field);
      }
      expect(String(r.totalDataTransferred)).toMatch(/^\d+(\.\d\d)? (B|KB|MB|GB|TB)$/);
      expect(String(r.throughput)).toMatch(/^\d+$/);
    }
  });

  it("pages with pageSize/pageStartIndex and links nextPage until the last page", async () => {
    const all = await list("/api/endeavour/jobsession", "sessions");
    const seen: unknown[] = [];
    let href: string | undefined = `${sim.url}/api/endeavour/jobsession?pageSize=25`;
    while (href) {
      const res = await fetch(href, { headers: { "X-Endeavour-Sessionid": session } });
      const body = (await res.json()) as {
        sessions: Row[];
        total: number;
        links: { nextPage?: { href: string } };
      };
      expect(body.total).toBe(all.length);
      seen.push(...body.sessions.map((s) => s.id));
      href = body.links.nextPage?.href;
    }
    expect(seen).toEqual(all.map((s) => s.id));
  });

  it("filters and sorts job sessions and the job log", async () => {
    const sessions = await list("/api/endeavour/jobsession", "sessions", {
      filter: JSON.stringify([{ property: "status", value: ["RUNNING", "PENDING"], op: "IN" }]),
      sort: JSON.stringify([{ property: "start", direction: "DESC" }]),
    });
    expect(sessions.length).toBeGreaterThan(1);
    expect(sessions.every((s) => s.status === "RUNNING" || s.status === "PENDING")).toBe(true);
    expect(sessions.map((s) => Number(s.start))).toEqual(
      sessions.map((s) => Number(s.start)).sort((a, b) => b - a),
    );
    const id = String(sessions[0]?.id);
    const one = await get(`/api/endeavour/jobsession/${id}`);
    expect(one.body).toMatchObject({ id, status: sessions[0]?.status });
    expect((await get("/api/endeavour/jobsession/42")).status).toBe(404);
    const filter = JSON.stringify([{ property: "jobsessionId", value: id }]);
    const asc = await list("/api/endeavour/log/job", "logs", {
      filter,
      sort: JSON.stringify([{ property: "logTime", direction: "ASC" }]),
    });
    const desc = await list("/api/endeavour/log/job", "logs", {
      filter,
      sort: JSON.stringify([{ property: "logTime", direction: "DESC" }]),
    });
    expect(asc.length).toBeGreaterThan(0);
    expect(asc.every((l) => l.jobsessionId === id)).toBe(true);
    expect(desc.map((l) => l.logTime)).toEqual([...asc].reverse().map((l) => l.logTime));
    const info = await list("/api/endeavour/log/job", "logs", {
      filter: JSON.stringify([
        { property: "jobsessionId", value: Number(id) },
        { property: "type", value: ["INFO"], op: "IN" },
      ]),
    });
    expect(info.map((l) => l.id)).toEqual(asc.filter((l) => l.type === "INFO").map((l) => l.id));
  });

  it("cancels with catalogCompletedObjects: 201 CANCELING, then CANCELED; bad bodies are 400", async () => {
    const created = await fetch(`${sim.url}/__sim/jobs`, {
      method: "POST",
      body: JSON.stringify({ durationMs: 300_000 }),
    });
    expect(created.status).toBe(201);
    const { vendorId } = (await created.json()) as { vendorId: string };
    const cancel = (body: string) =>
      fetch(`${sim.url}/api/endeavour/jobsession/${vendorId}?action=cancel`, {
        method: "POST",
        body,
        headers: { "X-Endeavour-Sessionid": session },
      });
    expect((await cancel("{}")).status).toBe(400);
    const ok = await cancel(JSON.stringify({ catalogCompletedObjects: false }));
    expect(ok.status).toBe(201);
    expect(((await ok.json()) as Row).status).toBe("CANCELING");
    clock.advance(20_000);
    expect((await get(`/api/endeavour/jobsession/${vendorId}`)).body.status).toBe("CANCELED");
    expect((await cancel(JSON.stringify({ catalogCompletedObjects: true }))).status).toBe(400);
  });

  it("is deterministic from seed and clock, and keeps producing sessions", async () => {
    const twin = sppSimulator.create({ seed: 11, clock, user: "admin", password: "pw" });
    const other = await startSimServer({ name: "spp2", handler: twin.handler });
    try {
      const sid = (
        (await (
          await fetch(`${other.url}/api/endeavour/session`, {
            method: "POST",
            headers: { Authorization: BASIC },
          })
        ).json()) as { sessionid: string }
      ).sessionid;
      const strip = (rows: Row[]) =>
        rows.map((row) => Object.fromEntries(Object.entries(row).filter(([k]) => k !== "links")));
      const mine = await list("/api/endeavour/jobsession", "sessions");
      const res = await fetch(`${other.url}/api/endeavour/jobsession?pageSize=100000`, {
        headers: { "X-Endeavour-Sessionid": sid },
      });
      expect(strip(((await res.json()) as { sessions: Row[] }).sessions)).toEqual(strip(mine));
      clock.advance(3 * 3_600_000);
      session = await login();
      const later = await list("/api/endeavour/jobsession", "sessions");
      expect(
        later.filter((s) => Number(s.start) > clock.now() - 3 * 3_600_000).length,
      ).toBeGreaterThan(5);
    } finally {
      await other.close();
    }
  });
});
