import type { Prisma } from "@/lib/generated/prisma/client";
import { VendorError } from "@/lib/connectors/errors";
import type { Connector, SyncCursor } from "@/lib/connectors/types";
import type { Db, Tx } from "@/lib/db/client";
import { UNFINISHED_STATES } from "@/lib/domain/job-state";
import type { SourceKind } from "@/lib/domain/source-kind";
import { connectorForSource } from "./connector-for-source";
import { fenceLease, LeaseLostError } from "./leases";
import { notifyJobChanges, notifySourceChange } from "./notify";
import { nextPollDelayMs } from "./cadence";
import { prepareStep, storeStep, type PreparedStep } from "./store-step";

export interface PollOutcome {
  ok: boolean;
  changed: number;
  /** Bounded steps committed by this poll. */
  steps: number;
  /** The connector had more to read when the poll yielded: the source stays due. */
  more: boolean;
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

export interface PollOptions {
  signal?: AbortSignal;
  /**
   * The worker's lease on the source: every write is fenced by it and extends it. Absent only for
   * direct calls that hold no lease (tests, benchmarks), where nothing else polls the source.
   */
  lease?: { owner: string; ms: number };
  /** Steps before the poll yields the worker to other sources; the source stays due meanwhile. */
  maxSteps?: number;
}

const DEFAULT_MAX_STEPS = 20;

/**
 * One poll of one source, as a sequence of bounded steps: the connector reads one step (the recent
 * window first, then history behind it), the step's jobs, quarantined records and cursor are
 * committed together, and the next step starts from that cursor. A crash or a vendor failure part
 * way keeps every committed step; a bad reply leaves nothing half-written.
 */
export async function pollSource(
  db: Db,
  source: PollableSource,
  options: PollOptions = {},
): Promise<PollOutcome> {
  const startedAt = new Date();
  const maxSteps = options.maxSteps ?? DEFAULT_MAX_STEPS;
  let cursor = (source.cursor as SyncCursor | null) ?? null;
  let changed = 0;
  let steps = 0;
  try {
    const connector = await connectorForSource(source.id, db);
    let reading = readAhead(db, connector, cursor, options.signal);
    for (;;) {
      const step = await reading.step;
      const { batch } = step;
      const final = !batch.more || steps + 1 >= maxSteps;
      // The next step is read from the vendor and staged while this one commits (its cursor comes
      // from the batch, not from the database), so vendor round trips, staging and the merge
      // overlap instead of adding up. A commit that fails abandons the read ahead.
      if (!final) reading = readAhead(db, connector, batch.cursor, options.signal);
      let committed: { changed: number; nextPollAt: Date };
      try {
        committed = await db.$transaction(
          (tx) => commitStep(tx, source, step, final, options, startedAt),
          {
            timeout: 120_000,
            maxWait: 30_000,
          },
        );
      } catch (err) {
        if (!final) reading.abandon();
        await step.staged.release().catch(() => undefined);
        throw err;
      }
      steps += 1;
      changed += committed.changed;
      cursor = batch.cursor;
      if (final)
        return {
          ok: true,
          changed,
          steps,
          more: Boolean(batch.more),
          nextPollAt: committed.nextPollAt,
        };
    }
  } catch (err) {
    if (err instanceof LeaseLostError) {
      // Another worker polls this source now: it records the source's health, not us.
      return { ok: false, changed, steps, more: false, error: err.message, nextPollAt: startedAt };
    }
    return recordFailure(db, source, err, startedAt, changed, steps, options);
  }
}

/**
 * One step's read from the vendor and its staging, started now and awaited later; abandoning it
 * aborts the read quietly and removes what it staged.
 */
function readAhead(
  db: Db,
  connector: Connector,
  cursor: SyncCursor | null,
  signal: AbortSignal | undefined,
): { step: Promise<PreparedStep>; abandon: () => void } {
  const abort = new AbortController();
  const step = connector
    .listChanged(cursor, signal ? AbortSignal.any([signal, abort.signal]) : abort.signal)
    .then((batch) => prepareStep(db, batch));
  // Awaited only if its step comes: a read that fails after its poll has failed is not an error.
  step.catch(() => undefined);
  return {
    step,
    abandon: () => {
      abort.abort();
      step.then((s) => s.staged.release()).catch(() => undefined);
    },
  };
}

async function commitStep(
  tx: Tx,
  source: PollableSource,
  step: PreparedStep,
  final: boolean,
  options: PollOptions,
  pollStartedAt: Date,
): Promise<{ changed: number; nextPollAt: Date }> {
  if (options.lease) await fenceLease(tx, source.id, options.lease.owner, options.lease.ms);
  const now = new Date();
  const { batch } = step;
  const changed = await storeStep(tx, source, step, now);
  await notifyJobChanges(tx, source.id, changed);
  let nextPollAt = now;
  if (final && !batch.more) {
    const active = await tx.job.count({
      where: { sourceId: source.id, goneAt: null, state: { in: [...UNFINISHED_STATES] } },
    });
    nextPollAt = new Date(
      now.getTime() + nextPollDelayMs({ ...source, consecutiveFailures: 0 }, active > 0),
    );
  }
  await tx.source.update({
    where: { id: source.id },
    data: {
      cursor: batch.cursor as Prisma.InputJsonValue,
      lastPollAt: now,
      lastSuccessAt: now,
      lastError: null,
      consecutiveFailures: 0,
      backfillDone: batch.backfill?.done ?? null,
      backfillTotal: batch.backfill?.total ?? null,
      // Mid-read the source stays due, so the rest follows as soon as a worker is free.
      ...(final ? { nextPollAt, lastPollDurationMs: now.getTime() - pollStartedAt.getTime() } : {}),
    },
  });
  await notifySourceChange(tx, source.id);
  return { changed: changed.length, nextPollAt };
}

async function recordFailure(
  db: Db,
  source: PollableSource,
  err: unknown,
  at: Date,
  changed: number,
  steps: number,
  options: PollOptions,
): Promise<PollOutcome> {
  const message = describeFailure(err);
  // Steps committed by this poll already reset the count: this is the first failure since.
  const failures = steps > 0 ? 1 : source.consecutiveFailures + 1;
  const nextPollAt = new Date(
    at.getTime() + nextPollDelayMs({ ...source, consecutiveFailures: failures }, false),
  );
  try {
    await db.$transaction(async (tx) => {
      if (options.lease) await fenceLease(tx, source.id, options.lease.owner, options.lease.ms);
      await tx.source.update({
        where: { id: source.id },
        data: {
          lastPollAt: at,
          lastErrorAt: at,
          lastError: message,
          consecutiveFailures: failures,
          nextPollAt,
          lastPollDurationMs: Date.now() - at.getTime(),
          pollFailuresTotal: { increment: 1 },
        },
      });
      await notifySourceChange(tx, source.id);
    });
  } catch (fenceErr) {
    if (!(fenceErr instanceof LeaseLostError)) throw fenceErr;
  }
  return { ok: false, changed, steps, more: false, error: message, nextPollAt };
}

function describeFailure(err: unknown): string {
  if (err instanceof VendorError) return err.message;
  if (err instanceof Error) return `sync failed: ${err.message}`;
  return `sync failed: ${String(err)}`;
}
