import type { QuarantineSummary } from "@/lib/data/quarantine";
import type { SourceKind } from "@/lib/domain/source-kind";
import { sourceHealth, type HealthInput } from "./source-health";
import type { SourceView } from "@/lib/contracts/sources";

export interface SourceRow extends HealthInput {
  id: string;
  kind: string;
  name: string;
  baseUrl: string;
  username: string | null;
  tlsCaPem: string | null;
  tlsInsecure: boolean;
  options: unknown;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  backfillDone?: number | null;
  backfillTotal?: number | null;
}

export function toSourceView(
  row: SourceRow,
  hasSecret: boolean,
  now: Date,
  quarantine?: QuarantineSummary,
): SourceView {
  return {
    id: row.id,
    kind: row.kind as SourceKind,
    name: row.name,
    baseUrl: row.baseUrl,
    username: row.username,
    hasSecret,
    tlsInsecure: row.tlsInsecure,
    tlsCaPem: row.tlsCaPem,
    options: isRecord(row.options) ? row.options : {},
    enabled: row.enabled,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    pollIntervalMs: row.pollIntervalMs,
    timeoutMs: row.timeoutMs,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    health: sourceHealth(row, now),
    backfill:
      row.backfillDone != null && row.backfillTotal != null
        ? { done: row.backfillDone, total: row.backfillTotal }
        : null,
    quarantined: {
      count: quarantine?.count ?? 0,
      latest: (quarantine?.latest ?? []).map((q) => ({
        ...q,
        lastSeenAt: q.lastSeenAt.toISOString(),
      })),
    },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
