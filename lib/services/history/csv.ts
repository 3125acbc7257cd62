import { CATEGORY_LABEL } from "@/lib/domain/rto";
import { VENDOR_LABEL } from "@/lib/domain/source-kind";
import { csvHeader, csvRow, type CsvColumns } from "@/lib/csv";
import type { HistoryRun } from "@/lib/contracts/history";


export const HISTORY_CSV_COLUMNS: CsvColumns<HistoryRun> = [
  ["id", (r) => r.id],
  ["vendor", (r) => VENDOR_LABEL[r.kind]],
  ["source", (r) => r.sourceName],
  ["vendor_id", (r) => r.vendorId],
  ["category", (r) => CATEGORY_LABEL[r.category]],
  ["type", (r) => r.type],
  ["name", (r) => r.name],
  ["group", (r) => r.group],
  ["policy", (r) => r.policy],
  ["outcome", (r) => r.outcome],
  ["state", (r) => r.state],
  ["vendor_state", (r) => r.vendorState],
  ["started_at", (r) => r.startedAt],
  ["ended_at", (r) => r.endedAt],
  ["duration_s", (r) => seconds(r.durationMs)],
  ["rto_phase", (r) => r.rtoPhase],
  ["rto_s", (r) => seconds(r.rtoMs)],
  ["rto_target_s", (r) => seconds(r.rtoTargetMs)],
  ["rto_met", (r) => r.rtoMet],
  ["rpo_s", (r) => seconds(r.rpoMs)],
  ["submitted_by", (r) => r.submittedBy],
];

const seconds = (ms: number | null) => (ms === null ? null : ms / 1000);

export const CSV_HEADER = HISTORY_CSV_COLUMNS.map(([name]) => name);

export function historyCsv(runs: readonly HistoryRun[]): string {
  return csvHeader(HISTORY_CSV_COLUMNS) + runs.map((r) => csvRow(HISTORY_CSV_COLUMNS, r)).join("");
}
