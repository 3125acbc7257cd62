"use client";

import { useState } from "react";

/** An on/off filter pill; on is filled, and says so with aria-pressed where it is a toggle. */
export const pill = (on: boolean) =>
  `rounded-full border px-2.5 py-0.5 text-xs ${on ? "border-sky-700 bg-sky-700 text-white dark:border-sky-400 dark:bg-sky-400 dark:text-slate-950" : "border-slate-300 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"}`;

/** A row of on/off pills for one multi-valued filter. */
export function ToggleGroup<T extends string>(props: {
  legend: string;
  label: string;
  values: readonly T[];
  selected: readonly T[];
  text: (value: T) => string;
  testId: (value: T) => string;
  onToggle: (value: T) => void;
}) {
  return (
    <fieldset className="flex flex-wrap items-center gap-1.5">
      <legend className="sr-only">{props.legend}</legend>
      <span
        className="mr-1 text-xs font-medium text-slate-600 uppercase dark:text-slate-400"
        aria-hidden
      >
        {props.label}
      </span>
      {props.values.map((value) => {
        const on = props.selected.includes(value);
        return (
          <button
            key={value}
            type="button"
            aria-pressed={on}
            className={pill(on)}
            onClick={() => props.onToggle(value)}
            data-testid={props.testId(value)}
          >
            {props.text(value)}
          </button>
        );
      })}
    </fieldset>
  );
}

/** Applies on Enter or when focus leaves, not per keystroke: one URL change (and one query) per edit. */
export function TextFilter({
  label,
  initial,
  onApply,
  testId,
}: {
  label: string;
  initial: string;
  onApply: (value: string) => void;
  testId: string;
}) {
  const [value, setValue] = useState(initial);
  const apply = () => {
    if (value.trim() !== initial.trim()) onApply(value.trim());
  };
  return (
    <input
      type="search"
      value={value}
      aria-label={label}
      placeholder={label}
      onChange={(e) => setValue(e.target.value)}
      onBlur={apply}
      onKeyDown={(e) => {
        if (e.key === "Enter") apply();
      }}
      className="w-56 rounded border border-slate-300 px-2 py-0.5 text-sm dark:border-slate-600 dark:bg-slate-950"
      data-testid={testId}
    />
  );
}
