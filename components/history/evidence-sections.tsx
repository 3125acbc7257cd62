import { Identity } from "@/components/ui/identity";
import type { ReactNode } from "react";
import { StateBadge } from "@/components/ui/state-badge";
import { formatTime } from "@/components/ui/format";
import { formatDuration } from "@/lib/domain/durations";
import type { EventView } from "@/lib/contracts/jobs";
import type { EvidenceReport } from "@/lib/contracts/history";

export function Section({
  title,
  testId,
  children,
}: {
  title: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <section
      className="evidence-section space-y-2 border-t border-slate-200 pt-3 dark:border-slate-700"
      data-testid={testId}
    >
      <h2 className="text-base font-semibold">{title}</h2>
      {children}
    </section>
  );
}

const SEVERITY_MARK = { info: "ℹ", warning: "⚠", error: "✕" } as const;

export function EventList({ events, empty }: { events: EventView[]; empty: string }) {
  if (events.length === 0) return <p className="text-sm text-slate-500">{empty}</p>;
  return (
    <ul className="space-y-1 text-sm">
      {events.map((e) => (
        <li key={e.id} className="flex gap-2" data-severity={e.severity}>
          <span className="whitespace-nowrap text-slate-500">{formatTime(e.at)}</span>
          <span className="font-medium">
            <span aria-hidden>{SEVERITY_MARK[e.severity]} </span>
            {e.severity}
          </span>
          <span className="break-words">{e.message}</span>
        </li>
      ))}
    </ul>
  );
}

export function PhaseTable({ phases }: { phases: EvidenceReport["phases"] }) {
  if (phases.length === 0)
    return <p className="text-sm text-slate-500">The vendor reported no phases for this run.</p>;
  return (
    <table className="w-full border-collapse text-sm">
      <thead>
        <tr className="border-b border-slate-200 text-left text-xs text-slate-500 uppercase dark:border-slate-700">
          <th className="py-1 pr-3">Phase</th>
          <th className="pr-3">Lane</th>
          <th className="pr-3">State</th>
          <th className="pr-3">Started</th>
          <th className="pr-3">Ended</th>
          <th className="pr-3">Took</th>
        </tr>
      </thead>
      <tbody>
        {phases.map((p) => (
          <tr
            key={p.key}
            className="border-b border-slate-100 dark:border-slate-800"
            data-testid="evidence-phase"
            data-service={p.service}
          >
            <td className="py-1 pr-3" style={{ paddingLeft: `${p.depth * 1}rem` }}>
              {p.name}
              {p.service && (
                <span className="ml-1 text-xs font-medium">(service restored: RTO ends here)</span>
              )}
            </td>
            <td className="pr-3">{p.lane ?? "—"}</td>
            <td className="pr-3">
              <StateBadge state={p.state} />
            </td>
            <td className="pr-3 whitespace-nowrap">{formatTime(p.startedAt)}</td>
            <td className="pr-3 whitespace-nowrap">{formatTime(p.endedAt)}</td>
            <td className="pr-3 whitespace-nowrap">{formatDuration(p.durationMs)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function AuditList({ audit }: { audit: EvidenceReport["audit"] }) {
  if (audit.length === 0)
    return (
      <p className="text-sm text-slate-500">
        No operator actions were taken on this run through Jobdeck.
      </p>
    );
  return (
    <ul className="space-y-2 text-sm">
      {audit.map((a) => (
        <li key={a.id}>
          <div>
            <span className="font-medium">{a.action}</span> by{" "}
            <Identity name={a.actor} email={a.actorEmail} id={a.actorId} /> at{" "}
            {formatTime(a.requestedAt)}: {a.status}
            {a.reason ? ` (reason: ${a.reason})` : ""}
          </div>
          {a.vendorReply && (
            <div className="text-slate-600 dark:text-slate-400">
              Vendor replied: {a.vendorReply}
            </div>
          )}
          <ul className="ml-4 list-disc text-xs text-slate-600 dark:text-slate-400">
            {a.stages.map((s) => (
              <li key={`${s.at}-${s.stage}`}>
                {formatTime(s.at)} {s.stage}
                {s.detail ? `: ${s.detail}` : ""}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
