"use client";

import { useState } from "react";
import type { JobSummary } from "@/lib/contracts/jobs";
import { ACTION_RISK, type JobAction } from "@/lib/domain/actions";
import { useJobAction } from "./use-job-action";

const IMPACT: Partial<Record<JobAction, string>> = {
  abort: "The vendor stops the job; work already done may be left incomplete.",
  cancel: "The vendor cancels the job; it cannot be resumed.",
  kill: "The vendor kills the job immediately.",
  purge: "The vendor deletes this job's record; its history stays in Jobdeck.",
  pause: "The job stops where it is and can be resumed.",
  resume: "The job continues from where it paused.",
};

/**
 * Confirmation scaled to risk: a plain confirm for pause/resume; the job's name typed and a reason
 * for anything that stops work. The idempotency key is fixed when the dialog opens.
 */
export function ConfirmAction({
  job,
  action,
  onClose,
}: {
  job: JobSummary;
  action: JobAction;
  onClose: () => void;
}) {
  const [key] = useState(() => crypto.randomUUID());
  const [typed, setTyped] = useState("");
  const [reason, setReason] = useState("");
  const [keepData, setKeepData] = useState(true);
  const mutation = useJobAction(job.id);
  const high = ACTION_RISK[action] === "high";
  const asksKeepData = job.kind === "spp" && action === "cancel";
  const ready = !high || (typed === job.name && reason.trim().length > 0);
  const submit = () => {
    if (!ready || mutation.isPending) return;
    mutation.mutate(
      {
        action,
        reason: reason.trim() || undefined,
        idempotencyKey: key,
        params: asksKeepData ? { catalogCompletedObjects: keepData } : {},
      },
      { onSuccess: onClose },
    );
  };
  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-labelledby="confirm-title"
      className="fixed inset-0 z-50 flex items-center justify-center bg-black/40 p-4"
    >
      <div className="w-full max-w-md space-y-3 rounded-lg bg-white p-4 shadow-xl dark:bg-slate-900">
        <h2 id="confirm-title" className="text-lg font-semibold capitalize">
          {action} this job?
        </h2>
        <p className="text-sm">{IMPACT[action]}</p>
        {high && (
          <>
            <label className="block text-sm">
              Type the job name{" "}
              <code className="rounded bg-slate-100 px-1 dark:bg-slate-800">{job.name}</code> to
              confirm
              <input
                value={typed}
                onChange={(e) => setTyped(e.target.value)}
                className="mt-1 w-full rounded border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-950"
                data-testid="confirm-name"
                autoFocus
              />
            </label>
            <label className="block text-sm">
              Reason (kept in the audit trail)
              <textarea
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                rows={2}
                className="mt-1 w-full rounded border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-950"
                data-testid="confirm-reason"
              />
            </label>
          </>
        )}
        {asksKeepData && (
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={keepData}
              onChange={(e) => setKeepData(e.target.checked)}
              data-testid="confirm-keep-data"
            />
            Keep data already backed up (catalog completed objects)
          </label>
        )}
        {mutation.error && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-300">
            {mutation.error.message}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <button
            type="button"
            onClick={onClose}
            className="rounded px-3 py-1 text-sm"
            data-testid="confirm-back"
          >
            Back
          </button>
          <button
            type="button"
            onClick={submit}
            disabled={!ready || mutation.isPending}
            className="rounded bg-sky-700 px-3 py-1 text-sm font-medium text-white capitalize disabled:opacity-50"
            data-testid="confirm-submit"
          >
            {mutation.isPending ? "Sending…" : action}
          </button>
        </div>
      </div>
    </div>
  );
}
