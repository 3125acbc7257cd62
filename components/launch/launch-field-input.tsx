"use client";

import type { LaunchField } from "./launch-fields";

const INPUT =
  "mt-1 w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-950";

/** One vendor option: its name as the vendor spells it, the doc's meaning, and a fitting control. */
export function LaunchFieldInput({
  field,
  id,
  value,
  error,
  onChange,
}: {
  field: LaunchField;
  id: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  const describedBy = `${id}-help`;
  return (
    <div data-testid={`launch-field-${field.name}`}>
      <label htmlFor={id} className="block text-sm font-medium">
        <code>{field.name}</code>
        {field.required ? (
          <span className="ml-1 text-xs font-normal text-slate-600 dark:text-slate-400">
            (required)
          </span>
        ) : null}
      </label>
      {field.kind === "boolean" ? (
        <select
          id={id}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-describedby={describedBy}
          aria-invalid={Boolean(error)}
          className={INPUT}
        >
          <option value="">{field.required ? "Choose…" : "Vendor default"}</option>
          <option value="true">Yes</option>
          <option value="false">No</option>
        </select>
      ) : (
        <input
          id={id}
          type={field.kind === "datetime" ? "datetime-local" : "text"}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-describedby={describedBy}
          aria-invalid={Boolean(error)}
          className={INPUT}
          autoComplete="off"
        />
      )}
      <p id={describedBy} className="mt-0.5 text-xs text-slate-600 dark:text-slate-400">
        {field.description}
      </p>
      {error ? (
        <p className="text-xs text-red-700 dark:text-red-300" data-testid="launch-field-error">
          <span aria-hidden>✕ </span>
          {error}
        </p>
      ) : null}
    </div>
  );
}
