import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { VendorError, VendorNotFoundError, VendorRefusedError } from "@/lib/connectors/errors";
import type { Connector } from "@/lib/connectors/types";
import { getJobForAction } from "@/lib/data/jobs";
import { getDb, type Db } from "@/lib/db/client";
import { ACTION_RISK, ACTION_ROLE, type JobAction } from "@/lib/domain/actions";
import type { JobState } from "@/lib/domain/job-state";
import { roleAllows } from "@/lib/domain/roles";
import { badRequest, forbidden, HttpError, notFound } from "@/lib/http/problem";
import { logger } from "@/lib/log";
import { refreshJobIfStale } from "@/lib/services/jobs/refresh-job";
import { connectorForSource } from "@/lib/sync/connector-for-source";
import { pokeSource } from "@/lib/sync/notify";
import { beginAction, finishAction, type ActionRow } from "./action-log";

export interface JobActionInput {
  jobId: string;
  action: JobAction;
  params: Record<string, unknown>;
  reason: string | null;
  idempotencyKey: string;
  actor: Actor;
}

export interface JobActionOutcome {
  httpStatus: number;
  action: ActionRow;
}

/**
 * The one path by which an operator's decision reaches a vendor: role, reason and capability checks,
 * an idempotency key (a double click or a retried request is one vendor call), and an audit entry
 * before the call and another with its outcome.
 */
export async function performJobAction(input: JobActionInput, db: Db = getDb()): Promise<JobActionOutcome> {
  const need = ACTION_ROLE[input.action];
  if (input.actor.kind === "display") throw forbidden("Display tokens are read-only.");
  if (!roleAllows(input.actor.role, need)) throw forbidden(`${input.action} needs the ${need} role; you are ${input.actor.role}.`);
  if (ACTION_RISK[input.action] === "high" && !input.reason?.trim()) {
    throw badRequest(`A reason is required to ${input.action} a job.`, [{ parameter: "reason", message: "required" }]);
  }
  const job = await getJobForAction(input.jobId, db);
  if (!job) throw notFound(`No job ${input.jobId}.`);

  const begun = await beginAction(db, {
    idempotencyKey: input.idempotencyKey,
    jobId: job.id,
    sourceId: job.sourceId,
    actor: input.actor,
    action: input.action,
    params: input.params,
    reason: input.reason,
  });
  if (!begun.created) {
    const prior = begun.action;
    if (prior.jobId !== job.id || prior.action !== input.action) {
      throw new HttpError(422, "Idempotency key reused", "This Idempotency-Key was already used for a different action.");
    }
    return { httpStatus: prior.status === "pending" ? 202 : statusFor(prior.status), action: prior };
  }

  const connector = await connectorForSource(job.sourceId, db);
  const refusal = refusalReason(connector, job, input.action);
  if (refusal) {
    const action = await finishAction(db, begun.action.id, "refused", refusal);
    return { httpStatus: 409, action };
  }
  try {
    const result = await connector.perform(
      jobView(job),
      { action: input.action, params: input.params },
      AbortSignal.timeout(60_000),
    );
    const action = await finishAction(db, begun.action.id, "succeeded", result.vendorReply);
    await afterVendorChange(db, job.id, job.sourceId);
    return { httpStatus: 200, action };
  } catch (err) {
    const { status, reply } = classify(err);
    const action = await finishAction(db, begun.action.id, status, reply);
    if (status === "failed") logger.warn({ err, jobId: job.id, action: input.action }, "vendor action failed");
    return { httpStatus: statusFor(status, err), action };
  }
}

function refusalReason(connector: Connector, job: ActionJob, action: JobAction): string | null {
  if (job.goneAt) return "The vendor no longer has this job.";
  const allowed = connector.capabilities(jobView(job));
  if (allowed.includes(action)) return null;
  return `A job in state ${job.state} (${job.vendorState}) does not allow ${action}; it allows ${allowed.join(", ") || "no actions"}.`;
}

type ActionJob = NonNullable<Awaited<ReturnType<typeof getJobForAction>>>;

function jobView(job: ActionJob) {
  return { vendorId: job.vendorId, type: job.type, state: job.state as JobState, vendorState: job.vendorState, raw: job.raw };
}

function classify(err: unknown): { status: "refused" | "failed"; reply: string } {
  if (err instanceof VendorRefusedError || err instanceof VendorNotFoundError) return { status: "refused", reply: err.message };
  if (err instanceof z.ZodError) return { status: "refused", reply: `Invalid parameters: ${err.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}` };
  if (err instanceof VendorError) return { status: "failed", reply: err.message };
  return { status: "failed", reply: `Action failed: ${err instanceof Error ? err.message : String(err)}` };
}

function statusFor(status: ActionRow["status"], err?: unknown): number {
  if (status === "succeeded") return 200;
  if (status === "refused") return err instanceof z.ZodError ? 400 : 409;
  if (status === "pending") return 202;
  // The vendor was asked but its answer was never recorded (see reap-pending): like a gateway timeout.
  if (status === "unknown") return 504;
  return 502;
}

/** Show the vendor's new state as soon as it has one: refresh this job now and poll its source. */
async function afterVendorChange(db: Db, jobId: string, sourceId: string): Promise<void> {
  await refreshJobIfStale(jobId, db, 0);
  await pokeSource(db, sourceId);
}
