import parsePrometheusTextFormat from "parse-prometheus-text-format";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { callRoute, makeCallers, type Caller } from "@/app/api/role-matrix.support";
import { loadRouteModules, concretePath } from "@/app/api/route-files.support";
import * as metricsRoute from "@/app/api/metrics/route";
import { createApiToken } from "@/lib/auth/api-tokens";
import { resetEnvCache } from "@/lib/env";
import { generateEstate } from "@/lib/testing/estate-sql";
import { startSimulatedSource, type SimulatedSourceFixture } from "@/lib/testing/sim-source";
import { appTestDatabase } from "@/lib/testing/test-db";
import { pollSource } from "@/lib/sync/poll-source";

const JOBS = 100_000;
const SOURCES = 10;
/**
 * The series budget: about 20 per source (health, progress quarters, time-left buckets) plus the
 * vendor × state job counts and action outcomes. It does not depend on jobs stored or job types.
 */
const MAX_SERIES = 400;

const t = appTestDatabase();
let callers: Record<Caller, Record<string, string>>;
let metricsToken: Record<string, string>;
let sim: SimulatedSourceFixture;

const scrape = (who: Record<string, string>) =>
  callRoute(metricsRoute.GET, "GET", "/api/metrics", who);

async function scrapeParsed() {
  const res = await scrape(metricsToken);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  return parsePrometheusTextFormat(await res.text());
}

function sum(
  families: ReturnType<typeof parsePrometheusTextFormat>,
  name: string,
  match: Record<string, string> = {},
): number {
  const family = families.find((f) => f.name === name);
  if (!family) throw new Error(`no ${name}`);
  return family.metrics
    .filter((m) => Object.entries(match).every(([k, v]) => m.labels?.[k] === v))
    .reduce((n, m) => n + Number(m.value), 0);
}

beforeAll(async () => {
  vi.stubEnv("JOBDECK_METRICS", "on");
  resetEnvCache();
  callers = await makeCallers();
  const admin = await t.db.user.findUniqueOrThrow({ where: { email: "admin@example.com" } });
  const made = await createApiToken(
    { name: "prometheus", scope: "metrics", expiresInDays: 30 },
    { kind: "user", id: admin.id, name: admin.name, role: "admin" },
  );
  if (!made.ok) throw new Error(made.reason);
  metricsToken = { authorization: `Bearer ${made.token.token}` };

  await generateEstate(t.db, { jobs: JOBS, sources: SOURCES, now: new Date() });
  // Cardinality pressure the estate lacks: 5,000 running jobs with as many distinct types and vendor ids.
  await t.db
    .$executeRaw`UPDATE "Job" SET state = 'running', "endedAt" = NULL, type = 'type-' || "vendorId", progress = (substr("vendorId", 2)::int % 100)
    WHERE substr("vendorId", 2)::int BETWEEN 50000 AND 54999`;
  await t.db.$executeRaw`ANALYZE "Job"`;
  sim = await startSimulatedSource(t.db, "ontap", { name: "metrics-ontap" });
}, 300_000);

afterAll(async () => {
  await sim?.close();
  vi.unstubAllEnvs();
  resetEnvCache();
});

