import type { GanttRow } from "./build-gantt-rows";
import { STATE_ICON } from "./gantt-style";

interface Props {
  row: GanttRow;
  selected: boolean;
  onSelect: (key: string) => void;
  onToggle: (key: string) => void;
}

/** The tree cell beside a bar: expand/collapse, select, and the state in words. */
export function GanttLabel({ row, selected, onSelect, onToggle }: Props) {
  return (
    <div
      role="treeitem"
      aria-level={row.depth + 1}
      aria-expanded={row.hasChildren ? !row.collapsed : undefined}
      aria-selected={selected}
      data-testid="gantt-row"
      data-key={row.key}
      data-depth={row.depth}
      data-state={row.state}
      style={{ paddingLeft: 4 + row.depth * 12 }}
      className={`flex h-full w-72 shrink-0 items-center gap-1 overflow-hidden border-r border-slate-200 text-xs whitespace-nowrap dark:border-slate-700 ${selected ? "bg-sky-100 dark:bg-sky-900" : ""}`}
    >
      {row.hasChildren ? (
        <button
          type="button"
          onClick={() => onToggle(row.key)}
          aria-label={`${row.collapsed ? "Expand" : "Collapse"} ${row.name}`}
          data-testid="gantt-toggle"
          className="w-4 shrink-0 rounded text-slate-600 hover:bg-slate-200 dark:text-slate-300 dark:hover:bg-slate-700"
        >
          {row.collapsed ? "▸" : "▾"}
        </button>
      ) : (
        <span className="w-4 shrink-0" aria-hidden />
      )}
      <button
        type="button"
        onClick={() => onSelect(row.key)}
        className="min-w-0 truncate text-left hover:underline"
        title={row.lane ? `${row.lane} — ${row.name}` : row.name}
      >
        {row.laneStart && <span className="font-semibold">{row.lane}: </span>}
        {row.name}
        {row.collapsed && <span className="text-slate-500"> (+{row.hiddenCount})</span>}
      </button>
      <span className="ml-auto shrink-0 pr-1 text-slate-600 dark:text-slate-300">
        <span aria-hidden>{STATE_ICON[row.state]}</span> {row.state}
      </span>
    </div>
  );
}
