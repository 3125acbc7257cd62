import type { GanttRow } from "./build-gantt-rows";
import { AXIS_HEIGHT, ROW_HEIGHT, STATE_ICON } from "./gantt-style";

interface Props {
  rows: GanttRow[];
  selectedKey: string | null;
  onSelect: (key: string) => void;
  onToggle: (key: string) => void;
}

/** The tree beside the bars: one row per bar, same height, with the keyboard controls. */
export function GanttLabels({ rows, selectedKey, onSelect, onToggle }: Props) {
  return (
    <div className="w-72 shrink-0 border-r border-slate-200 dark:border-slate-700">
      <div style={{ height: AXIS_HEIGHT }} className="flex items-end px-1 pb-1 text-xs uppercase text-slate-500">
        Phase
      </div>
      <ul role="tree" aria-label="Phases" className="text-xs">
        {rows.map((row) => (
          <li
            key={row.key}
            role="treeitem"
            aria-level={row.depth + 1}
            aria-expanded={row.hasChildren ? !row.collapsed : undefined}
            aria-selected={row.key === selectedKey}
            data-testid="gantt-row"
            data-key={row.key}
            data-depth={row.depth}
            data-state={row.state}
            style={{ height: ROW_HEIGHT, paddingLeft: 4 + row.depth * 12 }}
            className={`flex items-center gap-1 overflow-hidden whitespace-nowrap ${row.laneStart ? "border-t border-slate-300 dark:border-slate-600" : ""} ${row.key === selectedKey ? "bg-sky-100 dark:bg-sky-900" : ""}`}
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
            <button type="button" onClick={() => onSelect(row.key)} className="min-w-0 truncate text-left hover:underline" title={row.lane ? `${row.lane} — ${row.name}` : row.name}>
              {row.laneStart && <span className="font-semibold">{row.lane}: </span>}
              {row.name}
              {row.collapsed && <span className="text-slate-500"> (+{row.hiddenCount})</span>}
            </button>
            <span className="ml-auto shrink-0 pr-1 text-slate-600 dark:text-slate-300">
              <span aria-hidden>{STATE_ICON[row.state]}</span> {row.state}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
