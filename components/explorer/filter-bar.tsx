"use client";

import { JOBS_WINDOW } from "@/lib/contracts/time-window";
import { JOB_STATES } from "@/lib/domain/job-state";
import { SOURCE_KINDS, VENDOR_LABEL } from "@/lib/domain/source-kind";
import { pill, TextFilter, ToggleGroup } from "./filter-controls";
import { chipActive, QUICK_CHIPS, RANGES, type ExplorerView } from "./search-params";

const RANGE_LABEL: Record<(typeof RANGES)[number], string> = {
  "1h": "Last hour",
  "24h": "Last 24 h",
  "7d": "Last 7 days",
  "30d": "Last 30 days",
  "90d": "Last 90 days",
  "365d": "Last 365 days",
  today: "Today",
};

const toggle = <T,>(list: T[], value: T) =>
  list.includes(value) ? list.filter((v) => v !== value) : [...list, value];

type Change = Partial<Omit<ExplorerView, "cursor" | "selected">>;

/** Every filter writes the URL; the table reads only the URL. Changes are functions of the newest view, so quick clicks add up. */
export function FilterBar({
  view,
  onChange,
}: {
  view: ExplorerView;
  onChange: (change: (latest: ExplorerView) => Change) => void;
}) {
  const set = (change: Change) => onChange(() => change);
  return (
    <div className="space-y-2" data-testid="filter-bar">
      <div className="flex flex-wrap items-center gap-2">
        {QUICK_CHIPS.map((chip) => {
          const on = chipActive(view, chip);
          return (
            <button
              key={chip.id}
              type="button"
              aria-pressed={on}
              className={pill(on)}
              onClick={() => set(on ? { states: [], range: null } : chip.apply)}
              data-testid={`chip-${chip.id}`}
            >
              {on ? "✓ " : ""}
              {chip.label}
            </button>
          );
        })}
        <TextFilter
          key={`q:${view.q}`}
          label="Search name, dataset, policy, cluster, id"
          initial={view.q}
          onApply={(q) => set({ q })}
          testId="filter-q"
        />
        <TextFilter
          key={`t:${view.types.join(",")}`}
          label="Types (comma-separated)"
          initial={view.types.join(", ")}
          onApply={(t) =>
            set({
              types: t
                .split(",")
                .map((s) => s.trim())
                .filter(Boolean),
            })
          }
          testId="filter-type"
        />
        <label className="text-xs">
          <span className="sr-only">Time range</span>
          <select
            value={view.range ?? (view.from || view.to ? "custom" : "")}
            onChange={(e) =>
              set({
                range: (RANGES as readonly string[]).includes(e.target.value)
                  ? (e.target.value as ExplorerView["range"])
                  : null,
                from: null,
                to: null,
              })
            }
            className="rounded border border-slate-300 px-1.5 py-0.5 dark:border-slate-600 dark:bg-slate-950"
            data-testid="filter-range"
          >
            <option value="">Last {JOBS_WINDOW.defaultDays} days (default)</option>
            {RANGES.map((r) => (
              <option key={r} value={r}>
                {RANGE_LABEL[r]}
              </option>
            ))}
            {!view.range && (view.from || view.to) && (
              <option value="custom">Custom (from the URL)</option>
            )}
          </select>
        </label>
      </div>
      <ToggleGroup
        legend="Vendors"
        label="Vendor"
        values={SOURCE_KINDS}
        selected={view.kinds}
        text={(k) => VENDOR_LABEL[k]}
        testId={(k) => `filter-kind-${k}`}
        onToggle={(k) => onChange((v) => ({ kinds: toggle(v.kinds, k) }))}
      />
      <ToggleGroup
        legend="States"
        label="State"
        values={JOB_STATES}
        selected={view.states}
        text={(s) => s}
        testId={(s) => `filter-state-${s}`}
        onToggle={(s) => onChange((v) => ({ states: toggle(v.states, s) }))}
      />
      {view.sources.length > 0 && (
        <div className="flex flex-wrap items-center gap-1.5 text-xs">
          <span className="font-medium text-slate-600 uppercase dark:text-slate-400">Sources</span>
          {view.sources.map((id) => (
            <button
              key={id}
              type="button"
              className={pill(true)}
              onClick={() => onChange((v) => ({ sources: v.sources.filter((s) => s !== id) }))}
              aria-label={`Remove source filter ${id}`}
            >
              {id.slice(0, 8)} ×
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
