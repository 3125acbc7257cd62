import type { Metadata } from "next";
import { IncidentsView } from "@/components/incidents/incidents-view";
import { AppShell } from "@/components/layout/app-shell";
import { requirePageActor } from "@/lib/auth/page-actor";
import { roleAllows } from "@/lib/domain/roles";

export const metadata: Metadata = { title: "Incidents" };
export const dynamic = "force-dynamic";

export default async function IncidentsPage() {
  const actor = await requirePageActor("/incidents");
  return (
    <AppShell actor={actor}>
      <h1 className="mb-1 text-xl font-semibold">Incidents</h1>
      <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">
        One incident per problem, opened by the alert rules, resolved by itself when the condition
        clears.
      </p>
      <IncidentsView canAcknowledge={actor.kind === "user" && roleAllows(actor.role, "operator")} />
    </AppShell>
  );
}
