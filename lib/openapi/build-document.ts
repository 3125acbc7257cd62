import { z } from "zod";
import { roleMayCall } from "@/lib/domain/roles";
import type { DocumentedSpec } from "@/lib/http/route";

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface DocumentedRoute {
  /** As the file system names it: /api/jobs/[id]/actions. */
  pattern: string;
  /** Per method: the spec route() was given, or null for a handler outside route() (better-auth's). */
  methods: Partial<Record<HttpMethod, DocumentedSpec | null>>;
}

type JsonSchema = Record<string, unknown>;

const problem: JsonSchema = {
  type: "object",
  description: "RFC 9457 problem details: the one error format of every Jobdeck API.",
  required: ["type", "title", "status"],
  properties: {
    type: { type: "string" },
    title: { type: "string" },
    status: { type: "integer" },
    detail: { type: "string" },
    errors: {
      type: "array",
      description: "One entry per bad request parameter.",
      items: {
        type: "object",
        required: ["parameter", "message"],
        properties: { parameter: { type: "string" }, message: { type: "string" } },
      },
    },
  },
};

/** A zod schema as the JSON Schema (2020-12, OpenAPI 3.1's dialect) of what a client sends. */
function inputSchema(schema: z.ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, {
    io: "input",
    unrepresentable: "any",
    target: "draft-2020-12",
  }) as JsonSchema;
  delete json.$schema;
  return json;
}

/** /api/jobs/[id] → /api/jobs/{id}; /api/auth/[...all] → /api/auth/{all}. */
export function openApiPath(pattern: string): string {
  return pattern.replace(/\[(?:\.\.\.)?(\w+)\]/g, "{$1}");
}

function parameters(spec: DocumentedSpec | null, pattern: string): JsonSchema[] {
  const out: JsonSchema[] = [];
  const pathSchema = spec?.params ? inputSchema(spec.params) : null;
  for (const [, name] of pattern.matchAll(/\[(?:\.\.\.)?(\w+)\]/g)) {
    const props = (pathSchema?.properties ?? {}) as Record<string, JsonSchema>;
    out.push({ name, in: "path", required: true, schema: props[name ?? ""] ?? { type: "string" } });
  }
  if (spec?.query) {
    const query = inputSchema(spec.query);
    const required = new Set((query.required as string[] | undefined) ?? []);
    for (const [name, schema] of Object.entries(
      (query.properties ?? {}) as Record<string, JsonSchema>,
    )) {
      out.push({
        name,
        in: "query",
        required: required.has(name),
        schema,
        ...(schema.type === "array" ? { style: "form", explode: true } : {}),
      });
    }
  }
  return out;
}

const ROLE_TEXT = {
  public: "Public: no sign-in needed (rate-limited per client address).",
  viewer: "Any signed-in person or API token (viewer and up).",
  operator: "Operators and admins (people or API tokens of that role).",
  admin: "Admins only (people or admin API tokens).",
  auditor: "Auditors only.",
} as const;

/** Whether an auditor may call the operation, as lib/domain/roles.ts roleMayCall decides it. */
function auditorText(method: HttpMethod, spec: DocumentedSpec): string {
  if (spec.role === "public") return "";
  const read = method === "GET";
  const may = roleMayCall("auditor", { need: spec.role, read, auditor: spec.auditor });
  return may ? " Auditors may call it." : " Auditors may not.";
}

function operation(method: HttpMethod, pattern: string, spec: DocumentedSpec | null): JsonSchema {
  const tag = pattern.split("/")[2] ?? "api";
  const role = spec?.role ?? "public";
  const op: JsonSchema = {
    operationId: `${method.toLowerCase()}${pattern.replace(/\[(?:\.\.\.)?(\w+)\]/g, "By-$1").replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ""))}`,
    tags: [tag],
    summary: `${method} ${openApiPath(pattern)}`,
    description: spec
      ? `${ROLE_TEXT[role]}${auditorText(method, spec)}`
      : "Answered by the sign-in library (better-auth): sign-in, sign-out, password change, SSO callback.",
    "x-jobdeck-role": role,
    parameters: parameters(spec, pattern),
    responses: {
      "2XX": {
        description:
          "Success: JSON (CSV for exports, an event stream for /api/stream, Prometheus text for /api/metrics).",
      },
      "4XX": {
        description:
          "Refused: bad input (400 naming each bad parameter), not signed in or token refused (401), role too low (403), missing (404), conflict (409), too many requests (429).",
        content: {
          "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } },
        },
      },
      "5XX": {
        description: "Jobdeck or the vendor failed.",
        content: {
          "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } },
        },
      },
    },
    security: role === "public" || !spec ? [] : [{ apiToken: [] }, { session: [] }],
  };
  if (spec?.body)
    op.requestBody = {
      required: true,
      content: { "application/json": { schema: inputSchema(spec.body) } },
    };
  if (!spec && method !== "GET")
    op.requestBody = {
      required: false,
      content: { "application/json": { schema: { type: "object" } } },
    };
  return op;
}

/**
 * The OpenAPI 3.1 document for every route under app/api, generated from the zod schemas the
 * routes parse with (route() keeps them on the handler), so the document cannot drift from the code.
 */
export function buildOpenApiDocument(
  routes: readonly DocumentedRoute[],
  version: string,
): JsonSchema {
  const paths: Record<string, JsonSchema> = {};
  for (const r of [...routes].sort((a, b) => a.pattern.localeCompare(b.pattern))) {
    const item: JsonSchema = {};
    for (const method of HTTP_METHODS) {
      const spec = r.methods[method];
      if (spec !== undefined) item[method.toLowerCase()] = operation(method, r.pattern, spec);
    }
    paths[openApiPath(r.pattern)] = item;
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Jobdeck API",
      version,
      description:
        "Every data-protection and DR job across NetApp ONTAP, NetApp DFM, Superna Eyeglass, Commvault and IBM SPP. Scripts authenticate with an API token made by an admin (`Authorization: Bearer jda_…`); browsers with the session cookie. Errors are application/problem+json.",
    },
    jsonSchemaDialect: "https://spec.openapis.org/oas/3.1/dialect/base",
    servers: [{ url: "/" }],
    components: {
      schemas: { Problem: problem },
      securitySchemes: {
        apiToken: {
          type: "http",
          scheme: "bearer",
          description:
            "An API token (jda_…) from Admin → API tokens; acts with its scope's role, never above its creator's.",
        },
        session: {
          type: "apiKey",
          in: "cookie",
          name: "jobdeck.session_token",
          description: "The session cookie set by signing in.",
        },
      },
    },
    paths,
  };
}
