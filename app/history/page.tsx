import type { Metadata } from "next";
import { AppShell } from "@/components/layout/app-shell";
import { requirePageActor } from "@/lib/auth/page-actor";
import { HistoryClient } from "./history-client";

export const metadata: Metadata = { title: "Failover history" };
export const dynamic = "force-dynamic";

export default async function HistoryPage() {
  const actor = await requirePageActor("/history");
  return (
    <AppShell actor={actor}>
      <h1 className="mb-1 text-xl font-semibold">Failover history</h1>
      <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
        Failovers, failbacks, DR tests and rehearsals across vendors. RTO is measured from the start
        of a run to the end of the phase that restores service, not the job&apos;s total time.
      </p>
      <HistoryClient canSetTargets={actor.role === "admin"} />
    </AppShell>
  );
}
