import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { IncidentDetailView } from "@/components/incidents/incident-detail";
import { AppShell } from "@/components/layout/app-shell";
import { requirePageActor } from "@/lib/auth/page-actor";
import { roleAllows } from "@/lib/domain/roles";

export const metadata: Metadata = { title: "Incident" };
export const dynamic = "force-dynamic";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function IncidentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const actor = await requirePageActor(`/incidents/${id}`);
  return (
    <AppShell actor={actor}>
      <IncidentDetailView
        id={id}
        canAcknowledge={actor.kind === "user" && roleAllows(actor.role, "operator")}
      />
    </AppShell>
  );
}
