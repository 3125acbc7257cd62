import { z } from "zod";
import type { LaunchOperationsView } from "@/lib/contracts/actions";
import type { Actor } from "@/lib/domain/actor";
import { VendorError, VendorNotFoundError, VendorRefusedError } from "@/lib/connectors/errors";
import type { Connector, LaunchOperation } from "@/lib/connectors/types";
import { getSource } from "@/lib/data/sources";
import { getDb, type Db } from "@/lib/db/client";
import { roleAllows } from "@/lib/domain/roles";
import type { SourceKind } from "@/lib/domain/source-kind";
import { Forbidden, IdempotencyKeyReused, Invalid, NotFound } from "@/lib/domain/errors";
import { logger } from "@/lib/log";
import { connectorForSource } from "@/lib/sync/connector-for-source";
import { notifyJobChanges, pokeSource } from "@/lib/sync/notify";
import { withStagedJobs } from "@/lib/sync/stage-jobs";
import { storeJobs } from "@/lib/sync/store-jobs";
import { beginAction, finishAction, type ActionRow } from "./action-log";

export interface LaunchInput {
  sourceId: string;
  operation: string;
  params: Record<string, unknown>;
  reason: string | null;
  /** For high-risk operations: the source's name, typed by the operator. */
  confirmation: string | null;
  idempotencyKey: string;
  actor: Actor;
}

export interface LaunchOutcome {
  action: ActionRow;
  vendorId: string | null;
  jobId: string | null;
}

/** Audit rows of launches are named apart from job actions ("cancel"), since they have no job. */
export const launchActionName = (operation: string) => `launch:${operation}`;

/** The operations a source offers, each with its options described as JSON Schema for form building. */
export async function listLaunchOperations(
  sourceId: string,
  db: Db = getDb(),
): Promise<LaunchOperationsView | null> {
  const source = await getSource(sourceId, db);
  if (!source) return null;
  const connector = await connectorForSource(sourceId, db);
  return {
    source: { id: source.id, name: source.name, kind: source.kind as SourceKind },
    operations: (connector.launchOperations ?? []).map((op) => ({
      operation: op.operation,
      label: op.label,
      description: op.description,
      role: op.role,
      risk: op.risk,
      params: z.toJSONSchema(op.params, { io: "input", unrepresentable: "any" }) as Record<
        string,
        unknown
      >,
    })),
  };
}

/**
 * Starts vendor work that belongs to no job yet (an Eyeglass readiness run, a failover, a DFM
 * purge) through the same guard as job actions: the operation's own role, reason and typed
 * confirmation when it is high risk, one vendor call per idempotency key, audit rows around it.
 */
export async function launchOperation(
  input: LaunchInput,
  db: Db = getDb(),
): Promise<LaunchOutcome> {
  if (input.actor.kind === "display") throw new Forbidden("Display tokens are read-only.");
  const source = await getSource(input.sourceId, db);
  if (!source) throw new NotFound(`No source ${input.sourceId}.`);
  const connector = await connectorForSource(source.id, db);
  const op = connector.launchOperations?.find((o) => o.operation === input.operation);
  if (!op || !connector.launch)
    throw new NotFound(`${source.name} offers no operation "${input.operation}".`);
  if (!roleAllows(input.actor.role, op.role))
    throw new Forbidden(`${op.label} needs the ${op.role} role; you are ${input.actor.role}.`);
  assertConfirmed(op, input, source.name);
  const params = parseParams(op, input.params);
  const action = launchActionName(op.operation);

  const begun = await beginAction(db, {
    idempotencyKey: input.idempotencyKey,
    jobId: null,
    sourceId: source.id,
    actor: input.actor,
    action,
    params,
    reason: input.reason?.trim() || null,
  });
  if (!begun.created) return replay(db, begun.action, source.id, action);

  try {
    const result = await connector.launch(
      { operation: op.operation, params },
      AbortSignal.timeout(60_000),
    );
    const finished = await finishAction(db, begun.action.id, "succeeded", result.vendorReply);
    const jobId = result.vendorId
      ? await storeLaunchedJob(
          db,
          connector,
          { id: source.id, kind: source.kind as SourceKind },
          result.vendorId,
        )
      : null;
    // Who launched a run is part of its evidence: the launch names the job it started.
    if (jobId)
      await db.action.update({ where: { id: begun.action.id }, data: { launchedJobId: jobId } });
    await pokeSource(db, source.id);
    return { action: finished, vendorId: result.vendorId, jobId };
  } catch (err) {
    const refused = err instanceof VendorRefusedError || err instanceof VendorNotFoundError;
    const reply =
      err instanceof VendorError
        ? err.message
        : `Launch failed: ${err instanceof Error ? err.message : String(err)}`;
    const finished = await finishAction(db, begun.action.id, refused ? "refused" : "failed", reply);
    if (!refused)
      logger.warn({ err, sourceId: source.id, operation: op.operation }, "vendor launch failed");
    return { action: finished, vendorId: null, jobId: null };
  }
}

