import { afterEach, describe, expect, it } from "vitest";
import { ManualClock } from "@/lib/simulators/engine/clock";
import { startSimServer, type RunningSim } from "@/lib/simulators/engine/server";
import { ontapSimulator } from "./index";

const AUTH = `Basic ${Buffer.from("admin:netapp1!").toString("base64")}`;
interface Job {
  uuid: string;
  description?: string;
  state?: string;
  start_time?: string;
  end_time?: string;
  message?: string;
  error?: { code: string };
}
interface Page {
  records: Job[];
  num_records: number;
  _links?: { next?: { href: string }; self?: { href: string } };
}

const running: RunningSim[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.close()));
});

async function start(scenario: Record<string, unknown> = {}, seed = 1) {
  const clock = new ManualClock();
  const sim = ontapSimulator.create({ seed, clock, user: "admin", password: "netapp1!", scenario });
  const server = await startSimServer({
    name: "ontap",
    handler: sim.handler,
    control: sim.control,
  });
  running.push(server);
  const call = async (
    method: string,
    path: string,
    headers: Record<string, string> = { authorization: AUTH },
  ) => {
    const res = await fetch(`${server.url}${path}`, { method, headers });
    return {
      status: res.status,
      type: res.headers.get("content-type"),
      body: (await res.json()) as Record<string, unknown>,
    };
  };
  const get = async (path: string) => (await call("GET", path)).body;
  /** Every record, following next links. */
  const walk = async (path: string) => {
    const out: Job[] = [];
    let next: string | undefined = path;
    let pages = 0;
    while (next) {
      const page = (await get(next)) as unknown as Page;
      out.push(...page.records);
      next = page._links?.next?.href;
      pages++;
    }
    return { records: out, pages };
  };
  return { clock, server, call, get, walk };
}

