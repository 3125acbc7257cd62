import { z } from "zod";
import { json, type SimRequest, type SimResponse } from "@/lib/simulators/engine/server";
import type { SppEstate } from "./estate";
import type { SessionPlan } from "./plan";
import { jobLog } from "./job-log";
import {
  applyFilter,
  applySort,
  paginate,
  QueryError,
  readField,
  type PropertyReader,
} from "./query";
import { renderSession, renderSummary } from "./render";
import type { LoginSessions } from "./sessions";
import { isStoppable } from "./timeline";

type Json = Record<string, unknown>;

/** SPP's error body. */
export const sppError = (status: number, id: string, description: string): SimResponse =>
  json(status, { id, title: "Error", description });

const cancelBody = z.object({ catalogCompletedObjects: z.boolean() });

/** Progress records carry the session only inside `id` and `jobPK`; the document filters on `sessionId`. */
const readProgress: PropertyReader = (record, property) =>
  property === "sessionId" ? String(record.id ?? "").split(".")[0] : readField(record, property);

export function originOf(req: SimRequest): string {
  return `http://${req.headers.host ?? "127.0.0.1"}`;
}

export function createSppHandler(estate: SppEstate, logins: LoginSessions, user: string) {
  return (req: SimRequest): SimResponse => {
    estate.advance();
    if (req.path === "/api/endeavour/session") return sessionRoute(req, logins, user);
    const sessionId = req.headers["x-endeavour-sessionid"];
    if (!logins.touch(typeof sessionId === "string" ? sessionId : undefined)) {
      return sppError(
        401,
        "SessionExpiredException",
        "The session is not valid or has expired. Log in again.",
      );
    }
    try {
      return route(req, estate);
    } catch (err) {
      if (err instanceof QueryError) return sppError(400, "InvalidParameterException", err.message);
      throw err;
    }
  };
}

function sessionRoute(req: SimRequest, logins: LoginSessions, user: string): SimResponse {
  if (req.method === "POST") {
    const id = logins.login(req.headers.authorization);
    if (!id) return sppError(401, "AuthenticationFailedException", "Invalid username or password.");
    return json(200, {
      sessionid: id,
      user: {
        id: "1000",
        name: user,
        type: "NATIVE_USER",
        typeDisplayName: "Native User",
        passwordAge: 0,
        passwordExpired: false,
      },
      demo: false,
      preferences: [],
      tenantAdmin: true,
    });
  }
  if (req.method === "DELETE") {
    const header = req.headers["x-endeavour-sessionid"];
    return logins.logout(typeof header === "string" ? header : undefined)
      ? { status: 204, body: "" }
      : sppError(401, "SessionExpiredException", "The session is not valid or has expired.");
  }
  return sppError(405, "MethodNotAllowedException", `${req.method} is not supported here`);
}

function route(req: SimRequest, estate: SppEstate): SimResponse {
  const origin = originOf(req);
  const now = estate.now();
  const { cancelingMs, totalZero } = estate.scenario;
  const page = (records: Json[], key: string, read: PropertyReader) => {
    const filtered = applySort(
      applyFilter(records, req.query.get("filter"), read),
      req.query.get("sort"),
      read,
    );
    return json(
      200,
      paginate(filtered, key, { origin, path: req.path, query: req.query, totalZero }),
    );
  };
  if (req.method === "GET" && req.path === "/api/progress") {
    const summaries = scope(estate, req.query.get("filter"), "sessionId").flatMap((plan) =>
      plan.resources.map((r) => renderSummary(plan, r, now, cancelingMs, origin)),
    );
    return page(summaries, "summaries", readProgress);
  }
  if (req.method === "GET" && req.path === "/api/endeavour/jobsession") {
    return page(
      estate.all().map((plan) => session(estate, plan, now, origin)),
      "sessions",
      readField,
    );
  }
  if (req.method === "GET" && req.path === "/api/endeavour/log/job") {
    let logs = scope(estate, req.query.get("filter"), "jobsessionId").flatMap((plan) =>
      jobLog(plan, now, cancelingMs),
    );
    // SPP lists only INFO lines unless the filter names the types (sppmon filters type IN [...]).
    if (!filtersOn(req.query.get("filter"), "type")) logs = logs.filter((l) => l.type === "INFO");
    const rendered = logs.map((l) =>
      estate.scenario.stringLogTimes ? { ...l, logTime: String(l.logTime) } : l,
    ) as unknown as Json[];
    return page(rendered, "logs", readField);
  }
  const one = /^\/api\/endeavour\/jobsession\/([^/]+)$/.exec(req.path);
  if (one?.[1]) {
    const plan = estate.get(one[1]);
    if (!plan)
      return sppError(404, "ObjectNotFoundException", `Job session ${one[1]} was not found.`);
    if (req.method === "GET") return json(200, session(estate, plan, now, origin));
    if (req.method === "POST") return sessionAction(req, estate, plan.id, origin);
  }
  return sppError(404, "ResourceNotFoundException", `No resource at ${req.method} ${req.path}`);
}

