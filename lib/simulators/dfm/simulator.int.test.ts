import { XMLParser } from "fast-xml-parser";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "@/lib/simulators/engine/clock";
import { startSimServer, type RunningSim } from "@/lib/simulators/engine/server";
import { DATASETS, GROUPS } from "./catalog";
import type { DfmContext } from "./context";
import { eventsAt } from "./events";
import { createDfmSimulator } from "./index";
import { scheduledJobs } from "./schedule";
import { jobAt } from "./timeline";

const ARRAYS = new Set([
  "netapp.results.jobs.dp-job-info",
  "netapp.results.progress-events.dp-job-progress-event-info",
  "netapp.results.scheduled-jobs.dp-scheduled-job",
]);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  isArray: (_n, p) => ARRAYS.has(String(p)),
});
type Node = Record<string, unknown>;

let clock: ManualClock;
let sim: RunningSim;
let truth: DfmContext;
beforeEach(async () => {
  clock = new ManualClock();
  const s = createDfmSimulator({
    seed: 7,
    clock,
    user: "admin",
    password: "pw",
    scenario: { errnos: { EJOBDOESNOTEXIST: 24901 }, reasonWithName: true },
  });
  truth = s.context;
  sim = await startSimServer({ name: "dfm", handler: s.handler, control: s.control });
});
afterEach(async () => {
  await sim.close();
});

const xmlArgs = (args: Record<string, string>) =>
  Object.entries(args)
    .map(([k, v]) => `<${k}>${v}</${k}>`)
    .join("");

async function zapi(
  api: string,
  args: Record<string, string> = {},
  opts: { auth?: string; sdk?: boolean } = {},
): Promise<{ status: number; results: Node }> {
  const head =
    opts.sdk === false
      ? ""
      : `<?xml version='1.0' encoding='utf-8'?>\n<!DOCTYPE netapp SYSTEM 'file:/etc/netapp_dfm.dtd'>\n`;
  const attrs = opts.sdk === false ? "" : ` nmsdk_version="3.6" nmsdk_platform="linux"`;
  const res = await fetch(`${sim.url}/apis/XMLrequest`, {
    method: "POST",
    headers: {
      "content-type": 'text/xml; charset="UTF-8"',
      authorization: `Basic ${Buffer.from(opts.auth ?? "admin:pw").toString("base64")}`,
    },
    body: `${head}<netapp version="1.0" xmlns="http://www.netapp.com/filer/admin"${attrs}><${api}>${xmlArgs(args)}</${api}></netapp>`,
  });
  const text = await res.text();
  const doc = res.status === 200 ? (parser.parse(text) as { netapp: { results: Node } }) : null;
  return { status: res.status, results: doc?.netapp.results ?? {} };
}

async function listAll(
  prefix: string,
  args: Record<string, string>,
  arrayKey: string,
  itemKey: string,
): Promise<Node[]> {
  const start = await zapi(`${prefix}-start`, args);
  expect(start.results["@_status"]).toBe("passed");
  const tag = String(start.results.tag);
  const out: Node[] = [];
  for (;;) {
    const next = await zapi(`${prefix}-next`, { tag, maximum: "37" });
    const items =
      ((next.results[arrayKey] as Node | undefined)?.[itemKey] as Node[] | undefined) ?? [];
    expect(Number(next.results.records)).toBe(items.length);
    if (items.length === 0) break;
    out.push(...items);
  }
  expect(out).toHaveLength(Number(start.results.records));
  expect((await zapi(`${prefix}-end`, { tag })).results["@_status"]).toBe("passed");
  return out;
}

const jobs = (args: Record<string, string>) =>
  listAll("dp-job-list-iter", args, "jobs", "dp-job-info");
const ids = (nodes: Node[]) => nodes.map((n) => Number(n["job-id"]));
const truthIds = (pred: (j: ReturnType<DfmContext["estate"]["list"]>[number]) => boolean) =>
  truth.estate
    .list()
    .filter(pred)
    .map((j) => j.id)
    .sort((a, b) => a - b);

