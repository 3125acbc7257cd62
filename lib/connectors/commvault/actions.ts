import { VendorRefusedError } from "@/lib/connectors/errors";
import type { ActionRequest, ActionResult, JobView } from "@/lib/connectors/types";
import type { JobAction } from "@/lib/domain/actions";
import type { CommvaultClient, JobVerb } from "./client";

/** Commvault suspends, resumes and kills any job the Job Manager still runs, queued ones included. */
export function commvaultCapabilities(job: JobView): JobAction[] {
  switch (job.state) {
    case "running":
    case "queued":
      return ["pause", "kill"];
    case "paused":
      return ["resume", "kill"];
    default:
      return [];
  }
}

const VERBS: Partial<Record<JobAction, JobVerb>> = {
  pause: "pause",
  resume: "resume",
  kill: "kill",
};

export async function performCommvaultAction(
  client: CommvaultClient,
  job: JobView,
  request: ActionRequest,
  signal?: AbortSignal,
): Promise<ActionResult> {
  const verb = VERBS[request.action];
  if (!verb)
    throw new VendorRefusedError(
      `Commvault DR jobs cannot ${request.action}; use pause, resume or kill`,
      null,
    );
  return { vendorReply: await client.jobAction(job.vendorId, verb, signal) };
}
