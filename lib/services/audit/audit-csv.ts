import { listAudit, type AuditFilters } from "@/lib/data/audit";
import type { AuditRow } from "@/lib/contracts/audit";
import { getDb, type Tx } from "@/lib/db/client";
import { csvRow, fieldColumns, streamCsv } from "@/lib/csv";

/** The fields of GET /api/audit items, under the same names (nested ones dotted; params and stages as JSON). */
export const AUDIT_CSV_COLUMNS = fieldColumns<AuditRow>([
  "requestedAt",
  "completedAt",
  "actor",
  "actorEmail",
  "actorId",
  "action",
  "status",
  "reason",
  "job.id",
  "job.name",
  "job.vendorId",
  "source.name",
  "source.kind",
  "vendorReply",
  "params",
  "stages",
  "id",
]);

export function auditCsvLine(row: AuditRow): string {
  return csvRow(AUDIT_CSV_COLUMNS, row);
}

const PAGE = 500;

/** Every action matching the filters, from the newest, one keyset page at a time. */
export function streamAuditCsv(
  filters: Omit<AuditFilters, "cursor" | "limit">,
  db: Tx = getDb(),
): ReadableStream<Uint8Array> {
  return streamCsv(AUDIT_CSV_COLUMNS, (cursor) =>
    listAudit({ ...filters, cursor, limit: PAGE }, db),
  );
}
