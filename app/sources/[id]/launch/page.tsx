import type { Metadata } from "next";
import { Suspense } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { requirePageActor } from "@/lib/auth/page-actor";
import { LaunchPanel } from "@/components/launch/launch-panel";

export const metadata: Metadata = { title: "Launch" };
export const dynamic = "force-dynamic";

export default async function SourceLaunchPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(`/sources/${id}/launch`);
  return (
    <AppShell actor={actor}>
      <Suspense fallback={<p className="text-sm text-slate-600">Loading operations…</p>}>
        <LaunchPanel sourceId={id} role={actor.kind === "display" ? "viewer" : actor.role} />
      </Suspense>
    </AppShell>
  );
}