/** A broken session (scenario brokenSessionEvery) lacks the status every session has. */
function session(estate: SppEstate, plan: SessionPlan, now: number, origin: string): Json {
  const rendered = renderSession(plan, now, estate.scenario.cancelingMs, origin);
  if (!estate.isBroken(plan.id)) return rendered;
  const broken: Json = { ...rendered };
  delete broken.status;
  return broken;
}

function filtersOn(rawFilter: string | null, property: string): boolean {
  try {
    const filters: unknown = JSON.parse(rawFilter ?? "[]");
    return (
      Array.isArray(filters) &&
      filters.some((f: unknown) => (f as { property?: unknown } | null)?.property === property)
    );
  } catch {
    return false;
  }
}

/**
 * Sessions a request can be about: when the filter pins one session id, only that session is rendered
 * (the filter still runs afterwards, so the answer is the same, just without rendering the estate).
 */
function scope(estate: SppEstate, rawFilter: string | null, property: string): SessionPlan[] {
  let filters: unknown;
  try {
    filters = JSON.parse(rawFilter ?? "[]");
  } catch {
    return estate.all();
  }
  if (!Array.isArray(filters)) return estate.all();
  const pinned = filters.find((f: unknown): f is { value: unknown } => {
    const entry = f as { property?: unknown; op?: unknown } | null;
    return (
      entry !== null &&
      typeof entry === "object" &&
      entry.property === property &&
      (entry.op ?? "=") === "="
    );
  });
  if (!pinned || (typeof pinned.value !== "string" && typeof pinned.value !== "number"))
    return estate.all();
  const plan = estate.get(String(pinned.value));
  return plan ? [plan] : [];
}

function sessionAction(
  req: SimRequest,
  estate: SppEstate,
  id: string,
  origin: string,
): SimResponse {
  const action = req.query.get("action");
  if (action !== "cancel")
    return sppError(400, "InvalidParameterException", `Unsupported action: ${action ?? "(none)"}`);
  let body: unknown;
  try {
    body = JSON.parse(req.body || "{}");
  } catch {
    return sppError(400, "InvalidParameterException", "Request body is not valid JSON.");
  }
  const parsed = cancelBody.safeParse(body);
  if (!parsed.success)
    return sppError(
      400,
      "InvalidParameterException",
      "catalogCompletedObjects must be true or false.",
    );
  const plan = estate.get(id);
  if (!plan || !isStoppable(plan, estate.now(), estate.scenario.cancelingMs)) {
    return sppError(
      400,
      "InvalidJobSessionStateException",
      `Job session ${id} is not running and cannot be canceled.`,
    );
  }
  estate.stop(id, "cancel", parsed.data.catalogCompletedObjects, "user");
  return json(201, renderSession(plan, estate.now(), estate.scenario.cancelingMs, origin));
}
