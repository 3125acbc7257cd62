import type { Metadata } from "next";
import { AppShell } from "@/components/layout/app-shell";
import { requirePageActor } from "@/components/layout/page-actor";
import { JobsTable } from "@/components/jobs/jobs-table";

export const metadata: Metadata = { title: "Jobs" };
export const dynamic = "force-dynamic";

export default async function JobsPage() {
  const actor = await requirePageActor("/jobs");
  return (
    <AppShell actor={actor}>
      <h1 className="mb-3 text-xl font-semibold">Jobs</h1>
      <JobsTable />
    </AppShell>
  );
}