/** The browser asks for these too, but a direct API caller must not be able to skip them. */
function assertConfirmed(op: LaunchOperation, input: LaunchInput, sourceName: string): void {
  if (op.risk !== "high") return;
  const errors: Array<{ parameter: string; message: string }> = [];
  if (!input.reason?.trim()) errors.push({ parameter: "reason", message: "required" });
  if (input.confirmation !== sourceName)
    errors.push({ parameter: "confirmation", message: `type the source name "${sourceName}"` });
  if (errors.length > 0) {
    throw new Invalid(
      `${op.label} is high risk: give a reason and type the source name "${sourceName}" to confirm.`,
      errors,
    );
  }
}

function parseParams(
  op: LaunchOperation,
  params: Record<string, unknown>,
): Record<string, unknown> {
  const parsed = op.params.safeParse(params);
  if (parsed.success) return parsed.data;
  const errors = parsed.error.issues.map((i) => ({
    parameter: ["params", ...i.path.map(String)].join("."),
    message: i.message,
  }));
  throw new Invalid(
    `Invalid options for ${op.label}: ${errors.map((e) => `${e.parameter}: ${e.message}`).join("; ")}`,
    errors,
  );
}

async function replay(
  db: Db,
  prior: ActionRow,
  sourceId: string,
  action: string,
): Promise<LaunchOutcome> {
  const row = await db.action.findUnique({ where: { id: prior.id }, select: { sourceId: true } });
  if (prior.jobId !== null || prior.action !== action || row?.sourceId !== sourceId) {
    throw new IdempotencyKeyReused(
      "This Idempotency-Key was already used for a different request.",
    );
  }
  return { action: prior, vendorId: null, jobId: null };
}

/**
 * Stores the started job at once so the operator can open it from the answer; if the vendor cannot
 * be asked right now the worker's next poll brings it, so a failure here is only logged.
 */
async function storeLaunchedJob(
  db: Db,
  connector: Connector,
  source: { id: string; kind: SourceKind },
  vendorId: string,
): Promise<string | null> {
  try {
    const record = await connector.getJob(vendorId, AbortSignal.timeout(15_000));
    if (!record) return null;
    return await withStagedJobs(db, [record], (staged) =>
      db.$transaction(async (tx) => {
        const stored = await storeJobs(tx, source, staged, new Date());
        await notifyJobChanges(tx, source.id, stored.changedJobIds);
        const job = await tx.job.findUnique({
          where: { sourceId_vendorId: { sourceId: source.id, vendorId } },
          select: { id: true },
        });
        return job?.id ?? null;
      }),
    );
  } catch (err) {
    logger.warn({ err, sourceId: source.id, vendorId }, "launched job could not be stored yet");
    return null;
  }
}
