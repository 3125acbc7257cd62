"use client";

import { Identity } from "@/components/ui/identity";
import { formatTime } from "@/components/ui/format";
import { StateBadge } from "@/components/ui/state-badge";
import { formatDuration } from "@/lib/domain/durations";
import type { Role } from "@/lib/domain/roles";
import { canSignOff } from "@/lib/domain/roles";
import { CATEGORY_LABEL } from "@/lib/domain/rto";
import { VENDOR_LABEL } from "@/lib/domain/source-kind";
import { AuditList, EventList, PhaseTable, Section } from "./evidence-sections";
import { OutcomeBadge, TargetMark } from "./outcome-badge";
import { SignOffForm } from "./sign-off-form";
import { useEvidence } from "./use-history";
import { Button } from "@/components/ui/button";

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-slate-500 uppercase">{label}</dt>
      <dd className="break-words">{children}</dd>
    </div>
  );
}

/** One run's evidence, laid out to print: every section is plain text an auditor can file. */
export function EvidenceReportView({ id, role }: { id: string; role: Role }) {
  const { data, error, isPending } = useEvidence(id);
  if (isPending) return <p className="text-sm text-slate-500">Loading the evidence report…</p>;
  if (error)
    return (
      <p role="alert" className="text-sm text-red-700 dark:text-red-300">
        Could not load this report: {error.message}
      </p>
    );
  const { run, readiness } = data;
  return (
    <article className="evidence-report space-y-4" data-testid="evidence-report">
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold" data-testid="evidence-title">
          Evidence report: {run.name}
        </h1>
        <OutcomeBadge outcome={run.outcome} />
        <Button
          type="button"
          onClick={() => window.print()}
          variant="secondary"
          className="no-print ml-auto"
        >
          Print / save as PDF
        </Button>
      </header>
      <Section title="Run" testId="evidence-run">
        <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm md:grid-cols-4">
          <Field label="Type">
            {CATEGORY_LABEL[run.category]} ({run.type})
          </Field>
          <Field label="Vendor">
            {VENDOR_LABEL[run.kind]}: {run.sourceName}
          </Field>
          <Field label="Vendor job id">{run.vendorId}</Field>
          <Field label="Started by">{run.submittedBy ?? "not reported by the vendor"}</Field>
          <Field label="DR group / zone">{run.group ?? "—"}</Field>
          <Field label="Policy">{run.policy ?? "—"}</Field>
          <Field label="Started">{formatTime(run.startedAt)}</Field>
          <Field label="Ended">{formatTime(run.endedAt)}</Field>
          <Field label="State">
            <StateBadge state={run.state} vendorState={run.vendorState} /> vendor: {run.vendorState}
          </Field>
          <Field label="Job duration">{formatDuration(run.durationMs)}</Field>
        </dl>
        {data.message && (
          <p className="rounded bg-slate-100 p-2 font-mono text-sm whitespace-pre-wrap dark:bg-slate-900">
            {data.message}
          </p>
        )}
      </Section>
      <Section title="RTO against target" testId="evidence-rto">
        <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm md:grid-cols-4">
          <Field label="Measured RTO">
            <span data-testid="evidence-rto-value">
              {run.rtoMs === null
                ? "not measured: service not restored"
                : formatDuration(run.rtoMs)}
            </span>
          </Field>
          <Field label="Measured to">
            {run.rtoPhase ? `end of “${run.rtoPhase}”` : "end of the job"}
          </Field>
          <Field label="Target">
            {run.rtoTargetMs === null
              ? "no target set for this group"
              : formatDuration(run.rtoTargetMs)}
          </Field>
          <Field label="Verdict">
            {run.rtoTargetMs === null ? "—" : <TargetMark met={run.rtoMet} />}
          </Field>
          <Field label="RPO at cut-over">
            {run.rpoMs === null
              ? "not known (no replication record before cut-over)"
              : formatDuration(run.rpoMs)}
          </Field>
          <Field label="RPO target">
            {run.rpoTargetMs === null ? (
              "no target set for this group"
            ) : (
              <>
                {formatDuration(run.rpoTargetMs)}{" "}
                <TargetMark met={run.rpoMet} testId="rpo-target" />
              </>
            )}
          </Field>
        </dl>
      </Section>
      <Section title="Readiness before the run" testId="evidence-readiness">
        <EventList
          events={readiness.atSubmission}
          empty="The job carried no readiness warnings or errors at submission."
        />
        {readiness.lastRun ? (
          <div className="text-sm">
            <p>
              Last readiness run before start: {readiness.lastRun.name}, finished{" "}
              {formatTime(readiness.lastRun.endedAt)},{" "}
              <StateBadge state={readiness.lastRun.state} />
            </p>
            <EventList
              events={readiness.lastRun.findings}
              empty="It found no warnings or errors."
            />
          </div>
        ) : (
          <p className="text-sm text-slate-500">
            No readiness run is on record before this run (the vendor may not have one).
          </p>
        )}
      </Section>
      <Section title="Phase timings" testId="evidence-phases">
        <PhaseTable phases={data.phases} />
      </Section>
      <Section title="Errors and warnings" testId="evidence-problems">
        <EventList events={data.problems} empty="The vendor reported no errors or warnings." />
      </Section>
      <Section title="Audit trail" testId="evidence-audit">
        <AuditList audit={data.audit} />
      </Section>
      <Section title="Sign-off" testId="evidence-signoff">
        {data.signOffs.length === 0 ? (
          <p className="text-sm text-slate-500">Not signed off yet.</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {data.signOffs.map((s) => (
              <li key={s.id} data-testid="sign-off">
                <Identity name={s.author} email={s.authorEmail} id={s.authorId} />,{" "}
                {formatTime(s.createdAt)}: <span className="whitespace-pre-wrap">{s.note}</span>
              </li>
            ))}
          </ul>
        )}
        {canSignOff(role) && <SignOffForm runId={run.id} />}
      </Section>
      <p className="text-xs text-slate-500">
        Report generated {formatTime(data.generatedAt)} by Jobdeck from the vendor&apos;s own job
        records.
      </p>
    </article>
  );
}
