import type PgBoss from "pg-boss";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb, type Db, type Tx } from "@/lib/db/client";
import { inTransaction, QUEUES } from "@/lib/queue/boss";
import { queueSender } from "@/lib/queue/sender";
import type { Notice } from "./channels/notice";
import { renderPayload } from "./channels/render";
import { openChannelSecret } from "./channels/secret";
import { sendToChannel } from "./channels/transport";

export interface DeliverJob {
  deliveryId: string;
  attempt: number;
}

export interface RetryPolicy {
  baseMs: number;
  maxAttempts: number;
}

const MAX_BACKOFF_MS = 3_600_000;

/** Exponential, capped at an hour, with ±20 % jitter so many failed deliveries do not retry in step. */
export function backoffMs(
  policy: RetryPolicy,
  attempt: number,
  random: () => number = Math.random,
): number {
  const base = Math.min(MAX_BACKOFF_MS, policy.baseMs * 2 ** (attempt - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

/**
 * One delivery per channel, each rendered in its channel's format and stored as sent, with its first
 * attempt queued in the same transaction: the rows and the queue job commit together or not at all.
 */
export async function enqueueDeliveries(
  tx: Tx,
  incidentId: string | null,
  channels: ReadonlyArray<{ id: string; kind: "webhook" | "slack" | "teams" | "email" }>,
  notice: Notice,
): Promise<string[]> {
  const ids: string[] = [];
  for (const channel of channels) {
    const row = await tx.alertDelivery.create({
      data: {
        incidentId,
        channelId: channel.id,
        event: notice.event,
        payload: renderPayload(channel.kind, notice) as Prisma.InputJsonValue,
        nextAttemptAt: new Date(),
      },
      select: { id: true },
    });
    await queueAttempt(tx, { deliveryId: row.id, attempt: 1 }, null);
    ids.push(row.id);
  }
  return ids;
}

async function queueAttempt(tx: Tx, job: DeliverJob, startAfter: Date | null): Promise<void> {
  const options: PgBoss.SendOptions = {
    db: inTransaction(tx),
    ...(startAfter ? { startAfter } : {}),
  };
  await queueSender().send(QUEUES.deliver, job, options);
}

/**
 * Makes one attempt. The attempt number in the job must be the delivery's next one: a duplicate job
 * (a worker that died after sending, then the queue's own retry) finds it already made and stops.
 * A failure records when the next attempt is due and queues it, in the transaction that logs this one.
 */
export async function attemptDelivery(
  job: DeliverJob,
  policy: RetryPolicy,
  db: Db = getDb(),
  now: () => Date = () => new Date(),
): Promise<"sent" | "retry" | "failed" | "skipped"> {
  const delivery = await db.alertDelivery.findUnique({
    where: { id: job.deliveryId },
    select: {
      id: true,
      attempts: true,
      status: true,
      payload: true,
      channel: { select: { id: true, kind: true, config: true, secretEnc: true, enabled: true } },
    },
  });
  if (
    !delivery ||
    delivery.attempts !== job.attempt - 1 ||
    delivery.status === "delivered" ||
    delivery.status === "failed"
  )
    return "skipped";
  const result = delivery.channel.enabled
    ? await sendToChannel(
        delivery.channel.kind,
        delivery.channel.config,
        openChannelSecret(delivery.channel.secretEnc, delivery.channel.id),
        delivery.payload,
        now(),
      )
    : { ok: false, statusCode: null, reply: "channel is disabled", durationMs: 0 };
  const last = job.attempt >= policy.maxAttempts || !delivery.channel.enabled;
  const next =
    result.ok || last ? null : new Date(now().getTime() + backoffMs(policy, job.attempt));
  const outcome = result.ok ? "sent" : next ? "retry" : "failed";
  await db.$transaction(async (tx) => {
    await tx.alertDeliveryAttempt.create({
      data: {
        deliveryId: delivery.id,
        attempt: job.attempt,
        ok: result.ok,
        statusCode: result.statusCode,
        reply: result.reply,
        durationMs: result.durationMs,
        nextAttemptAt: next,
      },
    });
    await tx.alertDelivery.update({
      where: { id: delivery.id },
      data: {
        attempts: job.attempt,
        status: outcome === "sent" ? "delivered" : outcome === "retry" ? "retrying" : "failed",
        nextAttemptAt: next,
        ...(result.ok ? { deliveredAt: now() } : {}),
      },
    });
    if (next) await queueAttempt(tx, { deliveryId: delivery.id, attempt: job.attempt + 1 }, next);
  });
  return outcome;
}
