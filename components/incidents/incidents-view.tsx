"use client";

import Link from "next/link";
import { useState } from "react";
import type { IncidentStatus, IncidentView } from "@/lib/contracts/incidents";
import { ERROR } from "@/components/ui/form-styles";
import { AcknowledgeForm } from "./acknowledge-form";
import { IncidentStatusBadge } from "./incident-status";
import { useIncidents } from "./use-incidents";

const FILTERS: Array<{ label: string; statuses: IncidentStatus[] }> = [
  { label: "Unresolved", statuses: ["open", "acknowledged"] },
  { label: "Open", statuses: ["open"] },
  { label: "Acknowledged", statuses: ["acknowledged"] },
  { label: "Resolved", statuses: ["resolved"] },
  { label: "All", statuses: [] },
];

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : "");

export function IncidentsView({ canAcknowledge }: { canAcknowledge: boolean }) {
  const [filter, setFilter] = useState(0);
  const statuses = FILTERS[filter]?.statuses ?? [];
  const incidents = useIncidents(statuses);
  return (
    <div className="flex flex-col gap-4">
      <div role="tablist" aria-label="Incident status" className="flex gap-2 text-sm">
        {FILTERS.map((f, i) => (
          <button
            key={f.label}
            role="tab"
            aria-selected={i === filter}
            onClick={() => setFilter(i)}
            className={`rounded px-2 py-1 ${i === filter ? "bg-slate-800 text-white dark:bg-slate-200 dark:text-slate-900" : "bg-slate-100 dark:bg-slate-800"}`}
          >
            {f.label}
          </button>
        ))}
      </div>
      {incidents.error && (
        <p role="alert" className={ERROR}>
          {incidents.error.message}
        </p>
      )}
      {incidents.data && incidents.data.items.length === 0 && (
        <p className="text-sm text-slate-600 dark:text-slate-400">No incidents here.</p>
      )}
      <ul className="flex flex-col gap-3">
        {incidents.data?.items.map((i) => (
          <IncidentRow key={i.id} incident={i} canAcknowledge={canAcknowledge} />
        ))}
      </ul>
    </div>
  );
}

function IncidentRow({
  incident: i,
  canAcknowledge,
}: {
  incident: IncidentView;
  canAcknowledge: boolean;
}) {
  return (
    <li
      data-testid="incident"
      data-incident-id={i.id}
      className="flex flex-col gap-1 rounded border border-slate-200 p-3 dark:border-slate-800"
    >
      <div className="flex flex-wrap items-center gap-2">
        <IncidentStatusBadge status={i.status} />
        <span className="text-xs text-slate-500 uppercase">{i.severity}</span>
        <Link href={`/incidents/${i.id}`} className="font-medium hover:underline">
          <bdi>{i.title}</bdi>
        </Link>
      </div>
      <p className="text-sm">
        <bdi>{i.detail}</bdi>
      </p>
      <p className="text-xs text-slate-500">
        {i.ruleName ? (
          <>
            Rule “<bdi>{i.ruleName}</bdi>” ·{" "}
          </>
        ) : null}
        opened {when(i.openedAt)}
        {i.updates > 0 ? ` · updated ${i.updates}×` : ""}
        {i.resolvedAt ? ` · resolved ${when(i.resolvedAt)}` : ""}
        {i.jobId ? (
          <>
            {" · "}
            <Link href={`/jobs/${i.jobId}`} className="underline">
              job
            </Link>
          </>
        ) : null}
      </p>
      {i.acknowledgedBy && (
        <p className="text-xs">
          Acknowledged by <bdi>{i.acknowledgedBy}</bdi> {when(i.acknowledgedAt)}:{" "}
          <bdi>{i.ackNote}</bdi>
        </p>
      )}
      {canAcknowledge && i.status === "open" && <AcknowledgeForm id={i.id} />}
    </li>
  );
}
