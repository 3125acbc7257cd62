import { z } from "zod";
import type { Actor } from "@/lib/domain/actor";
import { resolveCaller } from "@/lib/auth/get-actor";
import { displayTokenMayRead, metricsTokenMayRead } from "@/lib/auth/scopes";
import { hitThrottle, maybePruneThrottles } from "@/lib/data/throttle";
import { roleMayCall, type Role } from "@/lib/domain/roles";
import { logger } from "@/lib/log";
import { clientAddress } from "./client-ip";
import { acquireHeavySlot, HEAVY_ROUTES } from "./heavy-gate";
import {
  asHttpError,
  badRequest,
  errorResponse,
  forbidden,
  HttpError,
  problemResponse,
  rejectedToken,
  unauthorized,
} from "./problem";
import { readBodyText } from "./read-body";

type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.infer<S> : undefined;

type Need = Role | "public";

interface RouteSpec<Q, B, P, R extends Need> {
  query?: Q;
  body?: B;
  params?: P;
  /** Lowest role allowed; "public" for unauthenticated routes (health, sign-in). Default viewer. */
  role?: R;
  /**
   * Auditors' access when it differs from the default (the reads open to viewers): true opens an
   * admin read or a sign-off to them, false closes a read (see roleMayCall).
   */
  auditor?: boolean;
  /** Requests per client address and minute (public routes: every one has a limit). */
  perMinute?: number;
  /** Largest body accepted, in bytes (default 256 KiB); larger gets 413. */
  maxBody?: number;
}

interface RouteContext<Q, B, P, R extends Need> {
  request: Request;
  query: Out<Q>;
  body: Out<B>;
  params: Out<P>;
  /** Present whenever the route needs a role; only public routes may be called anonymously. */
  actor: R extends "public" ? Actor | null : Actor;
}

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Every API route goes through here: zod-parsed query, body and params (400 naming each bad
 * parameter), the caller's role checked on the server, same-origin enforced on mutations, display
 * tokens confined to the wall's routes, a per-address rate limit where the route sets one, a body
 * size cap, a concurrency gate on heavy reads, and thrown errors mapped to problem+json.
 */
export function route<
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
  P extends Schema | undefined = undefined,
  R extends Need = "viewer",
>(
  spec: RouteSpec<Q, B, P, R>,
  handler: (ctx: RouteContext<Q, B, P, R>) => Promise<Response | object>,
) {
  const handle = async (
    request: Request,
    context: { params: Promise<Record<string, string | string[]>> },
  ): Promise<Response> => {
    let release: (() => void) | undefined;
    try {
      const url = new URL(request.url);
      const mutating = MUTATING.has(request.method);
      if (mutating) assertSameOrigin(request);
      if (spec.perMinute) await assertUnderRate(request, url.pathname, spec.perMinute);
      const caller = await resolveCaller(request);
      const actor = "actor" in caller ? caller.actor : null;
      const need = spec.role ?? "viewer";
      if (need !== "public") {
        if ("rejected" in caller) throw rejectedToken(caller.rejected);
        if (!actor) throw unauthorized();
        // On public routes (health, pairing, token entry) a display token is no more than anonymous.
        if (actor.kind === "display" && !displayTokenMayRead(request.method, url.pathname)) {
          throw forbidden(
            "Display tokens read only the wall (/api/wall, /api/stream and /api/me).",
          );
        }
        if (
          actor.kind === "api" &&
          actor.scope === "metrics" &&
          !metricsTokenMayRead(request.method, url.pathname)
        ) {
          throw forbidden("A metrics token reads only /api/metrics.");
        }
        const read = request.method === "GET" || request.method === "HEAD";
        if (!roleMayCall(actor.role, { need, read, auditor: spec.auditor })) {
          throw forbidden(
            actor.role === "auditor"
              ? "Auditors read and sign off; they do not act on jobs or change configuration."
              : `This needs the ${need} role; you are ${actor.role}.`,
          );
        }
      }
      const query = spec.query
        ? parseWith(spec.query, queryObject(url.searchParams), "query")
        : undefined;
      const params = spec.params ? parseWith(spec.params, await context.params, "path") : undefined;
      const body = spec.body
        ? parseWith(spec.body, await readJson(request, spec.maxBody), "body")
        : undefined;
      if (HEAVY_ROUTES.has(url.pathname)) release = acquireHeavySlot();
      const result = await handler({ request, query, body, params, actor } as RouteContext<
        Q,
        B,
        P,
        R
      >);
      const response =
        result instanceof Response
          ? result
          : Response.json(result, { headers: { "cache-control": "no-store" } });
      return release ? releaseWhenSent(response, release) : response;
    } catch (err) {
      release?.();
      const problem = asHttpError(err);
      if (problem) return errorResponse(problem);
      logger.error({ err, path: new URL(request.url).pathname }, "unhandled API error");
      return problemResponse({
        type: "about:blank",
        title: "Internal error",
        status: 500,
        detail: "Something went wrong; it has been logged.",
      });
    }
  };
  // The OpenAPI document (app/api/openapi.json) is generated from these very schemas.
  const documented: DocumentedSpec = {
    role: spec.role ?? "viewer",
    auditor: spec.auditor,
    query: spec.query,
    body: spec.body,
    params: spec.params,
  };
  return Object.assign(handle, { spec: documented });
}

