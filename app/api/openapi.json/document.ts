import { buildOpenApiDocument } from "@/lib/openapi/build-document";
import { documentRouteModule } from "@/lib/openapi/route-modules";
import packageJson from "@/package.json" with { type: "json" };
import { ROUTE_MODULES } from "./route-modules";

let cached: Record<string, unknown> | undefined;

/** The OpenAPI 3.1 document, built once per process from every route's own zod schemas. */
export function openApiDocument(): Record<string, unknown> {
  cached ??= buildOpenApiDocument(
    // This document's own route cannot import itself; its spec is stated here (a test checks it matches).
    [
      ...Object.entries(ROUTE_MODULES).map(([pattern, mod]) => documentRouteModule(pattern, mod)),
      { pattern: "/api/openapi.json", methods: { GET: { role: "public" } } },
    ],
    packageJson.version,
  );
  return cached;
}
