import type { SourceKind } from "@/lib/domain/source-kind";
import type { SourceView } from "@/lib/contracts/sources";

export type TlsMode = "verify" | "ca" | "insecure";

/** The source form as the browser holds it: text fields, before they become an API body. */
export interface SourceFormValues {
  kind: SourceKind;
  name: string;
  baseUrl: string;
  username: string;
  /** Write-only: always starts blank; blank on edit keeps the stored credential. */
  secret: string;
  tlsMode: TlsMode;
  tlsCaPem: string;
  pollSeconds: string;
  timeoutSeconds: string;
  optionsJson: string;
  enabled: boolean;
}

export type SourceBody = Record<string, unknown>;

export const EMPTY_FORM: SourceFormValues = {
  kind: "ontap",
  name: "",
  baseUrl: "",
  username: "",
  secret: "",
  tlsMode: "verify",
  tlsCaPem: "",
  pollSeconds: "15",
  timeoutSeconds: "10",
  optionsJson: "{}",
  enabled: true,
};

export function formFromSource(s: SourceView): SourceFormValues {
  return {
    kind: s.kind,
    name: s.name,
    baseUrl: s.baseUrl,
    username: s.username ?? "",
    secret: "",
    tlsMode: s.tlsInsecure ? "insecure" : s.tlsCaPem ? "ca" : "verify",
    tlsCaPem: s.tlsCaPem ?? "",
    pollSeconds: String(s.pollIntervalMs / 1000),
    timeoutSeconds: String(s.timeoutMs / 1000),
    optionsJson: JSON.stringify(s.options, null, 2),
    enabled: s.enabled,
  };
}

/**
 * Turns the form into the body POST /api/sources (or PATCH, without the kind) expects, or names the
 * fields the browser can already tell are wrong. The server validates everything again.
 */
export function bodyFromForm(
  v: SourceFormValues,
  mode: "create" | "edit",
): { body: SourceBody } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  let options: unknown = {};
  try {
    options = v.optionsJson.trim() ? JSON.parse(v.optionsJson) : {};
    if (typeof options !== "object" || options === null || Array.isArray(options))
      errors.options = "must be a JSON object";
  } catch {
    errors.options = "is not valid JSON";
  }
  const poll = seconds(v.pollSeconds);
  const timeout = seconds(v.timeoutSeconds);
  if (poll === null) errors.pollIntervalMs = "must be a number of seconds";
  if (timeout === null) errors.timeoutMs = "must be a number of seconds";
  if (mode === "create" && !v.secret) errors.secret = "is required";
  if (v.tlsMode === "ca" && !v.tlsCaPem.trim()) errors.tlsCaPem = "paste the CA certificates (PEM)";
  if (Object.keys(errors).length) return { errors };
  return {
    body: {
      ...(mode === "create" ? { kind: v.kind } : {}),
      name: v.name.trim(),
      baseUrl: v.baseUrl.trim(),
      username: v.username.trim() || null,
      ...(v.secret ? { secret: v.secret } : {}),
      tlsInsecure: v.tlsMode === "insecure",
      tlsCaPem: v.tlsMode === "ca" ? v.tlsCaPem.trim() : null,
      pollIntervalMs: poll,
      timeoutMs: timeout,
      options,
      enabled: v.enabled,
    },
  };
}

function seconds(text: string): number | null {
  const n = Number(text.trim());
  return text.trim() && Number.isFinite(n) && n > 0 ? Math.round(n * 1000) : null;
}
