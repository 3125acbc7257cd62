import { listAudit, type AuditFilters, type AuditRow } from "@/lib/data/audit";
import { getDb, type Tx } from "@/lib/db/client";
import { csvField } from "@/lib/services/jobs/jobs-csv";

export const AUDIT_CSV_COLUMNS = [
  ["requested_at", (a) => a.requestedAt],
  ["completed_at", (a) => a.completedAt],
  ["actor", (a) => a.actor],
  ["action", (a) => a.action],
  ["status", (a) => a.status],
  ["reason", (a) => a.reason],
  ["job_id", (a) => a.job?.id ?? null],
  ["job_name", (a) => a.job?.name ?? null],
  ["vendor_job_id", (a) => a.job?.vendorId ?? null],
  ["source", (a) => a.source.name],
  ["vendor", (a) => a.source.kind],
  ["vendor_reply", (a) => a.vendorReply],
  ["params", (a) => JSON.stringify(a.params ?? {})],
  ["stages", (a) => a.stages.map((s) => `${s.at} ${s.stage}`).join("; ")],
  ["action_id", (a) => a.id],
] as const satisfies ReadonlyArray<readonly [string, (a: AuditRow) => string | null]>;

export function auditCsvLine(row: AuditRow): string {
  return AUDIT_CSV_COLUMNS.map(([, get]) => csvField(get(row))).join(",") + "\r\n";
}

const PAGE = 500;

/** Every action matching the filters, from the newest, one keyset page at a time. */
export function streamAuditCsv(filters: Omit<AuditFilters, "cursor" | "limit">, db: Tx = getDb()): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: string | undefined;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(AUDIT_CSV_COLUMNS.map(([name]) => name).join(",") + "\r\n"));
      }
      const page = await listAudit({ ...filters, cursor, limit: PAGE }, db);
      if (page.items.length) controller.enqueue(encoder.encode(page.items.map(auditCsvLine).join("")));
      if (!page.nextCursor) controller.close();
      else cursor = page.nextCursor;
    },
  });
}
