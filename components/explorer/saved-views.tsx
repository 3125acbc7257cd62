"use client";

import Link from "next/link";
import { useState } from "react";
import { useDeleteView, useSavedViews, useSaveView } from "./use-saved-views";

/** Named views for the signed-in person: the current URL query saved under a name, one click to return. */
export function SavedViews({ current }: { current: string }) {
  const views = useSavedViews();
  const save = useSaveView();
  const remove = useDeleteView();
  const [name, setName] = useState("");
  const submit = () => {
    if (!name.trim()) return;
    save.mutate({ name: name.trim(), query: current }, { onSuccess: () => setName("") });
  };
  return (
    <section
      aria-label="Saved views"
      className="flex flex-wrap items-center gap-2 text-sm"
      data-testid="saved-views"
    >
      <span className="text-xs font-medium text-slate-600 uppercase dark:text-slate-400">
        Views
      </span>
      {views.data?.items.map((v) => (
        <span
          key={v.id}
          className="inline-flex items-center rounded border border-slate-300 dark:border-slate-600"
          data-testid="saved-view"
        >
          <Link
            href={`/jobs${v.query ? `?${v.query}` : ""}`}
            className="px-2 py-0.5 hover:underline"
          >
            {v.name}
          </Link>
          <button
            type="button"
            aria-label={`Delete view ${v.name}`}
            onClick={() => remove.mutate(v.id)}
            className="px-1.5 text-slate-500 hover:text-red-700"
          >
            ×
          </button>
        </span>
      ))}
      <form
        className="inline-flex gap-1"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <input
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder="Name this view"
          aria-label="Saved view name"
          maxLength={100}
          className="w-36 rounded border border-slate-300 px-2 py-0.5 dark:border-slate-600 dark:bg-slate-950"
          data-testid="saved-view-name"
        />
        <button
          type="submit"
          disabled={!name.trim() || save.isPending}
          className="rounded border border-slate-300 px-2 py-0.5 disabled:opacity-50 dark:border-slate-600"
          data-testid="saved-view-save"
        >
          Save view
        </button>
      </form>
      {(save.error ?? views.error) && (
        <span role="alert" className="text-red-700 dark:text-red-300">
          {(save.error ?? views.error)?.message}
        </span>
      )}
    </section>
  );
}
