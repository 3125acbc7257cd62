import type { Clock } from "@/lib/simulators/engine/clock";
import type { SimHandler, SimRequest, SimResponse } from "@/lib/simulators/engine/server";
import type { Sessions } from "./auth";
import type { Scenario } from "./options";
import type { DrJobStore } from "./store";
import { formatOf, jobStatsBody, jobSummaryBody, reply, type Format, type Node } from "./wire";

export interface RouteDeps {
  clock: Clock;
  store: DrJobStore;
  sessions: Sessions;
  scenario: Scenario;
  user: string;
  password: string;
}

const FILTERS = ["jobId", "drGroupId", "replicationId", "clientId"] as const;
type Filters = Partial<Record<(typeof FILTERS)[number], number>>;

const header = (req: SimRequest, name: string) => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

function generic(format: Format, errorCode: number, errorMessage?: string): SimResponse {
  return reply(format, "GenericResp", errorMessage ? { errorCode, errorMessage } : { errorCode });
}

const unauthorized = (format: Format) =>
  reply(format, "GenericResp", { errorCode: 5, errorMessage: "Access denied" }, 401);

/** Commvault's web service under its root: login/session calls, then Authtoken-guarded APIs. */
export function createHandler(deps: RouteDeps): SimHandler {
  const root = deps.scenario.webServiceRoot;
  return (req) => {
    if (!req.path.startsWith(root))
      return { status: 404, headers: { "content-type": "text/plain" }, body: "Not Found" };
    const path = req.path.slice(root.length);
    const format = formatOf(req.headers.accept);
    deps.store.advance();
    if (req.method === "POST" && path === "Login") return login(deps, req, format);
    const token = header(req, "authtoken");
    if (req.method === "POST" && path === "Logout") {
      deps.sessions.revoke(token);
      return { status: 200, headers: { "content-type": "text/plain" }, body: "User logged out" };
    }
    if (req.method === "POST" && path === "RenewLoginToken") {
      const renewed = deps.sessions.renew(token);
      return renewed
        ? reply(format, "DM2ContentIndexing_CheckCredentialResp", { token: renewed })
        : unauthorized(format);
    }
    if (!deps.sessions.touch(token)) {
      if (deps.scenario.expiredToken === "errList200") {
        return reply(format, "GenericResp", {
          errList: [
            {
              errorCode: 5,
              errLogMessage: "Session has expired or the token is invalid. Please login again.",
            },
          ],
        });
      }
      return unauthorized(format);
    }
    return routeApi(deps, req, path, format);
  };
}

function routeApi(deps: RouteDeps, req: SimRequest, path: string, format: Format): SimResponse {
  const now = deps.clock.now();
  const paths = deps.scenario.jobStatsPaths;
  const served =
    (path === "DRGroups/JobStats" && paths !== "DR") ||
    (path === "DR/JobStats" && paths !== "DRGroups");
  if (req.method === "GET" && served) {
    const filters = parseFilters(req.query);
    if (typeof filters === "string")
      return reply(format, "Api_VirtualAppJobDetailsResp", {
        error: { errorCode: 2, errorMessage: filters },
      });
    const body = jobStatsBody(select(deps.store, filters), now, deps.scenario);
    return reply(format, "Api_VirtualAppJobDetailsResp", breakPairs(deps.store, body));
  }
  const summary = /^Job\/(\d+)$/.exec(path);
  if (req.method === "GET" && summary) {
    return reply(
      format,
      "JobManager_JobListResponse",
      jobSummaryBody(deps.store.get(Number(summary[1])), now),
    );
  }
  const action = /^Job\/(\d+)\/action\/(pause|resume|kill)$/.exec(path);
  if (req.method === "POST" && action) {
    const jobId = Number(action[1]);
    const outcome =
      action[2] === "pause"
        ? deps.store.pause(jobId)
        : action[2] === "resume"
          ? deps.store.resume(jobId)
          : deps.store.kill(jobId, deps.user);
    return outcome.ok ? generic(format, 0) : generic(format, outcome.code, outcome.message);
  }
  return reply(
    format,
    "GenericResp",
    { errorCode: 1, errorMessage: `The requested API [${req.method} ${path}] was not found.` },
    404,
  );
}

/** A broken job's first pair carries a phase code no client can read (scenario brokenJobEvery). */
function breakPairs(store: DrJobStore, body: Node): Node {
  const pairs = body.job;
  if (!Array.isArray(pairs)) return body;
  const seen = new Set<number>();
  return {
    ...body,
    job: pairs.map((pair) => {
      const jobId = Number(pair.jobId);
      if (!store.isBroken(jobId) || seen.has(jobId)) return pair;
      seen.add(jobId);
      return { ...pair, phase: [{ phase: "replication?", status: 0 }] };
    }),
  };
}

function login(deps: RouteDeps, req: SimRequest, format: Format): SimResponse {
  let body: { username?: unknown; password?: unknown } = {};
  try {
    body = JSON.parse(req.body) as typeof body;
  } catch {
    body = {};
  }
  const password =
    typeof body.password === "string" ? Buffer.from(body.password, "base64").toString("utf8") : "";
  if (body.username === deps.user && password === deps.password) {
    return reply(format, "DM2ContentIndexing_CheckCredentialResp", {
      aliasName: "1",
      userGUID: "8d1a2c3e-5f00-4b6e-9c1a-2f4e6a7b8c9d",
      loginAttempts: 0,
      remainingLockTime: 0,
      userName: deps.user,
      ccn: 0,
      token: deps.sessions.issue(),
    });
  }
  if (deps.scenario.loginError === "errorCode") return unauthorized(format);
  return reply(format, "DM2ContentIndexing_CheckCredentialResp", {
    errList: [{ errLogMessage: "Invalid Username or Password", errorCode: 5 }],
  });
}

function parseFilters(query: URLSearchParams): Filters | string {
  const filters: Filters = {};
  const alias = query.get("failoverGroupId");
  for (const name of FILTERS) {
    const value = name === "drGroupId" ? (query.get(name) ?? alias) : query.get(name);
    if (value === null || value === "") continue;
    if (!/^\d+$/.test(value)) return `Invalid value [${value}] for parameter [${name}].`;
    filters[name] = Number(value);
  }
  return filters;
}

function select(store: DrJobStore, f: Filters) {
  return store
    .list()
    .flatMap((job) =>
      job.pairs
        .filter(
          (pair) =>
            (f.jobId === undefined || f.jobId === job.jobId) &&
            (f.drGroupId === undefined || f.drGroupId === job.group.id) &&
            (f.replicationId === undefined || f.replicationId === pair.replicationId) &&
            (f.clientId === undefined || f.clientId === pair.clientId),
        )
        .map((pair) => ({ job, pair })),
    );
}
