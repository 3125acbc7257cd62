"use client";

import { useState } from "react";
import type { JobSummary } from "@/lib/contracts/jobs";
import { canActOnJobs, type Role } from "@/lib/domain/roles";
import { bulkOptions, type BulkOption } from "./bulk-actions";
import { BulkConfirm } from "./bulk-confirm";

/** The actions a selection allows, each sent as one request per job through the single-job action API. */
export function BulkBar({
  selected,
  role,
  onClear,
}: {
  selected: JobSummary[];
  role: Role;
  onClear: () => void;
}) {
  const [open, setOpen] = useState<BulkOption | null>(null);
  if (selected.length === 0) return null;
  const options = bulkOptions(selected, role);
  return (
    <div
      className="flex flex-wrap items-center gap-2 rounded border border-sky-300 bg-sky-50 px-3 py-1.5 text-sm dark:border-sky-800 dark:bg-sky-950"
      data-testid="bulk-bar"
    >
      <span data-testid="bulk-count">{selected.length} selected</span>
      {options.map((o) => (
        <button
          key={o.action}
          type="button"
          onClick={() => setOpen(o)}
          className="rounded border border-slate-300 px-2 py-0.5 capitalize dark:border-slate-600"
          data-testid={`bulk-${o.action}`}
        >
          {o.action} {o.jobs.length}
        </button>
      ))}
      {options.length === 0 && (
        <span className="text-slate-600 dark:text-slate-400">
          {!canActOnJobs(role)
            ? "read-only: actions need the operator role"
            : "no action applies to all of these"}
        </span>
      )}
      <button
        type="button"
        onClick={onClear}
        className="ml-auto text-slate-600 hover:underline dark:text-slate-400"
      >
        Clear selection
      </button>
      {open && <BulkConfirm option={open} onClose={() => setOpen(null)} />}
    </div>
  );
}
