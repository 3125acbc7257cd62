import { z } from "zod";
import type { Actor } from "@/lib/domain/actor";
import { VendorError, VendorNotFoundError, VendorRefusedError } from "@/lib/connectors/errors";
import type { Connector } from "@/lib/connectors/types";
import { getJobForAction } from "@/lib/data/jobs";
import { getDb, type Db } from "@/lib/db/client";
import { ACTION_RISK, ACTION_ROLE, type JobAction } from "@/lib/domain/actions";
import type { JobState } from "@/lib/domain/job-state";
import { roleAllows } from "@/lib/domain/roles";
import { Forbidden, IdempotencyKeyReused, Invalid, NotFound } from "@/lib/domain/errors";
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
  action: ActionRow;
  /** The connector refused the action's parameters before asking the vendor: the caller's mistake. */
  paramsRejected: boolean;
}

/**
 * The one path by which an operator's decision reaches a vendor: role, reason and capability checks,
 * an idempotency key (a double click or a retried request is one vendor call), and an audit entry
 * before the call and another with its outcome.
 */
export async function performJobAction(
  input: JobActionInput,
  db: Db = getDb(),
): Promise<JobActionOutcome> {
  const need = ACTION_ROLE[input.action];
  if (input.actor.kind === "display") throw new Forbidden("Display tokens are read-only.");
  if (!roleAllows(input.actor.role, need))
    throw new Forbidden(`${input.action} needs the ${need} role; you are ${input.actor.role}.`);
  if (ACTION_RISK[input.action] === "high" && !input.reason?.trim()) {
    throw new Invalid(`A reason is required to ${input.action} a job.`, [
      { parameter: "reason", message: "required" },
    ]);
  }
  const job = await getJobForAction(input.jobId, db);
  if (!job) throw new NotFound(`No job ${input.jobId}.`);

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
      throw new IdempotencyKeyReused(
        "This Idempotency-Key was already used for a different action.",
      );
    }
    return { action: prior, paramsRejected: false };
  }

  const connector = await connectorForSource(job.sourceId, db);
  const refusal = refusalReason(connector, job, input.action);
  if (refusal) {
    const action = await finishAction(db, begun.action.id, "refused", refusal);
    return { action, paramsRejected: false };
  }
  try {
    const result = await connector.perform(
      jobView(job),
      { action: input.action, params: input.params },
      AbortSignal.timeout(60_000),
    );
    const action = await finishAction(db, begun.action.id, "succeeded", result.vendorReply);
    await afterVendorChange(db, job.id, job.sourceId);
    return { action, paramsRejected: false };
  } catch (err) {
    const { status, reply } = classify(err);
    const action = await finishAction(db, begun.action.id, status, reply);
    if (status === "failed")
      logger.warn({ err, jobId: job.id, action: input.action }, "vendor action failed");
    return { action, paramsRejected: err instanceof z.ZodError };
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
  return {
    vendorId: job.vendorId,
    type: job.type,
    state: job.state as JobState,
    vendorState: job.vendorState,
    raw: job.raw,
  };
}

function classify(err: unknown): { status: "refused" | "failed"; reply: string } {
  if (err instanceof VendorRefusedError || err instanceof VendorNotFoundError)
    return { status: "refused", reply: err.message };
  if (err instanceof z.ZodError)
    return {
      status: "refused",
      reply: `Invalid parameters: ${err.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    };
  if (err instanceof VendorError) return { status: "failed", reply: err.message };
  return {
    status: "failed",
    reply: `Action failed: ${err instanceof Error ? err.message : String(err)}`,
  };
}

/** Show the vendor's new state as soon as it has one: refresh this job now and poll its source. */
async function afterVendorChange(db: Db, jobId: string, sourceId: string): Promise<void> {
  await refreshJobIfStale(jobId, db, 0);
  await pokeSource(db, sourceId);
}
