import { z } from "zod";
import { SOURCE_KINDS, type SourceKind } from "@/lib/domain/source-kind";
import { vendorOptionIssues } from "@/lib/connectors/vendor-options";
import { idParams } from "./params";

const PEM_CERT = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;

function parsedUrl(v: string): URL | null {
  try {
    return new URL(v);
  } catch {
    return null;
  }
}

const baseUrl = z
  .string()
  .trim()
  .url("must be a URL")
  .refine((v) => /^https?:$/.test(parsedUrl(v)?.protocol ?? "http:"), "must be http:// or https://")
  // Credentials in a URL would be stored and shown in clear: they belong in the password field.
  .refine(
    (v) => !parsedUrl(v)?.username && !parsedUrl(v)?.password,
    "must not contain a user name or password",
  );

const fields = {
  name: z.string().trim().min(1, "must not be empty").max(100),
  baseUrl,
  username: z.string().trim().max(200).nullable().optional(),
  /** Write-only. Blank on edit keeps the stored one. */
  secret: z.string().max(4000).optional(),
  tlsInsecure: z.boolean().optional(),
  tlsCaPem: z
    .string()
    .trim()
    .max(200_000)
    .refine(
      (v) => v === "" || PEM_CERT.test(v),
      "must be PEM certificates (-----BEGIN CERTIFICATE-----)",
    )
    .nullable()
    .optional(),
  pollIntervalMs: z.number().int().min(1_000, "must be at least 1 s").max(86_400_000).optional(),
  timeoutMs: z.number().int().min(1_000, "must be at least 1 s").max(300_000).optional(),
  options: z.record(z.string(), z.unknown()).optional(),
  enabled: z.boolean().optional(),
};

/** GET /api/sources: archived sources only when asked for. */
export const sourceListQuery = z
  .object({ archived: z.enum(["include", "exclude"]).default("exclude") })
  .strict();

type TlsFields = { tlsInsecure?: boolean; tlsCaPem?: string | null };

function checkTls(v: TlsFields, ctx: z.RefinementCtx): void {
  if (v.tlsInsecure && v.tlsCaPem) {
    ctx.addIssue({
      code: "custom",
      path: ["tlsInsecure"],
      message: "choose a CA bundle or insecure, not both",
    });
  }
}

/** POST /api/sources and POST /api/sources/test-connection. */
export const newSourceBody = z
  .object({
    kind: z.enum(SOURCE_KINDS),
    ...fields,
    secret: z.string().min(1, "is required").max(4000),
  })
  .strict()
  .superRefine((v, ctx) => {
    checkTls(v, ctx);
    for (const issue of vendorOptionIssues(v.kind, v.options ?? {})) {
      ctx.addIssue({ code: "custom", path: issue.parameter.split("."), message: issue.message });
    }
  });
export type NewSourceBody = z.infer<typeof newSourceBody>;

/** PATCH /api/sources/:id: every field optional; the kind is fixed once a source has jobs. Options are checked against the stored kind. */
export const sourcePatchBody = z
  .object({ ...fields, archived: z.boolean().optional() })
  .partial()
  .strict()
  .superRefine(checkTls);
export type SourcePatchBody = z.infer<typeof sourcePatchBody>;

/** "Test connection" from the form: the submitted settings, with the stored secret when editing and the field is left blank. */
export const testConnectionBody = z
  .object({ kind: z.enum(SOURCE_KINDS), sourceId: z.string().uuid().optional(), ...fields })
  .strict()
  .superRefine((v, ctx) => {
    checkTls(v, ctx);
    if (!v.secret && !v.sourceId)
      ctx.addIssue({ code: "custom", path: ["secret"], message: "is required" });
    for (const issue of vendorOptionIssues(v.kind, v.options ?? {})) {
      ctx.addIssue({ code: "custom", path: issue.parameter.split("."), message: issue.message });
    }
  });
export type TestConnectionBody = z.infer<typeof testConnectionBody>;

/** The `[id]` of /api/sources/[id] and its sub-routes. */
export const sourceParams = idParams("source");

export type HealthStatus = "disabled" | "waiting" | "failing" | "stale" | "healthy";

export interface SourceHealth {
  status: HealthStatus;
  lastPollAt: string | null;
  lastSuccessAt: string | null;
  lastErrorAt: string | null;
  lastError: string | null;
  /** How old the newest successful poll is; null before the first one. */
  lagMs: number | null;
  consecutiveFailures: number;
}

/** What the BFF says about a source. The credential itself is never part of it. */
export interface SourceView {
  id: string;
  kind: SourceKind;
  name: string;
  baseUrl: string;
  username: string | null;
  hasSecret: boolean;
  tlsInsecure: boolean;
  tlsCaPem: string | null;
  options: Record<string, unknown>;
  enabled: boolean;
  /** Set when archived: no longer polled or listed by default; its history is kept. */
  archivedAt: string | null;
  pollIntervalMs: number;
  timeoutMs: number;
  createdAt: string;
  updatedAt: string;
  health: SourceHealth;
  /** History still being read in steps, newest first; null once the backfill is done. */
  backfill: { done: number; total: number } | null;
  /** Vendor records that could not be read (kept raw with the reason), with the latest few. */
  quarantined: {
    count: number;
    latest: Array<{ recordKey: string; reason: string; raw: string; lastSeenAt: string }>;
  };
}

export interface ConnectionTestResult {
  ok: boolean;
  /** What the vendor answered, or why it could not be reached; never the credential. */
  message: string;
  durationMs: number;
}
