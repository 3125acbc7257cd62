"use client";

import { useState, type FormEvent } from "react";
import { INPUT } from "@/components/ui/form-styles";
import { ACTION_STATUSES } from "@/lib/domain/action-status";
import type { AuditSearch } from "./search-params";

export interface AuditFilterChoices {
  sources: Array<{ id: string; name: string }>;
  actions: string[];
}

/** Applied on submit, so typing a name does not fire a query per keystroke. */
export function AuditFilters({
  value,
  choices,
  onApply,
}: {
  value: AuditSearch;
  choices: AuditFilterChoices;
  onApply: (next: AuditSearch) => void;
}) {
  const [draft, setDraft] = useState(value);
  const set = (key: keyof AuditSearch, v: string) => setDraft((prev) => ({ ...prev, [key]: v }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(draft);
  };
  const clear = () => {
    const empty: AuditSearch = {
      actor: "",
      action: "",
      status: "",
      source: "",
      job: "",
      from: "",
      to: "",
    };
    setDraft(empty);
    onApply(empty);
  };
  return (
    <form
      onSubmit={submit}
      aria-label="Audit filters"
      className="flex flex-wrap items-end gap-2 text-xs"
    >
      <label className="flex flex-col">
        Who
        <input
          value={draft.actor}
          onChange={(e) => set("actor", e.target.value)}
          placeholder="name"
          className={INPUT}
        />
      </label>
      <label className="flex flex-col">
        Action
        <select
          value={draft.action}
          onChange={(e) => set("action", e.target.value)}
          className={INPUT}
        >
          <option value="">any</option>
          {choices.actions.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col">
        Outcome
        <select
          value={draft.status}
          onChange={(e) => set("status", e.target.value)}
          className={INPUT}
        >
          <option value="">any</option>
          {ACTION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col">
        Source
        <select
          value={draft.source}
          onChange={(e) => set("source", e.target.value)}
          className={INPUT}
        >
          <option value="">any</option>
          {choices.sources.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col">
        Job id
        <input
          value={draft.job}
          onChange={(e) => set("job", e.target.value)}
          placeholder="uuid"
          className={`${INPUT} w-40`}
        />
      </label>
      <label className="flex flex-col">
        From
        <input
          type="datetime-local"
          value={draft.from}
          onChange={(e) => set("from", e.target.value)}
          className={INPUT}
        />
      </label>
      <label className="flex flex-col">
        To
        <input
          type="datetime-local"
          value={draft.to}
          onChange={(e) => set("to", e.target.value)}
          className={INPUT}
        />
      </label>
      <button
        type="submit"
        className="rounded bg-sky-700 px-3 py-1 text-sm font-medium text-white hover:bg-sky-800"
      >
        Apply
      </button>
      <button type="button" onClick={clear} className="px-2 py-1 text-sm">
        Clear
      </button>
    </form>
  );
}