describe("DFM simulator: dp-job-list-iter", () => {
  it("applies every filter against the server's own state", async () => {
    const now = () => clock.now();
    const sec = (ms: number | null) => (ms === null ? null : Math.floor(ms / 1000));
    expect(ids(await jobs({}))).toEqual(truthIds(() => true));
    for (const state of ["running", "completed", "aborted", "queued"]) {
      const got = ids(await jobs({ "job-state": state }));
      expect(got).toEqual(truthIds((j) => jobAt(j, now()).state === state));
      expect(got.length).toBeGreaterThan(0);
    }
    expect(ids(await jobs({ "job-type": "mirror" }))).toEqual(truthIds((j) => j.type === "mirror"));
    const one = truth.estate.list()[10];
    expect(ids(await jobs({ "job-id": String(one?.id) }))).toEqual([one?.id]);
    const ds = DATASETS[2];
    expect(ids(await jobs({ "object-name-or-id": ds?.name ?? "" }))).toEqual(
      truthIds((j) => j.dataset.id === ds?.id),
    );
    expect(ids(await jobs({ "object-name-or-id": String(ds?.id) }))).toEqual(
      truthIds((j) => j.dataset.id === ds?.id),
    );
    const group = GROUPS[0];
    expect(ids(await jobs({ "object-name-or-id": group?.name ?? "" }))).toEqual(
      truthIds((j) => group?.datasetIds.includes(j.dataset.id) ?? false),
    );
    const from = sec(now() - 6 * 3_600_000) ?? 0;
    const to = sec(now() - 2 * 3_600_000) ?? 0;
    const window = ids(
      await jobs({ "started-timestamp-from": String(from), "started-timestamp-to": String(to) }),
    );
    expect(window).toEqual(
      truthIds((j) => {
        const s = sec(jobAt(j, now()).startedMs);
        return s !== null && s >= from && s <= to;
      }),
    );
    expect(ids(await jobs({ "max-jobs": "5" }))).toEqual(truthIds(() => true).slice(0, 5));
    expect(ids(await jobs({ "max-jobs": "0" }))).toHaveLength(truth.estate.list().length);
  });

  it("answers in prose with only the errno number by default, as DFM does", async () => {
    const plain = createDfmSimulator({ seed: 7, clock, user: "admin", password: "pw" });
    const other = await startSimServer({ name: "dfm-plain", handler: plain.handler });
    try {
      const res = await fetch(`${other.url}/apis/XMLrequest`, {
        method: "POST",
        headers: {
          "content-type": "text/xml",
          authorization: `Basic ${Buffer.from("admin:pw").toString("base64")}`,
        },
        body: `<netapp version="1.0" xmlns="http://www.netapp.com/filer/admin"><dp-job-list-iter-start><job-state>sleeping</job-state></dp-job-list-iter-start></netapp>`,
      });
      const results = (parser.parse(await res.text()) as { netapp: { results: Node } }).netapp
        .results;
      expect(results).toMatchObject({ "@_status": "failed", "@_errno": "13115" });
      expect(String(results["@_reason"])).not.toMatch(/\bE[A-Z]{4,}\b/);
    } finally {
      await other.close();
    }
  });

  it("keeps one-element arrays and 50,000 default max-jobs; rejects bad input", async () => {
    const one = await jobs({ "job-id": String(truth.estate.list()[0]?.id) });
    expect(one).toHaveLength(1);
    const bad: Array<Record<string, string>> = [
      { "job-state": "sleeping" },
      { "job-type": "backup" },
      { "object-name-or-id": "ds_nope" },
      { "job-id": "abc" },
    ];
    for (const args of bad) {
      const r = await zapi("dp-job-list-iter-start", args);
      expect(r.results).toMatchObject({ "@_status": "failed", "@_errno": "13115" });
      expect(String(r.results["@_reason"])).toMatch(/^EINVALIDINPUT/);
    }
  });

  it("tags: unknown → EINVALIDTAG, ended → EINVALIDTAG, unused ones expire", async () => {
    const bad = await zapi("dp-job-list-iter-next", { tag: "nope", maximum: "1" });
    expect(String(bad.results["@_reason"])).toMatch(/^EINVALIDTAG/);
    const start = await zapi("dp-job-list-iter-start", {});
    const tag = String(start.results.tag);
    clock.advance(truth.estate.scenario.tagTtlMs + 1);
    expect(String((await zapi("dp-job-list-iter-end", { tag })).results["@_reason"])).toMatch(
      /^EINVALIDTAG/,
    );
    const events = await zapi("dp-job-progress-event-list-iter-start", {});
    expect(
      String(
        (await zapi("dp-job-list-iter-next", { tag: String(events.results.tag), maximum: "1" }))
          .results["@_reason"],
      ),
    ).toMatch(/^EINVALIDTAG/);
  });
});

