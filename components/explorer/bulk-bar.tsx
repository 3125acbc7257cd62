"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { isAuditLine, type AuditLineView, type JobSummary } from "@/lib/contracts/jobs";
import { ACTION_RISK, type JobAction } from "@/lib/domain/actions";
import { canActOnJobs, type Role } from "@/lib/domain/roles";
import { ApiError, apiFetchOutcome } from "@/components/api/api-fetch";
import { jobKeys } from "@/components/api/query-keys";
import { bulkOptions, type BulkOption } from "./bulk-actions";

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

type Outcome = { job: JobSummary; status: AuditLineView["status"] | "error"; message: string };

/** Same rules as one job: high-risk actions need a reason and a typed confirmation (here, the job count). */
function BulkConfirm({ option, onClose }: { option: BulkOption; onClose: () => void }) {
  const client = useQueryClient();
  // One key per job, fixed when the dialog opens: pressing again after a failure never repeats a vendor call.
  const [keys] = useState(() => new Map(option.jobs.map((j) => [j.id, crypto.randomUUID()])));
  const [typed, setTyped] = useState("");
  const [reason, setReason] = useState("");
  const [running, setRunning] = useState(false);
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  const high = ACTION_RISK[option.action] === "high";
  const ready = !high || (typed === String(option.jobs.length) && reason.trim().length > 0);
  const run = async () => {
    if (!ready || running) return;
    setRunning(true);
    const results: Outcome[] = [];
    for (const job of option.jobs) {
      results.push(
        await sendOne(
          job,
          option.action,
          reason.trim() || undefined,
          keys.get(job.id) ?? crypto.randomUUID(),
        ),
      );
      setOutcomes([...results]);
      void client.invalidateQueries({ queryKey: jobKeys.detail(job.id) });
    }
    setRunning(false);
  };
  const done = outcomes.length === option.jobs.length;
  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-labelledby="bulk-title"
      className="fixed inset-0 z-50 flex items-center justify-center bg-black/40 p-4"
    >
      <div className="w-full max-w-lg space-y-3 rounded-lg bg-white p-4 shadow-xl dark:bg-slate-900">
        <h2 id="bulk-title" className="text-lg font-semibold capitalize">
          {option.action} {option.jobs.length} {option.jobs.length === 1 ? "job" : "jobs"}?
        </h2>
        <ul className="max-h-48 overflow-auto text-sm" data-testid="bulk-jobs">
          {option.jobs.map((j) => {
            const o = outcomes.find((x) => x.job.id === j.id);
            return (
              <li key={j.id} data-testid="bulk-job" data-status={o?.status ?? "waiting"}>
                <span className="font-medium">{j.name}</span>{" "}
                <span className="text-slate-500">({j.sourceName})</span>
                {o && (
                  <span
                    className={
                      o.status === "succeeded"
                        ? "text-emerald-800 dark:text-emerald-300"
                        : "text-red-800 dark:text-red-300"
                    }
                  >
                    {" "}
                    — {o.status}: {o.message}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
        {high && !done && (
          <>
            <label className="block text-sm">
              Type the number of jobs,{" "}
              <code className="rounded bg-slate-100 px-1 dark:bg-slate-800">
                {option.jobs.length}
              </code>
              , to confirm
              <input
                value={typed}
                onChange={(e) => setTyped(e.target.value)}
                inputMode="numeric"
                className="mt-1 w-full rounded border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-950"
                data-testid="bulk-confirm-count"
                autoFocus
              />
            </label>
            <label className="block text-sm">
              Reason (kept in each job&apos;s audit trail)
              <textarea
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                rows={2}
                className="mt-1 w-full rounded border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-950"
                data-testid="bulk-confirm-reason"
              />
            </label>
          </>
        )}
        <div className="flex justify-end gap-2">
          <button
            type="button"
            onClick={onClose}
            disabled={running}
            className="rounded px-3 py-1 text-sm"
            data-testid="bulk-close"
          >
            {done ? "Close" : "Back"}
          </button>
          {!done && (
            <button
              type="button"
              onClick={() => void run()}
              disabled={!ready || running}
              className="rounded bg-sky-700 px-3 py-1 text-sm font-medium text-white capitalize disabled:opacity-50"
              data-testid="bulk-submit"
            >
              {running ? `Sending ${outcomes.length + 1}/${option.jobs.length}…` : option.action}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}

/** The action API answers refusals (409) and vendor failures (502) with the audit line itself, so read the body either way. */
async function sendOne(
  job: JobSummary,
  action: JobAction,
  reason: string | undefined,
  key: string,
): Promise<Outcome> {
  try {
    const { outcome: line, status } = await apiFetchOutcome(
      `/api/jobs/${encodeURIComponent(job.id)}/actions`,
      { method: "POST", headers: { "idempotency-key": key }, json: { action, reason, params: {} } },
      isAuditLine,
    );
    return {
      job,
      status: line.status,
      message: line.vendorReply ?? (status < 300 ? "sent" : `HTTP ${status}`),
    };
  } catch (err) {
    if (err instanceof ApiError) return { job, status: "error", message: err.message };
    return { job, status: "error", message: err instanceof Error ? err.message : String(err) };
  }
}
