import type { JobAction } from "@/lib/domain/actions";
import { VendorRefusedError } from "@/lib/connectors/errors";
import type {
  ActionRequest,
  ActionResult,
  JobView,
  LaunchRequest,
  LaunchResult,
} from "@/lib/connectors/types";
import type { EyeglassClient } from "./client";
import { EYEGLASS_LAUNCHES } from "./launch-operations";
import { parseVendorId, vendorIdOf, type Family } from "./map";
import { idReplySchema } from "./schemas";

/** Only failover jobs can be stopped, and only while queued or running (DELETE /v2/jobs/failover/{id}). */
export function eyeglassCapabilities(job: JobView): JobAction[] {
  const parsed = parseVendorId(job.vendorId);
  if (parsed?.family !== "failover") return [];
  return job.state === "running" || job.state === "queued" ? ["cancel"] : [];
}

export async function performEyeglassAction(
  client: EyeglassClient,
  job: JobView,
  request: ActionRequest,
  signal?: AbortSignal,
): Promise<ActionResult> {
  if (request.action !== "cancel")
    throw new VendorRefusedError(
      `Eyeglass jobs cannot be asked to ${request.action}; only a failover can be cancelled`,
      null,
    );
  const parsed = parseVendorId(job.vendorId);
  if (parsed?.family !== "failover")
    throw new VendorRefusedError("Eyeglass can only cancel failover jobs", null);
  const { data } = await client.delete(
    `v2/jobs/failover/${encodeURIComponent(parsed.id)}`,
    idReplySchema,
    `cancel failover job ${parsed.id}`,
    signal,
  );
  return { vendorReply: `Eyeglass accepted the cancel of failover job ${data.id}` };
}

const FAMILY_OF: Record<string, Family> = { readiness: "readiness", replication: "replication" };

function toQuery(params: Record<string, unknown>): Record<string, string | boolean | undefined> {
  const query: Record<string, string | boolean | undefined> = {};
  for (const [k, v] of Object.entries(params))
    if (typeof v === "string" || typeof v === "boolean") query[k] = v;
  return query;
}

export async function launchEyeglassJob(
  client: EyeglassClient,
  request: LaunchRequest,
  signal?: AbortSignal,
): Promise<LaunchResult> {
  const op = EYEGLASS_LAUNCHES.find((o) => o.operation === request.operation);
  if (!op) throw new VendorRefusedError(`Eyeglass has no operation "${request.operation}"`, null);
  const parsed = op.params.safeParse(request.params);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new VendorRefusedError(
      `${op.label}: invalid ${issue?.path.join(".") || "parameters"}: ${issue?.message ?? "invalid"}`,
      null,
    );
  }
  const { data } = await client.post(
    op.path,
    toQuery(parsed.data),
    idReplySchema,
    op.label.toLowerCase(),
    signal,
  );
  const family = FAMILY_OF[op.operation] ?? "failover";
  return { vendorReply: `Eyeglass started job ${data.id}`, vendorId: vendorIdOf(family, data.id) };
}
