import { CATEGORY_LABEL } from "@/lib/domain/rto";
import { VENDOR_LABEL } from "@/lib/domain/source-kind";
import type { HistoryRun } from "./types";

type Cell = string | number | boolean | null;

const COLUMNS: Array<[string, (r: HistoryRun) => Cell]> = [
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

/** RFC 4180 quoting; a vendor string that a spreadsheet would run as a formula is defused with a quote. */
export function csvCell(value: Cell): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const CSV_HEADER = COLUMNS.map(([name]) => name);

export function historyCsv(runs: readonly HistoryRun[]): string {
  const lines = [CSV_HEADER.join(","), ...runs.map((r) => COLUMNS.map(([, get]) => csvCell(get(r))).join(","))];
  return `${lines.join("\r\n")}\r\n`;
}
