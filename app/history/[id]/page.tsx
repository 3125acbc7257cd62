import type { Metadata } from "next";
import { EvidenceReportView } from "@/components/history/evidence-report";
import { AppShell } from "@/components/layout/app-shell";
import { requirePageActor } from "@/lib/auth/page-actor";
import "./print.css";

export const metadata: Metadata = { title: "Evidence report" };
export const dynamic = "force-dynamic";

export default async function EvidencePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(`/history/${id}`);
  return (
    <AppShell actor={actor}>
      <EvidenceReportView id={id} role={actor.kind === "display" ? "viewer" : actor.role} />
    </AppShell>
  );
}
