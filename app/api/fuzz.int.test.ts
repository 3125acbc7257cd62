import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomIp } from "@/lib/auth/test-support";
import { setDb } from "@/lib/db/client";
import { PEER_HEADER } from "@/lib/http/client-ip";
import { pollSource } from "@/lib/sync/poll-source";
import { startSimulatedSource, type SimulatedSourceFixture } from "@/lib/testing/sim-source";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import {
  hostileBody,
  hostilePathParam,
  hostileQuery,
  hostileString,
  pick,
  rng,
} from "./fuzz.support";
import { ORIGIN } from "@/lib/auth/test-support";
import { makeCallers, type Caller, type Handler } from "./role-matrix.support";
import { concretePath, loadRouteModules, type RouteModule } from "./route-files.support";

/**
 * Thousands of generated hostile requests (wrong types, huge and negative numbers, unicode, deep
 * JSON, long strings, malformed encodings, odd content types) against every route.ts under
 * app/api, as each kind of caller: nothing may answer 5xx, and every 4xx is problem+json that
 * says what was wrong. Seeded, so a failure replays.
 */
const SEED = 18;
const PER_HANDLER = 45;

let t: TestDatabase;
let callers: Record<Caller, Record<string, string>>;
let modules: RouteModule[];
let ontap: SimulatedSourceFixture;
let eyeglass: SimulatedSourceFixture;
const known: string[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  setDb(t.db);
  callers = await makeCallers();
  modules = await loadRouteModules();
  ontap = await startSimulatedSource(t.db, "ontap");
  eyeglass = await startSimulatedSource(t.db, "eyeglass");
  for (const s of [ontap, eyeglass])
    await pollSource(t.db, await t.db.source.findUniqueOrThrow({ where: { id: s.sourceId } }));
  const jobs = await t.db.job.findMany({ select: { id: true }, take: 20 });
  known.push(ontap.sourceId, eyeglass.sourceId, ...jobs.map((j) => j.id));
});
afterAll(async () => {
  await ontap.close();
  await eyeglass.close();
  setDb(undefined);
  await t.drop();
});

interface Finding {
  request: string;
  status: number;
  problem: string;
}

function buildRequest(
  r: ReturnType<typeof rng>,
  pattern: string,
  method: string,
  who: Record<string, string>,
) {
  const { path, params } = concretePath(pattern, (seg) =>
    seg.startsWith("...")
      ? pick(r, [
          "sign-in/email",
          "get-session",
          "update-user",
          "nope",
          "sign-out",
          "change-password",
        ])
      : hostilePathParam(r, known),
  );
  const query = r() < 0.7 ? hostileQuery(r) : "";
  const body = method === "GET" ? undefined : hostileBody(r);
  const headers: Record<string, string> = {
    host: new URL(ORIGIN).host,
    [PEER_HEADER]: randomIp(),
    ...who,
    ...(r() < 0.8
      ? {
          "content-type": pick(r, [
            "application/json",
            "text/plain",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/json; charset=utf-16",
          ]),
        }
      : {}),
    ...(r() < 0.5
      ? {
          "idempotency-key":
            r() < 0.5
              ? crypto.randomUUID()
              : hostileString(r)
                  .replace(/[^\x20-\x7e]/g, "")
                  .slice(0, 500),
        }
      : {}),
    ...(r() < 0.2 ? { origin: ORIGIN } : {}),
  };
  let url: string;
  try {
    url = `${ORIGIN}${path
      .split("/")
      .map((s) => encodeURIComponent(decodeURIComponentSafe(s)))
      .join("/")}${query ? `?${query}` : ""}`;
  } catch {
    url = `${ORIGIN}${pattern}`;
  }
  const abort = new AbortController();
  const request = new Request(url, {
    method,
    headers,
    signal: abort.signal,
    ...(body !== undefined ? { body } : {}),
  });
  return {
    request,
    params,
    abort,
    describe: `${method} ${url.slice(0, 200)} body=${(body ?? "").slice(0, 120)}`,
  };
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

async function check(
  handler: Handler,
  built: ReturnType<typeof buildRequest>,
): Promise<Finding | null> {
  const response = await handler(built.request, { params: Promise.resolve(built.params) });
  const type = response.headers.get("content-type") ?? "";
  let text = "";
  if (response.status >= 400) text = await response.text();
  else if (type.includes("text/event-stream")) await response.body?.cancel();
  else text = (await response.text()).slice(0, 200);
  built.abort.abort();
  if (response.status >= 500 && response.status !== 503)
    return { request: built.describe, status: response.status, problem: text.slice(0, 300) };
  if (response.status < 400) return null;
  if (!type.includes("application/problem+json"))
    return {
      request: built.describe,
      status: response.status,
      problem: `not problem+json (${type}): ${text.slice(0, 200)}`,
    };
  const problem = JSON.parse(text) as {
    title?: string;
    status?: number;
    detail?: string;
    errors?: Array<{ parameter?: string; message?: string }>;
  };
  if (problem.status !== response.status || !problem.title)
    return {
      request: built.describe,
      status: response.status,
      problem: `problem without title/status: ${text.slice(0, 200)}`,
    };
  // A 400 or 413 names the bad part; any other refusal at least says why.
  const names =
    problem.errors?.every((e) => e.parameter && e.message) && (problem.errors?.length ?? 0) > 0;
  if ((response.status === 400 || response.status === 413) && !names)
    return {
      request: built.describe,
      status: response.status,
      problem: `400 without errors[]: ${text.slice(0, 200)}`,
    };
  if (!problem.detail)
    return {
      request: built.describe,
      status: response.status,
      problem: `no detail: ${text.slice(0, 200)}`,
    };
  return null;
}

describe("API fuzz", () => {
  it(`answers ${PER_HANDLER} hostile requests per handler on every route with no 5xx and only problem+json refusals`, async () => {
    const r = rng(SEED);
    const findings: Finding[] = [];
    let sent = 0;
    for (const { pattern, handlers } of modules) {
      for (const [method, handler] of Object.entries(handlers)) {
        for (let i = 0; i < PER_HANDLER; i++) {
          const who =
            callers[
              pick(r, [
                "admin",
                "admin",
                "admin",
                "operator",
                "viewer",
                "display",
                "anonymous",
              ] as const)
            ];
          const finding = await check(handler, buildRequest(r, pattern, method, who));
          sent++;
          if (finding) findings.push(finding);
        }
      }
    }
    expect(sent).toBeGreaterThan(2_000);
    // One example per route, status and kind of problem, so a report stays readable.
    const distinct = new Map<string, Finding>();
    for (const f of findings)
      distinct.set(
        `${f.request.split("?")[0]?.split(" body=")[0]} ${f.status} ${f.problem.slice(0, 60)}`,
        f,
      );
    expect([...distinct.values()]).toEqual([]);
  }, 240_000);
});
