import type { WallPanelId } from "./panel-ids";

export interface GridLayout {
  columns: number;
  rows: number;
  /** CSS grid-template-areas, one quoted string per row; panel ids are the area names. */
  areas: string;
  rowSizes: string;
}

/**
 * An auto-fit arrangement for one panel set that never needs a scrollbar: list panels fill columns
 * (three across in landscape, two in portrait), the first panels take the spare cells as tall
 * panels, and the timeline, being wide by nature, gets its own full-width row at the bottom.
 */
export function gridFor(panels: readonly WallPanelId[], portrait: boolean): GridLayout {
  const lists = panels.filter((p) => p !== "timeline");
  const hasTimeline = panels.includes("timeline");
  const columns = Math.max(1, Math.min(lists.length, portrait ? 2 : 3));
  const rows = lists.length === 0 ? 0 : Math.ceil(lists.length / columns);
  let spare = rows * columns - lists.length;
  const cells: string[][] = Array.from({ length: rows }, () =>
    Array.from({ length: columns }, () => "."),
  );
  let index = 0;
  for (let c = 0; c < columns; c++) {
    for (let r = 0; r < rows; r++) {
      const row = cells[r];
      if (!row || row[c] !== ".") continue;
      const panel = lists[index++];
      if (!panel) continue;
      row[c] = panel;
      const below = cells[r + 1];
      if (spare > 0 && below && below[c] === "." && rows - r > 1) {
        below[c] = panel;
        spare--;
      }
    }
  }
  const allRows = hasTimeline
    ? [...cells, Array.from({ length: columns }, () => "timeline")]
    : cells;
  const sizes = [
    ...cells.map(() => "minmax(0, 1fr)"),
    ...(hasTimeline ? [rows === 0 ? "minmax(0, 1fr)" : "minmax(0, 0.75fr)"] : []),
  ];
  return {
    columns,
    rows: allRows.length,
    areas: allRows.map((r) => `"${r.join(" ")}"`).join(" "),
    rowSizes: sizes.join(" "),
  };
}
