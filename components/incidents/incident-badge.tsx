"use client";

import Link from "next/link";
import { useIncidentCounts } from "./use-incidents";

/** The header's count of incidents nobody has taken yet (and of those someone has). */
export function IncidentBadge() {
  const counts = useIncidentCounts();
  const open = counts.data?.open ?? 0;
  const acknowledged = counts.data?.acknowledged ?? 0;
  const label = `${open} open incident${open === 1 ? "" : "s"}, ${acknowledged} acknowledged`;
  return (
    <Link
      href="/incidents"
      aria-label={label}
      title={label}
      data-testid="incident-badge"
      className={`rounded px-2 py-0.5 text-xs font-medium ${open > 0 ? "bg-red-700 text-white" : "bg-slate-200 text-slate-700 dark:bg-slate-800 dark:text-slate-200"}`}
    >
      Incidents {open}
      {acknowledged > 0 ? ` · ${acknowledged} ack` : ""}
    </Link>
  );
}