describe("DFM simulator: progress events", () => {
  const events = (args: Record<string, string>) =>
    listAll(
      "dp-job-progress-event-list-iter",
      args,
      "progress-events",
      "dp-job-progress-event-info",
    );

  it("lists history per job, per dataset, in a time window, or only the current event per job", async () => {
    const job = truth.estate
      .list()
      .find((j) => j.type === "remote_backup" && jobAt(j, clock.now()).state === "completed");
    const all = eventsAt(job ?? truth.estate.list()[0] ?? fail(), clock.now());
    const got = await events({ "job-id": String(job?.id), history: "true" });
    expect(got.map((e) => Number(e["event-id"])).sort()).toEqual(all.map((e) => e.id).sort());
    const current = await events({ "job-id": String(job?.id) });
    expect(current.map((e) => Number(e["event-id"]))).toEqual([all.at(-1)?.id]);
    const ds = job?.dataset;
    const perDataset = await events({ "dataset-name-or-id": ds?.name ?? "" });
    expect(new Set(perDataset.map((e) => e["job-id"])).size).toBe(perDataset.length);
    expect(perDataset.length).toBe(
      truth.estate
        .list()
        .filter((j) => j.dataset.id === ds?.id && eventsAt(j, clock.now()).length > 0).length,
    );
    const from = Math.floor(clock.now() / 1000) - 3600;
    const windowed = await events({
      "start-time": String(from),
      "end-time": String(from + 1800),
      history: "true",
    });
    expect(windowed.length).toBeGreaterThan(0);
    expect(
      windowed.every(
        (e) => Number(e["event-timestamp"]) >= from && Number(e["event-timestamp"]) <= from + 1800,
      ),
    ).toBe(true);
    const types = new Set((await events({ history: "true" })).map((e) => String(e["event-type"])));
    for (const t of [
      "job-start",
      "job-progress",
      "job-end",
      "snapvault-start",
      "snapvault-progress",
      "snapvault-end",
      "snapmirror-end",
      "snapshot-create",
      "backup-create",
      "restore-end",
      "rel-create-end",
      "rel-destroy-end",
      "job-abort",
    ]) {
      expect(types).toContain(t);
    }
  });

  it("rejects both selectors and unknown jobs", async () => {
    const both = await zapi("dp-job-progress-event-list-iter-start", {
      "job-id": "5001",
      "dataset-name-or-id": "ds_home_dirs",
    });
    expect(String(both.results["@_reason"])).toMatch(/^EINVALIDINPUT/);
    const missing = await zapi("dp-job-progress-event-list-iter-start", { "job-id": "999999" });
    expect(missing.results).toMatchObject({ "@_status": "failed", "@_errno": "24901" });
  });
});

