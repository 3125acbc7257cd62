import type { Db } from "@/lib/db/client";
import { logger } from "@/lib/log";
import { refreshJobIfStale } from "@/lib/services/jobs/refresh-job";

/** An action still pending after this long never heard its outcome (the vendor call is bounded at 60 s). */
export const PENDING_DEADLINE_MS = 5 * 60_000;

export interface ReapOutcome {
  /** Actions moved from pending to unknown. */
  markedUnknown: string[];
  /** Unknown actions whose job's vendor state was asked for and recorded. */
  resolved: string[];
}

/**
 * Actions whose outcome was never heard (the process died after asking the vendor, or the row was
 * written and the connector could not be built) are marked `unknown` so retries with the same key
 * stop answering 202 forever; then the vendor is asked what became of the job, and the answer is
 * written to the audit trail and shown with the action. Safe to run from several workers at once:
 * each action is claimed with SKIP LOCKED and moved in the statement that claims it.
 */
export async function reapPendingActions(
  db: Db,
  deadlineMs = PENDING_DEADLINE_MS,
): Promise<ReapOutcome> {
  const markedUnknown = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<Array<{ id: string }>>`
      UPDATE "Action" SET status = 'unknown'
      WHERE id IN (
        SELECT id FROM "Action"
        WHERE status = 'pending' AND "requestedAt" < now() - make_interval(secs => ${deadlineMs / 1000})
        FOR UPDATE SKIP LOCKED)
      RETURNING id`;
    for (const { id } of rows) {
      await tx.auditEntry.create({
        data: {
          actionId: id,
          stage: "unknown",
          detail: `No outcome was recorded within ${Math.round(deadlineMs / 60_000)} minutes (the process may have stopped after asking the vendor); asking the vendor for the job's state.`,
        },
      });
    }
    return rows.map((r) => r.id);
  });

  const resolved: string[] = [];
  const open = await db.action.findMany({
    where: { status: "unknown", completedAt: null },
    select: { id: true, jobId: true, action: true },
    orderBy: { requestedAt: "asc" },
    take: 50,
  });
  for (const action of open) {
    if (await resolveUnknown(db, action)) resolved.push(action.id);
  }
  return { markedUnknown, resolved };
}

async function resolveUnknown(
  db: Db,
  action: { id: string; jobId: string | null; action: string },
): Promise<boolean> {
  let detail: string;
  if (!action.jobId) {
    detail = "The job this action was about is no longer stored; its outcome cannot be checked.";
  } else {
    const error = await refreshJobIfStale(action.jobId, db, 0);
    if (error) {
      // The vendor could not be asked now: the next round asks again.
      logger.warn(
        { actionId: action.id, error },
        "could not ask the vendor about an action whose outcome is unknown",
      );
      return false;
    }
    const job = await db.job.findUnique({
      where: { id: action.jobId },
      select: { state: true, vendorState: true, goneAt: true },
    });
    detail = !job
      ? "The job this action was about is no longer stored; its outcome cannot be checked."
      : job.goneAt
        ? `The vendor no longer has the job, so whether the ${action.action} took effect cannot be read.`
        : `The vendor now reports the job as ${job.state} (${job.vendorState}).`;
  }
  const claimed = await db.$transaction(async (tx) => {
    const n = await tx.$executeRaw`
      UPDATE "Action" SET "completedAt" = now(), "vendorReply" = ${detail}
      WHERE id = ${action.id}::uuid AND status = 'unknown' AND "completedAt" IS NULL`;
    if (n === 0) return false;
    await tx.auditEntry.create({ data: { actionId: action.id, stage: "vendor-state", detail } });
    return true;
  });
  return claimed;
}