describe("ONTAP simulator over HTTP", () => {
  it("refuses requests without Basic auth (401, ONTAP error body)", async () => {
    const { call } = await start();
    const res = await call("GET", "/api/cluster/jobs", {});
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error: { code: "6691623" } });
    expect(
      (await call("GET", "/api/cluster/jobs", { authorization: "Basic d3Jvbmc6d3Jvbmc=" })).status,
    ).toBe(401);
  });

  it("starts with a realistic, reproducible estate and keeps producing jobs", async () => {
    const a = await start({}, 7);
    const b = await start({}, 7);
    const first = (await a.walk("/api/cluster/jobs?fields=*")).records;
    expect(first).toEqual((await b.walk("/api/cluster/jobs?fields=*")).records);
    expect(first.length).toBeGreaterThanOrEqual(30);
    expect(first.length).toBeLessThanOrEqual(60);
    const states = new Set(first.map((j) => j.state));
    for (const s of ["running", "success", "failure", "paused"]) expect(states).toContain(s);
    a.clock.advance(10 * 60_000);
    const later = (await a.walk("/api/cluster/jobs?fields=*")).records;
    expect(later.some((j) => !first.some((f) => f.uuid === j.uuid))).toBe(true);
  });

  it("pages with a key cursor that follows the same query, and short return_timeout pages still link on", async () => {
    const { walk, get } = await start({ timeoutPageRecords: 4 });
    const all = (await get("/api/cluster/jobs?fields=uuid")) as unknown as Page;
    expect(all.records.length).toBe(4);
    const walked = await walk("/api/cluster/jobs?fields=uuid&max_records=10");
    const count = (await get("/api/cluster/jobs?return_records=false")) as unknown as Page;
    expect(walked.records.length).toBe(count.num_records);
    expect(walked.pages).toBe(Math.ceil(count.num_records / 4));
    const uuids = walked.records.map((j) => j.uuid);
    expect(uuids).toEqual([...uuids].sort());
    const firstPage = (await get(
      "/api/cluster/jobs?fields=uuid&max_records=10&state=success",
    )) as unknown as Page;
    expect(firstPage._links?.next?.href).toMatch(
      /^\/api\/cluster\/jobs\?start\.uuid=[0-9a-f-]+&max_records=10&fields=uuid&state=success$/,
    );
  });

  it("filters with ONTAP query syntax exactly like the ground truth", async () => {
    const { walk } = await start();
    const all = (await walk("/api/cluster/jobs?fields=*")).records;
    const pick = async (q: string) =>
      (await walk(`/api/cluster/jobs?fields=*&${q}`)).records.map((j) => j.uuid);
    const uuidsWhere = (f: (j: Job) => boolean) => all.filter(f).map((j) => j.uuid);
    expect(await pick("state=running|paused")).toEqual(
      uuidsWhere((j) => j.state === "running" || j.state === "paused"),
    );
    expect(await pick("state=!success")).toEqual(uuidsWhere((j) => j.state !== "success"));
    expect(await pick("description=*move*")).toEqual(
      uuidsWhere((j) => /move/i.test(j.description ?? "")),
    );
    const pivot =
      all
        .map((j) => j.start_time)
        .filter((t): t is string => !!t)
        .sort()[10] ?? "";
    expect(await pick(`start_time=>${encodeURIComponent(pivot)}`)).toEqual(
      uuidsWhere((j) => !!j.start_time && Date.parse(j.start_time) > Date.parse(pivot)),
    );
    expect(await pick("end_time=<=2000-01-01T00:00:00Z")).toEqual([]);
    expect(await pick("error.code=!null")).toEqual(uuidsWhere((j) => !!j.error));
  });

  it("orders by start_time desc across pages, with missing times last", async () => {
    const { walk } = await start();
    const ordered = (
      await walk("/api/cluster/jobs?fields=start_time&order_by=start_time%20desc&max_records=7")
    ).records;
    const times = ordered.map((j) => (j.start_time ? Date.parse(j.start_time) : -Infinity));
    expect(times).toEqual([...times].sort((x, y) => y - x));
    expect(new Set(ordered.map((j) => j.uuid)).size).toBe(ordered.length);
  });

  it("answers 400 with an ONTAP error for unknown parameters and bad values", async () => {
    const { call } = await start();
    for (const q of [
      "colour=red",
      "max_records=abc",
      "return_timeout=500",
      "fields=bogus",
      "order_by=nope",
    ]) {
      const res = await call("GET", `/api/cluster/jobs?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.body, q).toMatchObject({ error: { code: "262197" } });
    }
  });

  it("deletes a job 300 s after it ends, then answers 404 with code 4", async () => {
    const { call, clock, server } = await start();
    const created = await fetch(`${server.url}/__sim/jobs`, {
      method: "POST",
      body: JSON.stringify({ durationMs: 60_000, type: "app-snapshot" }),
    });
    expect(created.status).toBe(201);
    const { vendorId } = (await created.json()) as { vendorId: string };
    expect((await call("GET", `/api/cluster/jobs/${vendorId}`)).body).toMatchObject({
      state: "running",
      description: "App Snapshot Job",
    });
    clock.advance(60_000);
    expect((await call("GET", `/api/cluster/jobs/${vendorId}`)).body).toMatchObject({
      state: "success",
      message: "Complete: Successful",
    });
    clock.advance(299_000);
    expect((await call("GET", `/api/cluster/jobs/${vendorId}`)).status).toBe(200);
    clock.advance(1_000);
    const gone = await call("GET", `/api/cluster/jobs/${vendorId}`);
    expect(gone.status).toBe(404);
    expect(gone.body).toEqual({
      error: { message: "entry doesn't exist", code: "4", target: "uuid" },
    });
  });

  it("fails a running job on request and returns hal links only when asked", async () => {
    const { call, server } = await start();
    const created = await fetch(`${server.url}/__sim/jobs`, { method: "POST" });
    const { vendorId } = (await created.json()) as { vendorId: string };
    expect(
      (await fetch(`${server.url}/__sim/jobs/${vendorId}/fail`, { method: "POST" })).status,
    ).toBe(200);
    const job = await call("GET", `/api/cluster/jobs/${vendorId}`, {
      authorization: AUTH,
      accept: "application/hal+json",
    });
    expect(job.type).toBe("application/hal+json");
    expect(job.body).toMatchObject({
      state: "failure",
      svm: { _links: { self: {} } },
      _links: { self: { href: `/api/cluster/jobs/${vendorId}` } },
    });
    expect(
      (await fetch(`${server.url}/__sim/jobs/${vendorId}/fail`, { method: "POST" })).status,
    ).toBe(409);
    const plain = (await call("GET", "/api/cluster/jobs?max_records=1")).body as unknown as Page;
    expect(plain._links?.self).toBeUndefined();
    expect(plain.records[0]).not.toHaveProperty("_links");
  });

  it("serves 100,000 retained jobs with linear key-cursor paging", async () => {
    const { walk, clock, get } = await start({
      bulkJobs: 100_000,
      retainFinished: true,
      initialJobs: 0,
    });
    clock.advance(3_600_000);
    const startedAt = performance.now();
    const walked = await walk("/api/cluster/jobs?fields=uuid&max_records=5000");
    expect(walked.records.length).toBe(
      ((await get("/api/cluster/jobs?return_records=false")) as unknown as Page).num_records,
    );
    expect(walked.records.length).toBeGreaterThanOrEqual(100_000);
    expect(performance.now() - startedAt).toBeLessThan(15_000);
  });
});
