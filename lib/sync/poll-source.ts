import type { Prisma } from "@/lib/generated/prisma/client";
import { VendorError } from "@/lib/connectors/errors";
import type { SyncBatch, SyncCursor } from "@/lib/connectors/types";
import type { Db } from "@/lib/db/client";
import { JOB_STATES, isActive } from "@/lib/domain/job-state";
import type { SourceKind } from "@/lib/domain/source-kind";
import { connectorForSource } from "./connector-for-source";
import { markGone } from "./mark-gone";
import { notifyJobChanges, notifySourceChange } from "./notify";
import { nextPollDelayMs } from "./cadence";
import { storeJobs } from "./store-jobs";
import { storeScheduled } from "./store-scheduled";

export interface PollOutcome {
  ok: boolean;
  changed: number;
  error?: string;
  nextPollAt: Date;
}

interface PollableSource {
  id: string;
  kind: SourceKind;
  cursor: unknown;
  pollIntervalMs: number;
  fastPollIntervalMs: number;
  consecutiveFailures: number;
}

const ACTIVE_STATES = JOB_STATES.filter(isActive);

/**
 * One poll of one source: ask the connector what changed, store it in one transaction (so a crash
 * or a bad reply leaves nothing half-written), record the source's health and when to poll next.
 */
export async function pollSource(db: Db, source: PollableSource, signal?: AbortSignal): Promise<PollOutcome> {
  const startedAt = new Date();
  let batch: SyncBatch;
  try {
    const connector = await connectorForSource(source.id, db);
    batch = await connector.listChanged((source.cursor as SyncCursor | null) ?? null, signal);
  } catch (err) {
    return recordFailure(db, source, err, startedAt);
  }
  try {
    return await db.$transaction(
      async (tx) => {
        const now = new Date();
        const stored = await storeJobs(tx, source, batch.jobs, now);
        const gone = batch.presentIds ? await markGone(tx, source.id, batch.presentIds, now) : [];
        if (batch.scheduled) await storeScheduled(tx, source.id, batch.scheduled, now);
        const changed = [...stored.changedJobIds, ...gone];
        await notifyJobChanges(tx, source.id, changed);
        const active = await tx.job.count({
          where: { sourceId: source.id, goneAt: null, state: { in: ACTIVE_STATES } },
        });
        const nextPollAt = new Date(now.getTime() + nextPollDelayMs({ ...source, consecutiveFailures: 0 }, active > 0));
        await tx.source.update({
          where: { id: source.id },
          data: {
            cursor: batch.cursor as Prisma.InputJsonValue,
            lastPollAt: now,
            lastSuccessAt: now,
            lastError: null,
            consecutiveFailures: 0,
            nextPollAt,
          },
        });
        await notifySourceChange(tx, source.id);
        return { ok: true, changed: changed.length, nextPollAt };
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
  } catch (err) {
    return recordFailure(db, source, err, startedAt);
  }
}

async function recordFailure(db: Db, source: PollableSource, err: unknown, at: Date): Promise<PollOutcome> {
  const message = describeFailure(err);
  const failures = source.consecutiveFailures + 1;
  const nextPollAt = new Date(at.getTime() + nextPollDelayMs({ ...source, consecutiveFailures: failures }, false));
  await db.$transaction(async (tx) => {
    await tx.source.update({
      where: { id: source.id },
      data: { lastPollAt: at, lastErrorAt: at, lastError: message, consecutiveFailures: failures, nextPollAt },
    });
    await notifySourceChange(tx, source.id);
  });
  return { ok: false, changed: 0, error: message, nextPollAt };
}

function describeFailure(err: unknown): string {
  if (err instanceof VendorError) return err.message;
  if (err instanceof Error) return `sync failed: ${err.message}`;
  return `sync failed: ${String(err)}`;
}
