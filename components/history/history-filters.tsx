"use client";

import { useState, type FormEvent } from "react";
import { CATEGORY_LABEL, RUN_CATEGORIES } from "@/lib/domain/rto";
import { VENDOR_LABEL } from "@/lib/domain/source-kind";
import { DEFAULT_CATEGORIES, HISTORY_KINDS, HISTORY_OUTCOMES } from "@/lib/contracts/history";

export type MultiFilter = "kind" | "category" | "outcome";

export interface HistoryFiltersProps {
  kinds: string[];
  categories: string[];
  outcomes: string[];
  group: string;
  from: string;
  to: string;
  onToggle: (key: MultiFilter, value: string, current: string[]) => void;
  onSet: (key: "group" | "from" | "to", value: string | null) => void;
}

function CheckGroup({
  legend,
  name,
  options,
  checked,
  onToggle,
}: {
  legend: string;
  name: MultiFilter;
  options: ReadonlyArray<{ value: string; label: string }>;
  checked: string[];
  onToggle: (value: string) => void;
}) {
  return (
    <fieldset
      className="flex flex-wrap items-center gap-x-3 gap-y-1"
      data-testid={`filter-${name}`}
    >
      <legend className="mr-2 text-xs font-medium text-slate-500 uppercase">{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="inline-flex items-center gap-1 text-sm">
          <input
            type="checkbox"
            name={name}
            value={o.value}
            checked={checked.includes(o.value)}
            onChange={() => onToggle(o.value)}
          />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

/** Filters live in the URL; this only renders them and reports changes. */
export function HistoryFilters(p: HistoryFiltersProps) {
  const [group, setGroup] = useState(p.group);
  const categories = p.categories.length ? p.categories : DEFAULT_CATEGORIES;
  const submitGroup = (e: FormEvent) => {
    e.preventDefault();
    p.onSet("group", group.trim() || null);
  };
  return (
    <div
      className="no-print space-y-2 rounded border border-slate-200 p-3 dark:border-slate-700"
      data-testid="history-filters"
    >
      <CheckGroup
        legend="Vendor"
        name="kind"
        options={HISTORY_KINDS.map((k) => ({ value: k, label: VENDOR_LABEL[k] }))}
        checked={p.kinds}
        onToggle={(v) => p.onToggle("kind", v, p.kinds)}
      />
      <CheckGroup
        legend="Type"
        name="category"
        options={RUN_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABEL[c] }))}
        checked={categories}
        onToggle={(v) => p.onToggle("category", v, categories)}
      />
      <CheckGroup
        legend="Outcome"
        name="outcome"
        options={HISTORY_OUTCOMES.map((o) => ({ value: o, label: o }))}
        checked={p.outcomes}
        onToggle={(v) => p.onToggle("outcome", v, p.outcomes)}
      />
      <div className="flex flex-wrap items-end gap-3 text-sm">
        <form onSubmit={submitGroup} className="flex items-end gap-1">
          <label className="flex flex-col">
            <span className="text-xs font-medium text-slate-500 uppercase">
              DR group / zone / policy
            </span>
            <input
              name="group"
              value={group}
              onChange={(e) => setGroup(e.target.value)}
              className="rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
            />
          </label>
          <button
            type="submit"
            className="rounded border border-slate-300 px-2 py-1 dark:border-slate-600"
          >
            Apply
          </button>
        </form>
        <label className="flex flex-col">
          <span className="text-xs font-medium text-slate-500 uppercase">From</span>
          <input
            type="date"
            name="from"
            value={p.from}
            onChange={(e) => p.onSet("from", e.target.value || null)}
            className="rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
          />
        </label>
        <label className="flex flex-col">
          <span className="text-xs font-medium text-slate-500 uppercase">Before</span>
          <input
            type="date"
            name="to"
            value={p.to}
            onChange={(e) => p.onSet("to", e.target.value || null)}
            className="rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
          />
        </label>
      </div>
    </div>
  );
}
