/** Milliseconds a job or phase has taken: to its end, or to `now` while it runs. */
export function elapsedMs(startedAt: Date | null, endedAt: Date | null, now: Date): number | null {
  if (!startedAt) return null;
  const end = endedAt ?? now;
  return Math.max(0, end.getTime() - startedAt.getTime());
}

const UNITS: Array<[string, number]> = [
  ["d", 86_400_000],
  ["h", 3_600_000],
  ["m", 60_000],
  ["s", 1_000],
];

/** "2h 05m", "3m 12s", "45s", "<1s": two units at most, the way operators read them. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return "—";
  if (ms < 1000) return "<1s";
  const parts: string[] = [];
  let rest = ms;
  for (const [unit, size] of UNITS) {
    const n = Math.floor(rest / size);
    if (n > 0 || parts.length > 0) {
      parts.push(parts.length === 0 ? `${n}${unit}` : `${String(n).padStart(2, "0")}${unit}`);
      rest -= n * size;
    }
    if (parts.length === 2) break;
  }
  return parts.join(" ");
}
