"use client";

import { ActionBar } from "@/components/actions/action-bar";
import { PhaseGantt } from "@/components/gantt/phase-gantt";
import { JobHeader } from "@/components/job-page/job-header";
import { ProgressFeed } from "@/components/job-page/progress-feed";
import { ThroughputChart } from "@/components/job-page/throughput-chart";
import { useBaseline } from "@/components/job-page/use-baseline";
import { VendorLog } from "@/components/job-page/vendor-log";
import type { Role } from "@/lib/domain/roles";
import { useJob } from "./use-job";

/** The job page: what it is doing now, what it has done, how long it will take, what went wrong, what to do. */
export function JobView({ id, role }: { id: string; role: Role }) {
  const { data, error, isPending } = useJob(id);
  const baseline = useBaseline(id);
  if (isPending) return <p className="text-sm text-slate-500">Loading job…</p>;
  if (error)
    return (
      <p role="alert" className="text-sm text-red-700 dark:text-red-300">
        Could not load this job: {error.message}
      </p>
    );
  return (
    <div className="space-y-6">
      <JobHeader detail={data} baseline={baseline.data} />
      <ActionBar job={data.job} allowed={data.allowedActions} role={role} audit={data.actions} />
      <PhaseGantt job={data.job} phases={data.phases} baselines={baseline.data?.phases} />
      <div className="grid gap-6 lg:grid-cols-2">
        <ProgressFeed jobId={id} head={data.events} />
        <ThroughputChart samples={data.samples} />
      </div>
      <VendorLog jobId={id} lineCount={data.logLineCount} />
    </div>
  );
}
