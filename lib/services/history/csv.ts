import { csvHeader, csvRow, fieldColumns } from "@/lib/csv";
import type { HistoryRun } from "@/lib/contracts/history";

/** The fields of GET /api/history items, under the same names and with the same values (durations in ms, vendor as its kind). */
export const HISTORY_CSV_COLUMNS = fieldColumns<HistoryRun>([
  "id",
  "kind",
  "sourceName",
  "vendorId",
  "category",
  "type",
  "name",
  "group",
  "policy",
  "outcome",
  "state",
  "vendorState",
  "startedAt",
  "endedAt",
  "durationMs",
  "rtoPhase",
  "rtoMs",
  "rtoTargetMs",
  "rtoMet",
  "rpoMs",
  "rpoTargetMs",
  "rpoMet",
  "submittedBy",
]);

export const CSV_HEADER = HISTORY_CSV_COLUMNS.map(([name]) => name);

export function historyCsv(runs: readonly HistoryRun[]): string {
  return csvHeader(HISTORY_CSV_COLUMNS) + runs.map((r) => csvRow(HISTORY_CSV_COLUMNS, r)).join("");
}
