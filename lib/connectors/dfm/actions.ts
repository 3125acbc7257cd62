import { z } from "zod";
import type { JobAction } from "@/lib/domain/actions";
import { VendorRefusedError } from "@/lib/connectors/errors";
import type {
  ActionRequest,
  ActionResult,
  JobView,
  LaunchOperation,
  LaunchRequest,
  LaunchResult,
} from "@/lib/connectors/types";
import type { DfmClient } from "./client";

/** Abort while DFM still has work to stop; purge once it is finished, since DFM purges only completed jobs. */
export function dfmCapabilities(job: JobView): JobAction[] {
  if (job.state === "running" || job.state === "queued") return ["abort"];
  if (
    job.state === "succeeded" ||
    job.state === "partial" ||
    job.state === "failed" ||
    job.state === "aborted"
  )
    return ["purge"];
  return [];
}

export async function performDfmAction(
  client: DfmClient,
  job: JobView,
  request: ActionRequest,
  signal?: AbortSignal,
): Promise<ActionResult> {
  if (!/^\d+$/.test(job.vendorId))
    throw new VendorRefusedError(`"${job.vendorId}" is not a DFM job id`, null);
  const args = { "job-id": job.vendorId };
  switch (request.action) {
    case "abort":
      await client.call("dp-job-abort", args, { idempotent: false, signal });
      return {
        vendorReply: `dp-job-abort accepted: DFM marks job ${job.vendorId} aborting and stops it shortly`,
      };
    case "purge": {
      // DFM purges only successfully completed jobs unless told otherwise (3.6R2 dp-job-purge):
      // without the flag a failed job would silently stay.
      const withError = job.state !== "succeeded";
      await client.call(
        "dp-job-purge",
        { ...args, "purge-jobs-completed-with-error": String(withError) },
        { idempotent: false, signal },
      );
      return {
        vendorReply: `dp-job-purge accepted: job ${job.vendorId} removed from the DFM database`,
      };
    }
    default:
      throw new VendorRefusedError(
        `DFM jobs cannot be asked to ${request.action}; only abort and purge exist`,
        null,
      );
  }
}

const purgeBeforeParams = z.object({
  completedBefore: z.iso
    .datetime({ offset: true })
    .describe("Jobs that completed successfully before this time are purged."),
  includeFailed: z
    .boolean()
    .default(false)
    .describe("Also purge jobs that completed with errors (failed, partially failed, aborted)."),
});

export const DFM_LAUNCH_OPERATIONS: readonly LaunchOperation[] = [
  {
    operation: "purge-completed-before",
    label: "Purge completed jobs",
    role: "admin",
    risk: "high",
    params: purgeBeforeParams,
    description:
      "Removes completed jobs from the DFM database (dp-job-purge); all their information is lost.",
  },
];

export async function launchDfmOperation(
  client: DfmClient,
  request: LaunchRequest,
  signal?: AbortSignal,
): Promise<LaunchResult> {
  if (request.operation !== "purge-completed-before")
    throw new VendorRefusedError(`DFM has no operation "${request.operation}"`, null);
  const parsed = purgeBeforeParams.safeParse(request.params);
  if (!parsed.success)
    throw new VendorRefusedError(
      `Purge needs a valid completion time: ${parsed.error.issues[0]?.message ?? "invalid"}`,
      null,
    );
  const seconds = Math.floor(Date.parse(parsed.data.completedBefore) / 1000);
  await client.call(
    "dp-job-purge",
    {
      "completed-timestamp": String(seconds),
      "purge-jobs-completed-with-error": String(parsed.data.includeFailed),
    },
    { idempotent: false, signal },
  );
  const which = parsed.data.includeFailed
    ? "completed jobs (including those with errors)"
    : "successfully completed jobs";
  return {
    vendorReply: `dp-job-purge accepted: ${which} before ${parsed.data.completedBefore} removed`,
    vendorId: null,
  };
}
