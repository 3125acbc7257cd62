import { listAudit, type AuditFilters } from "@/lib/data/audit";
import type { AuditRow } from "@/lib/contracts/audit";
import { getDb, type Tx } from "@/lib/db/client";
import { csvRow, streamCsv, type CsvColumns } from "@/lib/csv";

export const AUDIT_CSV_COLUMNS = [
  ["requested_at", (a) => a.requestedAt],
  ["completed_at", (a) => a.completedAt],
  ["actor", (a) => a.actor],
  ["actor_email", (a) => a.actorEmail],
  ["actor_id", (a) => a.actorId],
  ["action", (a) => a.action],
  ["status", (a) => a.status],
  ["reason", (a) => a.reason],
  ["job_id", (a) => a.job?.id ?? null],
  ["job_name", (a) => a.job?.name ?? null],
  ["vendor_job_id", (a) => a.job?.vendorId ?? null],
  ["source", (a) => a.source?.name ?? null],
  ["vendor", (a) => a.source?.kind ?? null],
  ["vendor_reply", (a) => a.vendorReply],
  ["params", (a) => JSON.stringify(a.params ?? {})],
  ["stages", (a) => a.stages.map((s) => `${s.at} ${s.stage}`).join("; ")],
  ["action_id", (a) => a.id],
] as const satisfies CsvColumns<AuditRow>;

export function auditCsvLine(row: AuditRow): string {
  return csvRow(AUDIT_CSV_COLUMNS, row);
}

const PAGE = 500;

/** Every action matching the filters, from the newest, one keyset page at a time. */
export function streamAuditCsv(filters: Omit<AuditFilters, "cursor" | "limit">, db: Tx = getDb()): ReadableStream<Uint8Array> {
  return streamCsv(AUDIT_CSV_COLUMNS, (cursor) => listAudit({ ...filters, cursor, limit: PAGE }, db));
}
