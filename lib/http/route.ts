import { z } from "zod";
import type { Actor } from "@/lib/domain/actor";
import { resolveCaller } from "@/lib/auth/get-actor";
import { displayTokenMayRead, metricsTokenMayRead } from "@/lib/auth/scopes";
import { roleMayCall, type Role } from "@/lib/domain/roles";
import { sharedReads } from "@/lib/live/shared-reads";
import { logger } from "@/lib/log";
import { acquireHeavySlot, HEAVY_ROUTES, releaseWhenSent } from "./heavy-gate";
import { parseWith, queryObject, readJson } from "./parse-input";
import {
  asHttpError,
  errorResponse,
  forbidden,
  problemResponse,
  rejectedToken,
  unauthorized,
} from "./problem";
import { assertSameOrigin, assertUnderRate } from "./request-guards";

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
      // Committed by now: the caller's next read must not be answered from before it.
      if (mutating) sharedReads().invalidate();
      const response =
        result instanceof Response
          ? result
          : Response.json(result, { headers: { "cache-control": "no-store" } });
      return release ? releaseWhenSent(response, release, request.signal) : response;
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
