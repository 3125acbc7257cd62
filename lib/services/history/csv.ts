import { csvHeader, csvRow, fieldColumns } from "@/lib/csv";
import type { HistoryRun } from "@/lib/contracts/history";


/** The fields of GET /api/history items, under the same names and with the same values (durations in ms, vendor as its kind). */
const COLUMNS = fieldColumns<HistoryRun>([
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

export const CSV_HEADER = COLUMNS.map(([name]) => name);

export function historyCsv(runs: readonly HistoryRun[]): string {
  return csvHeader(COLUMNS) + runs.map((r) => csvRow(COLUMNS, r)).join("");
}
