import type { Metadata } from "next";
import { Suspense } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { requirePageActor } from "@/lib/auth/page-actor";
import { TimelineView } from "@/components/timeline/timeline-view";

export const metadata: Metadata = { title: "Timeline" };
export const dynamic = "force-dynamic";

export default async function TimelinePage() {
  const actor = await requirePageActor("/timeline");
  return (
    <AppShell actor={actor}>
      <h1 className="mb-3 text-xl font-semibold">Timeline</h1>
      <Suspense fallback={<p className="text-sm text-slate-600">Loading timeline…</p>}>
        <TimelineView />
      </Suspense>
    </AppShell>
  );
}
