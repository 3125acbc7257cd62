import type { TargetMeasure } from "@/lib/domain/rto";

/** Query keys for the history screens; the search string is the URL's, so a filter change is a new key. */
export const historyKeys = {
  all: ["history"] as const,
  list: (search: string) => [...historyKeys.all, "list", search] as const,
  summary: (search: string) => [...historyKeys.all, "summary", search] as const,
  evidence: (id: string) => [...historyKeys.all, "evidence", id] as const,
  targets: (measure: TargetMeasure) => [...historyKeys.all, "targets", measure] as const,
};
