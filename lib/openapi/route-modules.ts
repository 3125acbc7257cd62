import type { DocumentedSpec } from "@/lib/http/route";
import { HTTP_METHODS, type DocumentedRoute } from "./build-document";

/** What a route.ts exports: handlers per HTTP method, and Next's settings (dynamic, …). */
export type RouteModuleExports = Record<string, unknown>;

/** A module's handlers as the document builder wants them: the spec route() attached, else null. */
export function documentRouteModule(pattern: string, mod: RouteModuleExports): DocumentedRoute {
  const methods: DocumentedRoute["methods"] = {};
  for (const method of HTTP_METHODS) {
    const handler = mod[method];
    if (typeof handler !== "function") continue;
    const spec = (handler as { spec?: DocumentedSpec }).spec;
    methods[method] = spec ?? null;
  }
  return { pattern, methods };
}