/** What a route handler exposes about itself for the OpenAPI document. */
export interface DocumentedSpec {
  role: Need;
  auditor?: boolean;
  query?: z.ZodType;
  body?: z.ZodType;
  params?: z.ZodType;
}

/** Repeated keys (?state=running&state=failed) become arrays; single keys stay strings. */
function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    out[key] = all.length === 1 ? (all[0] ?? "") : all;
  }
  return out;
}

function parseWith<S extends z.ZodType>(schema: S, data: unknown, where: string): z.infer<S> {
  const result = schema.safeParse(data);
  if (result.success) {
    const bad = pathWithUnstorable(result.data);
    // PostgreSQL text cannot hold U+0000 or a lone UTF-16 surrogate (JSON can): refuse them here rather than fail in the query.
    if (bad !== null) {
      const message = "must not contain a NUL character or an unpaired UTF-16 surrogate";
      throw badRequest(`Invalid ${where}: ${bad || where} ${message}.`, [
        { parameter: bad || where, message },
      ]);
    }
    return result.data;
  }
  // Query and path parameters are named as the caller wrote them (`state`, not `state.0`).
  const errors = result.error.issues.map((issue) => ({
    parameter: issue.path.length
      ? where === "body"
        ? issue.path.join(".")
        : String(issue.path[0])
      : where,
    message: issue.message,
  }));
  throw badRequest(
    `Invalid ${where}: ${errors.map((e) => `${e.parameter}: ${e.message}`).join("; ")}`,
    errors,
  );
}

async function readJson(request: Request, limit?: number): Promise<unknown> {
  const text = await readBodyText(request, limit);
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest("Request body is not valid JSON.", [
      { parameter: "body", message: "is not valid JSON" },
    ]);
  }
}

/** Browsers send Origin on cross-site POSTs; a mismatch means another site is acting as the user. */
function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  if (!origin) return;
  const host =
    request.headers.get("x-forwarded-host") ??
    request.headers.get("host") ??
    new URL(request.url).host;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw forbidden("Cross-origin request refused.");
  }
  if (originHost !== host) throw forbidden("Cross-origin request refused.");
}

async function assertUnderRate(
  request: Request,
  pathname: string,
  perMinute: number,
): Promise<void> {
  await maybePruneThrottles();
  const verdict = await hitThrottle(
    `route:${request.method} ${pathname}:${clientAddress(request)}`,
    perMinute,
    60_000,
  );
  if (verdict.allowed) return;
  const seconds = Math.max(1, Math.ceil(verdict.retryAfterMs / 1000));
  throw new HttpError(
    429,
    "Too many requests",
    `Too many requests from your network address. Wait ${seconds} seconds and try again.`,
    undefined,
    seconds,
  );
}

/** A streamed export holds its slot until the last byte is sent (or the client goes away). */
function releaseWhenSent(response: Response, release: () => void): Response {
  if (!response.body) {
    release();
    return response;
  }
  const reader = response.body.getReader();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          release();
          controller.close();
        } else controller.enqueue(value);
      } catch (err) {
        release();
        controller.error(err);
      }
    },
    async cancel(reason) {
      release();
      await reader.cancel(reason);
    },
  });
  return new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

/** The dotted path of the first string holding U+0000 in a parsed value ("" for the value itself), or null. */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function pathWithUnstorable(value: unknown): string | null {
  const stack: Array<[unknown, string, number]> = [[value, "", 0]];
  while (stack.length) {
    const [v, path, depth] = stack.pop() as [unknown, string, number];
    if (typeof v === "string") {
      if (UNSTORABLE.test(v)) return path;
    } else if (v && typeof v === "object" && depth < 20 && !(v instanceof Date)) {
      for (const [k, child] of Object.entries(v))
        stack.push([child, path ? `${path}.${k}` : k, depth + 1]);
    }
  }
  return null;
}
