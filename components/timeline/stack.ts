/** A span to place in a lane: [start, end) in epoch ms. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Greedy interval partitioning: each span goes to the lowest sub-row whose last span has ended,
 * so overlapping jobs sit on separate rows and none hides another. `minSpan` widens spans to what
 * will actually be drawn (a 1-second job is still a few pixels wide). Returns each span's row.
 */
export function stackSpans(
  spans: readonly Span[],
  minSpan = 0,
): { rows: number[]; rowCount: number } {
  const order = spans
    .map((_, i) => i)
    .sort((a, b) => (spans[a]?.start ?? 0) - (spans[b]?.start ?? 0) || a - b);
  const rowEnds: number[] = [];
  const rows = new Array<number>(spans.length).fill(0);
  for (const i of order) {
    const s = spans[i];
    if (!s) continue;
    const end = Math.max(s.end, s.start + minSpan);
    let row = rowEnds.findIndex((e) => e <= s.start);
    if (row === -1) {
      row = rowEnds.length;
      rowEnds.push(end);
    } else {
      rowEnds[row] = end;
    }
    rows[i] = row;
  }
  return { rows, rowCount: Math.max(1, rowEnds.length) };
}
