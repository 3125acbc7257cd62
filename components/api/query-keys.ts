import type { TargetMeasure } from "@/lib/domain/rto";
import type { IncidentStatus } from "@/lib/contracts/incidents";
/** Every query key the browser uses, in one place: it decides what a cached query is called, so invalidation is exact. */
export const jobKeys = {
  all: ["jobs"] as const,
  lists: () => [...jobKeys.all, "list"] as const,
  list: (search: string) => [...jobKeys.lists(), search] as const,
  details: () => [...jobKeys.all, "detail"] as const,
  detail: (id: string) => [...jobKeys.details(), id] as const,
  events: (id: string) => [...jobKeys.detail(id), "events"] as const,
  log: (id: string, q: string) => [...jobKeys.detail(id), "log", q] as const,
  baseline: (id: string) => [...jobKeys.all, "baseline", id] as const,
};

export const sourceKeys = {
  all: ["sources"] as const,
  list: () => [...sourceKeys.all, "list"] as const,
};

export const streamKeys = {
  status: ["stream", "status"] as const,
};

export const authKeys = {
  me: ["auth", "me"] as const,
  users: ["auth", "users"] as const,
  displayTokens: ["auth", "display-tokens"] as const,
  apiTokens: ["auth", "api-tokens"] as const,
};

export const auditKeys = {
  all: ["audit"] as const,
  list: (apiQuery: string) => [...auditKeys.all, "list", apiQuery] as const,
};

/** The history screens; the search string is the URL's, so a filter change is a new key. */
export const historyKeys = {
  all: ["history"] as const,
  list: (search: string) => [...historyKeys.all, "list", search] as const,
  summary: (search: string) => [...historyKeys.all, "summary", search] as const,
  evidence: (id: string) => [...historyKeys.all, "evidence", id] as const,
  targets: (measure: TargetMeasure) => [...historyKeys.all, "targets", measure] as const,
};

/** Explorer and timeline queries. Timeline windows sit under jobKeys.lists(): the stream merges and refreshes them like any job list. */
export const explorerKeys = {
  counts: ["jobs-counts"] as const,
  savedViews: ["saved-views"] as const,
  scheduled: (search: string) => ["scheduled", search] as const,
  timeline: (search: string) => [...jobKeys.lists(), "timeline", search] as const,
};

export const wallKeys = {
  all: ["wall"] as const,
  snapshot: (search: string) => [...wallKeys.all, "snapshot", search] as const,
};

export const alertKeys = {
  rules: ["alerts", "rules"] as const,
  channels: ["alerts", "channels"] as const,
  delivery: (id: string) => ["alerts", "delivery", id] as const,
};

export const incidentKeys = {
  all: ["incidents"] as const,
  list: (statuses: readonly IncidentStatus[]) =>
    ["incidents", "list", [...statuses].sort().join(",")] as const,
  detail: (id: string) => ["incidents", "detail", id] as const,
  counts: ["incidents", "counts"] as const,
};

/** Evidence packs: the list, one pack, the schedule, and a verification by hash. */
export const evidenceKeys = {
  all: ["evidence"] as const,
  list: () => [...evidenceKeys.all, "list"] as const,
  pack: (id: string) => [...evidenceKeys.all, "pack", id] as const,
  schedule: () => [...evidenceKeys.all, "schedule"] as const,
  verify: (sha256: string) => [...evidenceKeys.all, "verify", sha256] as const,
};
