import Link from "next/link";
import type { ReactNode } from "react";
import type { Actor } from "@/lib/domain/actor";
import { UserMenu } from "@/components/auth/user-menu";
import { IncidentBadge } from "@/components/incidents/incident-badge";
import { StreamIndicator } from "@/components/live/stream-indicator";

const NAV = [
  { href: "/jobs", label: "Jobs" },
  { href: "/timeline", label: "Timeline" },
  { href: "/history", label: "Failover history" },
  { href: "/evidence", label: "Evidence" },
  { href: "/wall", label: "Wall" },
  { href: "/sources", label: "Sources" },
  { href: "/audit", label: "Audit" },
  { href: "/incidents", label: "Incidents" },
];

export function AppShell({ actor, children }: { actor: Actor; children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <header className="no-print flex items-center gap-6 border-b border-slate-200 bg-slate-50 px-4 py-2 dark:border-slate-800 dark:bg-slate-900">
        <Link href="/jobs" className="text-lg font-semibold tracking-tight">
          Jobdeck
        </Link>
        <nav aria-label="Main" className="flex gap-4 text-sm">
          {NAV.map((item) => (
            <Link
              key={item.href}
              href={item.href}
              className="text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white"
            >
              {item.label}
            </Link>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm">
          <IncidentBadge />
          <StreamIndicator />
          <UserMenu actor={actor} />
        </div>
      </header>
      <main className="flex-1 px-4 py-4">{children}</main>
    </div>
  );
}
