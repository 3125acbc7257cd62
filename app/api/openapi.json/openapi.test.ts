import { readdirSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { DocumentedSpec } from "@/lib/http/route";
import { HTTP_METHODS, openApiPath } from "@/lib/openapi/build-document";
import { openApiDocument } from "./document";
import { ROUTE_MODULES } from "./route-modules";

type Operation = {
  "x-jobdeck-role": string;
  requestBody?: { content: Record<string, { schema: unknown }> };
  parameters: Array<{ name: string; in: string }>;
};
const API_ROOT = path.join(import.meta.dirname, "..");

/** Every route.ts under app/api by URL pattern, read from the file system (as app/api/route-files.support.ts does). */
function routeFilesOnDisk(): string[] {
  return readdirSync(API_ROOT, { recursive: true, encoding: "utf8" })
    .filter((f) => path.basename(f) === "route.ts")
    .map((f) => `/api/${path.dirname(f).split(path.sep).join("/")}`.replace(/\/\.$/, ""))
    .sort();
}

async function handlersOnDisk(): Promise<
  Array<{ pattern: string; method: string; spec: DocumentedSpec | undefined }>
> {
  const out = [];
  for (const pattern of routeFilesOnDisk()) {
    const mod = (await import(
      path.join(API_ROOT, pattern.replace(/^\/api/, ""), "route.ts")
    )) as Record<string, unknown>;
    for (const method of HTTP_METHODS) {
      const h = mod[method];
      if (typeof h === "function")
        out.push({ pattern, method, spec: (h as { spec?: DocumentedSpec }).spec });
    }
  }
  return out;
}

describe("/api/openapi.json", () => {
  const doc = openApiDocument() as { paths: Record<string, Record<string, Operation>> };

  it("is a valid OpenAPI 3.1 document", async () => {
    const result = await new Validator().validate(structuredClone(doc));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc).toMatchObject({ openapi: "3.1.0" });
  });

  it("lists every route and method under app/api, and nothing else", async () => {
    expect([...Object.keys(ROUTE_MODULES), "/api/openapi.json"].sort()).toEqual(routeFilesOnDisk());
    const onDisk = (await handlersOnDisk())
      .map((h) => `${h.method} ${openApiPath(h.pattern)}`)
      .sort();
    const documented = Object.entries(doc.paths)
      .flatMap(([p, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${p}`))
      .sort();
    expect(documented).toEqual(onDisk);
    expect(onDisk.length).toBeGreaterThan(45);
  });

  it("documents each route with the very zod schemas and role its handler enforces", async () => {
    for (const { pattern, method, spec } of await handlersOnDisk()) {
      const op = doc.paths[openApiPath(pattern)]?.[method.toLowerCase()];
      expect(op, `${method} ${pattern}`).toBeDefined();
      if (!op) continue;
      // Only better-auth's catch-all answers outside route().
      if (!spec) {
        expect(pattern).toBe("/api/auth/[...all]");
        continue;
      }
      expect(op["x-jobdeck-role"], `${method} ${pattern}`).toBe(spec.role);
      if (spec.body) {
        const { $schema: _ignored, ...expected } = z.toJSONSchema(spec.body, {
          io: "input",
          unrepresentable: "any",
          target: "draft-2020-12",
        }) as Record<string, unknown>;
        void _ignored;
        expect(
          op.requestBody?.content["application/json"]?.schema,
          `${method} ${pattern} body`,
        ).toEqual(expected);
      } else expect(op.requestBody).toBeUndefined();
      if (spec.query) {
        const names = Object.keys(
          (
            z.toJSONSchema(spec.query, { io: "input", unrepresentable: "any" }) as {
              properties?: object;
            }
          ).properties ?? {},
        );
        expect(
          op.parameters.filter((p) => p.in === "query").map((p) => p.name),
          `${method} ${pattern} query`,
        ).toEqual(names);
      }
    }
    expect(
      doc.paths["/api/api-tokens"]?.post?.requestBody?.content["application/json"]?.schema,
    ).toMatchObject({ required: ["name", "scope", "expiresInDays"] });
  });
});