describe("DFM simulator: schedules, envelope, auth and controls", () => {
  it("lists future jobs sorted by start-time, per dataset, and reports when the schedule changed", async () => {
    const from = Math.floor(clock.now() / 1000);
    const all = await listAll(
      "dp-job-schedule-list-iter",
      { "from-time": String(from), "to-time": String(from + 86_400) },
      "scheduled-jobs",
      "dp-scheduled-job",
    );
    expect(all.map((s) => s["start-time"])).toEqual(
      scheduledJobs(from, from + 86_400, truth.schedule.edits).map((s) => s["start-time"]),
    );
    const starts = all.map((s) => Number(s["start-time"]));
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    const one = await listAll(
      "dp-job-schedule-list-iter",
      {
        "from-time": String(from),
        "to-time": String(from + 86_400),
        "dataset-name-or-id": "ds_vmware_gold",
      },
      "scheduled-jobs",
      "dp-scheduled-job",
    );
    expect(one.every((s) => s["dataset-id"] === "322")).toBe(true);
    expect(
      String(
        (await zapi("dp-job-schedule-list-iter-start", { "from-time": "10", "to-time": "5" }))
          .results["@_reason"],
      ),
    ).toMatch(/^EINVALIDINPUTERROR/);
    expect(
      String(
        (
          await zapi("dp-job-schedule-list-iter-start", {
            "from-time": "1",
            "to-time": "5",
            "dataset-name-or-id": "x",
          })
        ).results["@_reason"],
      ),
    ).toMatch(/^EOBJECTNOTFOUND/);
    const before = (await zapi("dp-job-schedule-get-last-changed")).results[
      "last-changed-timestamp"
    ];
    clock.advance(5_000);
    await fetch(`${sim.url}/__sim/schedules/change`, { method: "POST" });
    expect((await zapi("dp-job-schedule-get-last-changed")).results["last-changed-timestamp"]).toBe(
      String(Math.floor(clock.now() / 1000)),
    );
    expect(before).not.toBe(String(Math.floor(clock.now() / 1000)));
  });

  it("accepts the bare form, answers unknown APIs with a failed result, and wants Basic auth", async () => {
    expect(
      (await zapi("dp-job-schedule-get-last-changed", {}, { sdk: false })).results["@_status"],
    ).toBe("passed");
    expect((await zapi("dp-job-frobnicate")).results).toMatchObject({
      "@_status": "failed",
      "@_errno": "13005",
    });
    expect(
      (await zapi("dp-job-schedule-get-last-changed", {}, { auth: "admin:wrong" })).status,
    ).toBe(401);
  });

  it("controls: create a job that starts now, fail it, and stay deterministic per seed", async () => {
    const res = await fetch(`${sim.url}/__sim/jobs`, {
      method: "POST",
      body: JSON.stringify({ durationMs: 600_000, type: "restore" }),
    });
    expect(res.status).toBe(201);
    const { vendorId } = (await res.json()) as { vendorId: string };
    const job = truth.estate.get(Number(vendorId));
    expect(jobAt(job ?? fail(), clock.now()).state).toBe("running");
    clock.advance(60_000);
    const failRes = await fetch(`${sim.url}/__sim/jobs/${vendorId}/fail`, { method: "POST" });
    expect(failRes.status).toBe(200);
    const [info] = await jobs({ "job-id": vendorId });
    expect(info).toMatchObject({ "job-state": "completed", "job-progress": "failure" });
    expect((await fetch(`${sim.url}/__sim/jobs/${vendorId}/fail`, { method: "POST" })).status).toBe(
      409,
    );
    const twin = createDfmSimulator({
      seed: 7,
      clock: new ManualClock(),
      user: "a",
      password: "b",
    });
    expect(twin.context.estate.list().map((j) => [j.id, j.type, j.startMs])).toEqual(
      truth.estate
        .list()
        .filter((j) => j.id < Number(vendorId))
        .map((j) => [j.id, j.type, j.startMs]),
    );
  });
});

function fail(): never {
  throw new Error("expected a job");
}
