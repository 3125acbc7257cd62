import { json, type SimRequest, type SimResponse } from "@/lib/simulators/engine/server";
import { renderCheckJob } from "./check-jobs";
import type { EyeglassEstate } from "./estate";
import { failoverLog, renderFailover } from "./failover-jobs";
import { isBrokenFailover } from "./scenario";
import { BadRequest, parseDrTestLaunch, parseFailoverLaunch, parseRehearsalLaunch } from "./launch";
import { stopJob, type Placed, type PlannedJob } from "./planned-job";

const BASE = "/sera/v2/jobs/";

/** Eyeglass' error payload. */
const fail = (code: number, message: string): SimResponse => json(code, { code, message });

type StateFilter = (p: Placed<PlannedJob>, now: number) => boolean;

function stateFilter(query: URLSearchParams): StateFilter {
  const state = query.get("state") ?? "all";
  if (state === "all" || state === "") return () => true;
  if (state === "running") return (p, now) => p.timeline.end > now;
  if (state === "finished") return (p, now) => p.timeline.end <= now;
  throw new BadRequest("Invalid request parameters: state must be one of all, running, finished");
}

function successFilter(query: URLSearchParams): (success: boolean) => boolean {
  const v = query.get("success");
  if (v === null || v === "") return () => true;
  if (v !== "true" && v !== "false")
    throw new BadRequest("Invalid request parameters: success must be true or false");
  return (success) => success === (v === "true");
}

function failoverRoutes(
  estate: EyeglassEstate,
  req: SimRequest,
  rest: string[],
  now: number,
): SimResponse {
  const opts = {
    ...estate.renderOptions("failover"),
    cancelledStatus: estate.scenario.cancelledStatus,
  };
  const placed = estate.placedFailovers(now);
  const [id, sub, ...extra] = rest;
  if (extra.length > 0) return fail(404, "Not found");
  if (id === undefined) {
    if (req.method === "GET") {
      const byState = stateFilter(req.query);
      const bySuccess = successFilter(req.query);
      const jobs = placed.filter((p) => byState(p, now)).map((p) => renderFailover(p, now, opts));
      const listed = jobs.filter((j) => bySuccess(j.success));
      return json(
        200,
        listed.map((j) =>
          isBrokenFailover(estate.scenario, j.id) ? { ...j, jobStatusDetails: "unreadable" } : j,
        ),
      );
    }
    if (req.method === "POST")
      return created(
        estate.addFailover(
          parseFailoverLaunch(req.query),
          { submittedAt: now, immediate: false },
          "success",
        ).id,
      );
    return fail(405, "Method not allowed");
  }
  if (req.method === "POST" && sub === undefined && (id === "drtest" || id === "rehearsal")) {
    const launch = id === "drtest" ? parseDrTestLaunch(req.query) : parseRehearsalLaunch(req.query);
    return created(
      estate.addFailover(launch, { submittedAt: now, immediate: false }, "success").id,
    );
  }
  const job = placed.find((p) => p.job.id === id);
  if (sub === "log" && req.method === "GET") {
    if (!job) return fail(404, `Failover job ${id} not found`);
    // The log resource produces text/plain only; like any JAX-RS resource, Eyeglass answers a
    // client that accepts only JSON with 406 (the v2 document shows the log as plain text).
    if (!acceptsText(req.headers.accept))
      return fail(406, "Not Acceptable: the failover log is text/plain");
    return {
      status: 200,
      headers: { "content-type": "text/plain; charset=utf-8" },
      body: failoverLog(job, now),
    };
  }
  if (sub !== undefined) return fail(404, "Not found");
  if (req.method === "GET")
    return job
      ? json(200, renderFailover(job, now, opts))
      : fail(404, `Failover job ${id} not found`);
  if (req.method === "DELETE") {
    const result = stopJob(placed, id, { at: now, kind: "cancel", info: "Cancelled by user" });
    if (result === "unknown") return fail(404, `Failover job ${id} not found`);
    if (result === "not-running") return fail(400, `Failover job ${id} is not running`);
    return json(200, { id });
  }
  return fail(405, "Method not allowed");
}

function acceptsText(accept: string | undefined): boolean {
  if (!accept) return true;
  return accept.split(",").some((part) => /^\s*(text\/plain|text\/\*|\*\/\*)\s*(;|$)/i.test(part));
}

function checkRoutes(
  estate: EyeglassEstate,
  family: "readiness" | "replication",
  req: SimRequest,
  rest: string[],
  now: number,
): SimResponse {
  const placed =
    family === "readiness" ? estate.placedReadiness(now) : estate.placedReplication(now);
  const opts = estate.renderOptions(family);
  const [id, ...extra] = rest;
  if (extra.length > 0) return fail(404, "Not found");
  if (id === undefined) {
    if (req.method === "GET") {
      const byState = stateFilter(req.query);
      return json(
        200,
        placed.filter((p) => byState(p, now)).map((p) => renderCheckJob(p, now, opts)),
      );
    }
    if (req.method === "POST") {
      const job = family === "readiness" ? estate.addReadiness(now) : estate.addReplication(now);
      return created(job.id);
    }
    return fail(405, "Method not allowed");
  }
  if (req.method !== "GET") return fail(405, "Method not allowed");
  const job = placed.find((p) => p.job.id === id);
  return job
    ? json(200, renderCheckJob(job, now, opts))
    : fail(404, `${family === "readiness" ? "Readiness" : "Replication"} job ${id} not found`);
}

const created = (id: string): SimResponse => json(201, { id });

/** The REST API v2 jobs endpoints under /sera, behind the api_key header. */
export function handleEyeglass(
  estate: EyeglassEstate,
  token: string,
  req: SimRequest,
): SimResponse {
  if (req.headers["api_key"] !== token) return fail(403, "Forbidden: missing or invalid api_key");
  if (!req.path.startsWith(BASE)) return fail(404, "Not found");
  const now = estate.now();
  try {
    const [family, ...rest] = req.path
      .slice(BASE.length)
      .split("/")
      .filter(Boolean)
      .map(decodeURIComponent);
    if (family === "failover") return failoverRoutes(estate, req, rest, now);
    if (family === "readiness" || family === "replication")
      return checkRoutes(estate, family, req, rest, now);
    return fail(404, "Not found");
  } catch (err) {
    if (err instanceof BadRequest) return fail(400, err.message);
    if (err instanceof URIError) return fail(400, "Invalid request parameters: malformed path");
    throw err;
  }
}
