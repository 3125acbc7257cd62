import { afterEach, describe, expect, it } from "vitest";
import { ManualClock } from "@/lib/simulators/engine/clock";
import { startSimServer, type RunningSim } from "@/lib/simulators/engine/server";
import { eyeglassSimulator } from "./index";

const TOKEN = "igls-sim-test";
let sim: RunningSim;
let clock: ManualClock;
afterEach(async () => sim?.close());

interface Job {
  id: string;
  success: boolean;
  started: number;
  finished: number;
  jobStatusDetails: {
    state: string;
    status: string;
    childrenDetails: Array<{ state: string; started: number }>;
  };
}

async function start(scenario: Record<string, unknown> = {}, seed = 3) {
  clock = new ManualClock();
  const s = eyeglassSimulator.create({ seed, clock, user: "admin", password: TOKEN, scenario });
  sim = await startSimServer({ name: "eyeglass", handler: s.handler, control: s.control });
  return s.source(sim.url);
}

async function call(method: string, path: string, token = TOKEN) {
  const res = await fetch(`${sim.url}/sera${path}`, { method, headers: { api_key: token } });
  const text = await res.text();
  return {
    status: res.status,
    text,
    type: res.headers.get("content-type"),
    json: () => JSON.parse(text) as unknown,
  };
}

