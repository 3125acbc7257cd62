import type { JobAction } from "@/lib/domain/actions";
import { VendorRefusedError } from "@/lib/connectors/errors";
import type { ActionRequest, ActionResult, JobView } from "@/lib/connectors/types";
import type { OntapAction, OntapClient } from "./client";

/**
 * ONTAP does not say which jobs accept pause or cancel ("individual operations indicate if they
 * support PATCH"), so this is per job type; the cluster still has the last word (458783/458784).
 */
const PAUSABLE: ReadonlySet<string> = new Set(["volume-move", "snapmirror-initialize"]);
const CANCELLABLE: ReadonlySet<string> = new Set([
  "volume-move",
  "snapmirror-initialize",
  "cluster-backup",
  "clone-split",
]);

export function ontapCapabilities(job: JobView): JobAction[] {
  const out: JobAction[] = [];
  if (job.state === "running" && PAUSABLE.has(job.type)) out.push("pause");
  if (job.state === "paused") out.push("resume");
  const open = job.state === "queued" || job.state === "running" || job.state === "paused";
  if (open && CANCELLABLE.has(job.type)) out.push("cancel");
  return out;
}

function asOntapAction(action: JobAction): OntapAction | null {
  return action === "pause" || action === "resume" || action === "cancel" ? action : null;
}

export async function performOntapAction(
  client: OntapClient,
  job: JobView,
  request: ActionRequest,
  signal?: AbortSignal,
): Promise<ActionResult> {
  const action = asOntapAction(request.action);
  if (!action)
    throw new VendorRefusedError(
      `ONTAP jobs can only be paused, resumed or cancelled, not "${request.action}"`,
      null,
    );
  const res = await client.act(job.vendorId, action, signal);
  return { vendorReply: `ONTAP accepted ${action} of job ${job.vendorId} (HTTP ${res.status})` };
}