describe("/metrics", () => {
  it("parses as Prometheus text, stays under its series budget with 100k jobs stored, and carries no job ids", async () => {
    const families = await scrapeParsed();
    const series = families.reduce((n, f) => n + f.metrics.length, 0);
    expect(series).toBeGreaterThan(50);
    expect(series).toBeLessThan(MAX_SERIES);
    for (const f of families) {
      expect(f.name).toMatch(/^jobdeck_[a-z_]+$/);
      if (f.type === "COUNTER") expect(f.name).toMatch(/_total$/);
      for (const m of f.metrics)
        for (const value of Object.values(m.labels ?? {}))
          expect(value).not.toMatch(/^(e\d+|type-e\d+|[0-9a-f]{8}-[0-9a-f]{4}-)/);
    }
    expect(sum(families, "jobdeck_jobs")).toBe(JOBS);
    const running = await t.db.job.count({ where: { state: "running" } });
    expect(sum(families, "jobdeck_running_jobs")).toBe(running);
    expect(sum(families, "jobdeck_running_jobs_by_eta")).toBe(running);
    // The 5,000 made-up types have no history: no estimate, not a guess.
    expect(sum(families, "jobdeck_running_jobs_by_eta", { eta: "unknown" })).toBeGreaterThanOrEqual(
      5000,
    );
    expect(sum(families, "jobdeck_running_jobs", { progress: "50_75" })).toBe(
      await t.db.job.count({ where: { state: "running", progress: { gte: 50, lt: 75 } } }),
    );
  });

  it("reports a source's poll duration, last success, failures and quarantine as the worker recorded them", async () => {
    const source = () => t.db.source.findUniqueOrThrow({ where: { id: sim.sourceId } });
    expect((await pollSource(t.db, await source())).ok).toBe(true);
    const polled = await source();
    expect(polled.lastPollDurationMs).not.toBeNull();
    await sim.server.close();
    expect((await pollSource(t.db, await source())).ok).toBe(false);
    expect((await pollSource(t.db, await source())).ok).toBe(false);
    await t.db.quarantinedRecord.create({
      data: { sourceId: sim.sourceId, recordKey: "bad-1", reason: "state: invalid", raw: "{}" },
    });

    const families = await scrapeParsed();
    const labels = { source: "metrics-ontap", vendor: "ontap" };
    expect(sum(families, "jobdeck_source_poll_failures_total", labels)).toBe(2);
    expect(sum(families, "jobdeck_source_consecutive_failures", labels)).toBe(2);
    expect(sum(families, "jobdeck_source_up", labels)).toBe(0);
    expect(sum(families, "jobdeck_source_quarantined_records", labels)).toBe(1);
    expect(sum(families, "jobdeck_source_last_success_timestamp_seconds", labels)).toBe(
      (polled.lastSuccessAt?.getTime() ?? 0) / 1000,
    );
    expect(
      sum(families, "jobdeck_source_last_poll_duration_seconds", labels),
    ).toBeGreaterThanOrEqual(0);
  });

  it("sums live streams across web processes from their fresh census rows only", async () => {
    const now = new Date();
    await t.db.webProcessCensus.createMany({
      data: [
        { processId: "web-a", sseClients: 3, reportedAt: now },
        { processId: "web-b", sseClients: 4, reportedAt: now },
        {
          processId: "web-gone",
          sseClients: 50,
          reportedAt: new Date(now.getTime() - 10 * 60_000),
        },
      ],
    });
    const families = await scrapeParsed();
    expect(sum(families, "jobdeck_sse_clients")).toBe(7);
    expect(sum(families, "jobdeck_web_processes")).toBe(2);
  });

  it("counts incidents by state, every state reported", async () => {
    const incident = (n: number, status: "open" | "acknowledged" | "resolved") => ({
      dedupKey: `metrics-test:${n}`,
      kind: "job_failed" as const,
      status,
      severity: "error" as const,
      title: "t",
      detail: "d",
      subject: `s${n}`,
    });
    await t.db.incident.createMany({
      data: [incident(1, "open"), incident(2, "open"), incident(3, "resolved")],
    });
    const families = await scrapeParsed();
    expect(families.find((f) => f.name === "jobdeck_incidents")?.type).toBe("GAUGE");
    expect(sum(families, "jobdeck_incidents", { state: "open" })).toBe(2);
    expect(sum(families, "jobdeck_incidents", { state: "acknowledged" })).toBe(0);
    expect(sum(families, "jobdeck_incidents", { state: "resolved" })).toBe(1);
    await t.db.incident.deleteMany({ where: { dedupKey: { startsWith: "metrics-test:" } } });
  });

  it("answers only metrics tokens and admins, and a metrics token reads nothing else", async () => {
    expect((await scrape(callers.admin)).status).toBe(200);
    for (const who of ["viewer", "operator"] as const) {
      const res = await scrape(callers[who]);
      expect(res.status).toBe(403);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
    }
    expect((await scrape(callers.anonymous)).status).toBe(401);
    expect((await scrape(callers.display)).status).toBe(403);
    for (const { pattern, handlers } of await loadRouteModules()) {
      for (const [method, handler] of Object.entries(handlers)) {
        if (pattern === "/api/metrics") continue;
        const { path, params } = concretePath(pattern, (seg) =>
          seg.startsWith("...") ? "get-session" : crypto.randomUUID(),
        );
        const res = await callRoute(handler, method, path, metricsToken, {
          params,
          headers: { "idempotency-key": crypto.randomUUID() },
        });
        await res.body?.cancel();
        // Public routes treat it as anonymous; every other route refuses it.
        expect([401, 403, 404, 400, 200, 201, 204, 405, 429], `${method} ${pattern}`).toContain(
          res.status,
        );
        if (![200, 201, 204].includes(res.status)) continue;
        expect(
          [
            "/api/health",
            "/api/pairing",
            "/api/pairing/claim",
            "/api/auth/[...all]",
            "/api/display-tokens/enter",
            "/api/openapi.json",
          ],
          `${method} ${pattern} let a metrics token in`,
        ).toContain(pattern);
      }
    }
  });

  it("is off unless JOBDECK_METRICS=on", async () => {
    vi.stubEnv("JOBDECK_METRICS", "off");
    resetEnvCache();
    try {
      const res = await scrape(metricsToken);
      expect(res.status).toBe(404);
      expect(await res.text()).toContain("JOBDECK_METRICS=on");
    } finally {
      vi.stubEnv("JOBDECK_METRICS", "on");
      resetEnvCache();
    }
  });
});