describe("eyeglass simulator HTTP contract", () => {
  it("filters failover jobs by state and success, and rejects bad filter values", async () => {
    await start();
    const all = (await call("GET", "/v2/jobs/failover")).json() as Job[];
    const running = (await call("GET", "/v2/jobs/failover?state=running")).json() as Job[];
    const finished = (await call("GET", "/v2/jobs/failover?state=finished")).json() as Job[];
    const ok = (await call("GET", "/v2/jobs/failover?state=finished&success=true")).json() as Job[];
    const notOk = (
      await call("GET", "/v2/jobs/failover?state=finished&success=false")
    ).json() as Job[];
    expect(running.map((j) => j.jobStatusDetails.state)).toEqual(["RUNNING", "PENDING"]);
    expect(finished.every((j) => j.jobStatusDetails.state === "FINISHED" && j.finished > 0)).toBe(
      true,
    );
    expect(running.length + finished.length).toBe(all.length);
    expect(ok.every((j) => j.success)).toBe(true);
    expect(notOk.every((j) => !j.success)).toBe(true);
    expect(ok.length + notOk.length).toBe(finished.length);
    expect(notOk.length).toBeGreaterThan(2);
    for (const bad of [
      "/v2/jobs/failover?state=done",
      "/v2/jobs/failover?success=yes",
      "/v2/jobs/readiness?state=x",
      "/v2/jobs/replication?state=x",
    ]) {
      const res = await call("GET", bad);
      expect(res.status).toBe(400);
      expect(res.json()).toMatchObject({
        code: 400,
        message: expect.stringContaining("Invalid request parameters"),
      });
    }
    const readyRunning = (await call("GET", "/v2/jobs/readiness?state=running")).json() as Job[];
    const readyAll = (await call("GET", "/v2/jobs/readiness?state=all")).json() as Job[];
    expect(readyRunning.every((j) => j.finished === 0)).toBe(true);
    expect(readyAll.length).toBeGreaterThan(readyRunning.length);
  });

  it("answers 403, 404 and 405 with Eyeglass' error payload", async () => {
    await start();
    expect((await call("GET", "/v2/jobs/failover", "")).status).toBe(403);
    const missing = await call("GET", "/v2/jobs/failover/nope");
    expect([missing.status, missing.json()]).toEqual([
      404,
      { code: 404, message: "Failover job nope not found" },
    ]);
    expect((await call("GET", "/v2/jobs/failover/nope/log")).status).toBe(404);
    expect((await call("GET", "/v2/jobs/readiness/nope")).status).toBe(404);
    expect((await call("GET", "/v2/jobs/replication/nope")).status).toBe(404);
    expect((await call("DELETE", "/v2/jobs/failover/nope")).status).toBe(404);
    expect((await call("PUT", "/v2/jobs/readiness")).status).toBe(405);
    expect((await call("GET", "/v2/nodes")).status).toBe(404);
  });

  it("serves a plain-text log that grows while the job runs", async () => {
    await start();
    const [running] = (await call("GET", "/v2/jobs/failover?state=running")).json() as Job[];
    const before = await call("GET", `/v2/jobs/failover/${running?.id}/log`);
    expect(before.type).toMatch(/^text\/plain/);
    const asJson = await fetch(`${sim.url}/sera/v2/jobs/failover/${running?.id}/log`, {
      headers: { api_key: TOKEN, accept: "application/json" },
    });
    expect(asJson.status).toBe(406);
    clock.advance(120_000);
    const after = await call("GET", `/v2/jobs/failover/${running?.id}/log`);
    expect(after.text.startsWith(before.text)).toBe(true);
    expect(after.text.length).toBeGreaterThan(before.text.length);
    expect(after.text.split("\n")[0]).toMatch(
      /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} INFO {2}Starting /,
    );
  });

  it("launches: 201 with an id; new failovers queue behind the running one", async () => {
    await start();
    const post = await call(
      "POST",
      "/v2/jobs/failover?sourceid=bos-ps01&targetid=nyc-ps01&failovertarget=p2-zone-media",
    );
    expect(post.status).toBe(201);
    const { id } = post.json() as { id: string };
    const job = (await call("GET", `/v2/jobs/failover/${id}`)).json() as Job;
    expect([job.jobStatusDetails.state, job.started]).toEqual(["PENDING", 0]);
    expect((await call("POST", "/v2/jobs/readiness")).status).toBe(201);
    expect((await call("POST", "/v2/jobs/replication")).status).toBe(201);
    expect(
      (
        await call(
          "POST",
          "/v2/jobs/failover?sourceid=bos-ps01&targetid=dr-isilon01&failovertarget=x",
        )
      ).status,
    ).toBe(400);
    expect(
      (
        await call(
          "POST",
          "/v2/jobs/failover?sourceid=bos-ps01&targetid=nyc-ps01&failovertarget=p2-zone-media&controlled=maybe",
        )
      ).status,
    ).toBe(400);
    expect((await call("POST", "/v2/jobs/failover/drtest?enable=true")).status).toBe(400);
  });

  it("honours the scenario's unconfirmed vocabulary: seconds, listed pending steps, a CANCELLED status", async () => {
    await start({ timeUnit: "s", pendingSteps: "listed", cancelledStatus: "CANCELLED" });
    const [running] = (await call("GET", "/v2/jobs/failover?state=running")).json() as Job[];
    if (!running) throw new Error("no running failover");
    expect(running.started).toBeLessThan(1e11);
    expect(
      running.jobStatusDetails.childrenDetails.some(
        (c) => c.state === "PENDING" && c.started === 0,
      ),
    ).toBe(true);
    expect((await call("DELETE", `/v2/jobs/failover/${running.id}`)).status).toBe(200);
    const rollingBack = (await call("GET", `/v2/jobs/failover/${running.id}`)).json() as Job;
    expect(rollingBack.jobStatusDetails.childrenDetails.at(-1)).toMatchObject({
      name: "Rollback",
      state: "RUNNING",
    });
    expect((await call("DELETE", `/v2/jobs/failover/${running.id}`)).status).toBe(400);
    clock.advance(60_000);
    const cancelled = (await call("GET", `/v2/jobs/failover/${running.id}`)).json() as Job;
    expect([
      cancelled.jobStatusDetails.state,
      cancelled.jobStatusDetails.status,
      cancelled.success,
    ]).toEqual(["FINISHED", "CANCELLED", false]);
    expect((await call("DELETE", `/v2/jobs/failover/${running.id}`)).status).toBe(400);
  });

  it("control endpoints create a job that starts now and fail it on demand", async () => {
    await start();
    const created = await fetch(`${sim.url}/__sim/jobs`, {
      method: "POST",
      body: JSON.stringify({ type: "replication", durationMs: 60_000 }),
    });
    expect(created.status).toBe(201);
    const { vendorId } = (await created.json()) as { vendorId: string };
    expect(vendorId).toMatch(/^replication:/);
    clock.advance(10_000);
    const fail = await fetch(`${sim.url}/__sim/jobs/${vendorId}/fail`, { method: "POST" });
    expect(fail.status).toBe(200);
    const job = (await call("GET", `/v2/jobs/replication/${vendorId.split(":")[1]}`)).json();
    expect(job).toMatchObject({ state: "FINISHED", status: "ERROR", finished: clock.now() });
    expect((await fetch(`${sim.url}/__sim/jobs`, { method: "POST", body: "{oops" })).status).toBe(
      400,
    );
    expect(
      (await fetch(`${sim.url}/__sim/jobs/failover:none/fail`, { method: "POST" })).status,
    ).toBe(404);
  });

  it("is deterministic from seed and clock", async () => {
    await start({}, 11);
    const a = (await call("GET", "/v2/jobs/failover")).text;
    await sim.close();
    await start({}, 11);
    expect((await call("GET", "/v2/jobs/failover")).text).toBe(a);
  });
});
