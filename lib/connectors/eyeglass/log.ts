import type { LogLine } from "@/lib/domain/model";

/** "2026-11-23 11:58:01,123 INFO  text"; the format is UNCONFIRMED, so other lines are kept as plain text. */
const LINE =
  /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(?:[.,](\d{1,6}))?(Z|[+-]\d{2}:?\d{2})?\s+(TRACE|DEBUG|INFO|WARN|WARNING|ERROR|FATAL|SEVERE)\b\s*(.*)$/;

export function parseFailoverLog(text: string): LogLine[] {
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === "") lines.pop();
  return lines.map((line, seq) => {
    const m = LINE.exec(line);
    if (!m) return { seq, at: null, level: null, text: line };
    const [, day, time, frac, zone, level, rest] = m;
    const ms = (frac ?? "0").padEnd(3, "0").slice(0, 3);
    const at = new Date(`${day}T${time}.${ms}${zone ?? "Z"}`);
    return {
      seq,
      at: Number.isNaN(at.getTime()) ? null : at,
      level: level ?? null,
      text: rest ?? "",
    };
  });
}
