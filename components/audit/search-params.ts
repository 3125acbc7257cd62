/** /audit's filters as they live in the URL; the same query string feeds /api/audit and its CSV export. */
export interface AuditSearch {
  actor: string;
  action: string;
  status: string;
  source: string;
  job: string;
  /** datetime-local values (the browser's zone), turned into ISO instants for the API. */
  from: string;
  to: string;
}

export const AUDIT_FILTER_KEYS = [
  "actor",
  "action",
  "status",
  "source",
  "job",
  "from",
  "to",
] as const satisfies ReadonlyArray<keyof AuditSearch>;

export function readAuditSearch(params: URLSearchParams): AuditSearch {
  const get = (k: keyof AuditSearch) => params.get(k) ?? "";
  return {
    actor: get("actor"),
    action: get("action"),
    status: get("status"),
    source: get("source"),
    job: get("job"),
    from: get("from"),
    to: get("to"),
  };
}

/** The page's own URL: only filters that are set, in a stable order. */
export function pageQuery(s: AuditSearch): string {
  const out = new URLSearchParams();
  for (const key of AUDIT_FILTER_KEYS) if (s[key].trim()) out.set(key, s[key].trim());
  return out.toString();
}

/** The API's query: local date-times become instants, so the server and the browser agree on the range. */
export function apiQuery(s: AuditSearch): string {
  const out = new URLSearchParams();
  for (const key of AUDIT_FILTER_KEYS) {
    const value = s[key].trim();
    if (!value) continue;
    if (key === "from" || key === "to") {
      const at = new Date(value);
      if (!Number.isNaN(at.getTime())) out.set(key, at.toISOString());
    } else {
      out.set(key, value);
    }
  }
  return out.toString();
}
