/** The quarters offered in the picker: the current one and the eleven before it, newest first. */
export function recentQuarters(now: Date, count = 12): string[] {
  const out: string[] = [];
  let y = now.getUTCFullYear();
  let q = Math.floor(now.getUTCMonth() / 3) + 1;
  for (let i = 0; i < count; i++) {
    out.push(`${y}-Q${q}`);
    q -= 1;
    if (q === 0) {
      q = 4;
      y -= 1;
    }
  }
  return out;
}

/** A quarter's name when [from, to) is exactly one (as the history page's dates give it), else null. */
export function quarterOf(from: string, to: string): string | null {
  const f = new Date(from);
  const t = new Date(to);
  if (Number.isNaN(f.getTime()) || Number.isNaN(t.getTime())) return null;
  const q = Math.floor(f.getUTCMonth() / 3);
  const start = Date.UTC(f.getUTCFullYear(), q * 3, 1);
  const end = Date.UTC(f.getUTCFullYear(), q * 3 + 3, 1);
  return f.getTime() === start && t.getTime() === end ? `${f.getUTCFullYear()}-Q${q + 1}` : null;
}
