import type { IncidentStatus } from "@/lib/contracts/incidents";

export const incidentKeys = {
  all: ["incidents"] as const,
  list: (statuses: readonly IncidentStatus[]) => ["incidents", "list", [...statuses].sort().join(",")] as const,
  detail: (id: string) => ["incidents", "detail", id] as const,
  counts: ["incidents", "counts"] as const,
};
