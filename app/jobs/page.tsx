import type { Metadata } from "next";
import { Suspense } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { requirePageActor } from "@/lib/auth/page-actor";
import { JobsExplorer } from "@/components/explorer/jobs-explorer";

export const metadata: Metadata = { title: "Jobs" };
export const dynamic = "force-dynamic";

export default async function JobsPage() {
  const actor = await requirePageActor("/jobs");
  return (
    <AppShell actor={actor}>
      <h1 className="mb-3 text-xl font-semibold">Jobs</h1>
      <Suspense fallback={<p className="text-sm text-slate-600">Loading jobs…</p>}>
        <JobsExplorer
          role={actor.kind === "display" ? "viewer" : actor.role}
          canSaveViews={actor.kind === "user"}
        />
      </Suspense>
    </AppShell>
  );
}
