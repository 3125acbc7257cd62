import type { Metadata } from "next";
import { AppShell } from "@/components/layout/app-shell";
import { requirePageActor } from "@/lib/auth/page-actor";
import { JobView } from "@/components/jobs/job-view";

export const metadata: Metadata = { title: "Job" };
export const dynamic = "force-dynamic";

export default async function JobPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(`/jobs/${id}`);
  return (
    <AppShell actor={actor}>
      <JobView id={id} role={actor.kind === "display" ? "viewer" : actor.role} />
    </AppShell>
  );
}
