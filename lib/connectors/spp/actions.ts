import { z } from "zod";
import { VendorRefusedError } from "@/lib/connectors/errors";
import type { ActionRequest, ActionResult, JobView } from "@/lib/connectors/types";
import type { JobAction } from "@/lib/domain/actions";
import type { SppClient } from "./client";
import { jobSessionSchema } from "./schemas";

/**
 * The operator's answer to "keep data already backed up?": true catalogs the objects that finished
 * before the cancel, false discards them.
 */
export const sppCancelParamsSchema = z
  .object({
    catalogCompletedObjects: z.boolean({ error: "choose whether to keep data already backed up" }),
  })
  .strict();

/** Statuses in which SPP still accepts a cancel. Pause and resume are not offered: unconfirmed on SPP. */
const CANCELABLE = new Set(["RUNNING", "PENDING", "WAITING", "HELD"]);

export function sppCapabilities(job: JobView): JobAction[] {
  return CANCELABLE.has(job.vendorState.toUpperCase()) ? ["cancel"] : [];
}

export async function performSppAction(
  client: SppClient,
  job: JobView,
  request: ActionRequest,
  signal?: AbortSignal,
): Promise<ActionResult> {
  if (request.action !== "cancel") {
    throw new VendorRefusedError(
      `IBM Spectrum Protect Plus job sessions offer cancel only, not ${request.action}`,
      null,
    );
  }
  const params = sppCancelParamsSchema.safeParse(request.params);
  if (!params.success) {
    throw new VendorRefusedError(
      `Cancel needs catalogCompletedObjects (true keeps data already backed up, false discards it): ${params.error.issues[0]?.message ?? "invalid"}`,
      "invalid_params",
    );
  }
  const { catalogCompletedObjects } = params.data;
  const res = await client.send(
    {
      method: "POST",
      path: `/api/endeavour/jobsession/${encodeURIComponent(job.vendorId)}`,
      query: { action: "cancel" },
      body: { catalogCompletedObjects },
      idempotent: false,
    },
    signal,
  );
  if (res.status !== 201 && res.status !== 200)
    throw client.errorFor(res, `cancel job session ${job.vendorId}`);
  const status = readStatus(res.text);
  const keep = catalogCompletedObjects
    ? "completed objects will be cataloged"
    : "completed objects will be discarded";
  return {
    vendorReply: `SPP accepted cancel of job session ${job.vendorId} (HTTP ${res.status}${status ? `, status ${status}` : ""}); ${keep}`,
  };
}

/** The reply's status is a courtesy for the audit trail; a reply without one is still a success. */
function readStatus(text: string): string | null {
  try {
    const parsed = jobSessionSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.status : null;
  } catch {
    return null;
  }
}
