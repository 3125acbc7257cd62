"use client";

import { Identity } from "@/components/ui/identity";
import { useState } from "react";
import type { AuditLineView, JobSummary } from "@/lib/contracts/jobs";
import { ACTION_ROLE, type JobAction } from "@/lib/domain/actions";
import { canActOnJobs, roleAllows, type Role } from "@/lib/domain/roles";
import { formatTime } from "@/components/ui/format";
import { ConfirmAction } from "./confirm-action";
import { PendingAction } from "./pending-action";

/** The actions this job allows that this person may take, each behind a confirmation. */
export function ActionBar({
  job,
  allowed,
  role,
  audit,
}: {
  job: JobSummary;
  allowed: JobAction[];
  role: Role;
  audit: AuditLineView[];
}) {
  const [confirming, setConfirming] = useState<JobAction | null>(null);
  const usable = allowed.filter((a) => roleAllows(role, ACTION_ROLE[a]));
  const pending = audit.find(
    (a) => a.status === "pending" || (a.status === "succeeded" && isRecent(a)),
  );
  return (
    <section aria-label="Actions" className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        {usable.map((action) => (
          <button
            key={action}
            type="button"
            onClick={() => setConfirming(action)}
            className="rounded border border-slate-300 px-3 py-1 text-sm capitalize hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
            data-testid={`action-${action}`}
          >
            {action}
          </button>
        ))}
        {!canActOnJobs(role) && (
          <span className="text-xs text-slate-500" data-testid="read-only">
            {role === "auditor"
              ? "auditor: reads and signs off, never acts"
              : "read-only: actions need the operator role"}
          </span>
        )}
      </div>
      {pending && <PendingAction line={pending} job={job} />}
      {confirming && (
        <ConfirmAction job={job} action={confirming} onClose={() => setConfirming(null)} />
      )}
      {audit.length > 0 && (
        <div>
          <h2 className="mb-1 text-sm font-semibold">Audit</h2>
          <ul className="space-y-0.5 text-sm" data-testid="audit-lines">
            {audit.map((a) => (
              <li key={a.id} data-testid="audit-line" data-action={a.action} data-status={a.status}>
                <span className="text-slate-500">{formatTime(a.requestedAt)}</span>{" "}
                <Identity name={a.actor} email={a.actorEmail} id={null} /> — {a.action}
                {a.reason ? ` (“${a.reason}”)` : ""}: <strong>{a.status}</strong>
                {a.vendorReply ? <span className="text-slate-500"> — {a.vendorReply}</span> : null}
                {a.status === "unknown" && !a.vendorReply ? (
                  <span className="text-slate-500">
                    {" "}
                    — the outcome was never heard; Jobdeck is asking the vendor for the job&apos;s
                    state
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

/** A succeeded request is "in progress" until the vendor's state shows it, for up to ten minutes. */
function isRecent(a: AuditLineView): boolean {
  return a.completedAt !== null && Date.now() - new Date(a.completedAt).getTime() < 10 * 60_000;
}
