import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/domain/actor";
import type { Db } from "@/lib/db/client";

export interface ActionRow {
  id: string;
  jobId: string | null;
  action: string;
  status: "pending" | "succeeded" | "refused" | "failed" | "unknown";
  vendorReply: string | null;
  requestedAt: Date;
  completedAt: Date | null;
}

const rowSelect = {
  id: true,
  jobId: true,
  action: true,
  status: true,
  vendorReply: true,
  requestedAt: true,
  completedAt: true,
} as const;

/**
 * Records the request before anything reaches the vendor. The idempotency key is unique, so a
 * second request with the same key finds the first one's row instead of creating a second call.
 */
export async function beginAction(
  db: Db,
  a: {
    idempotencyKey: string;
    jobId: string | null;
    sourceId: string;
    actor: Actor;
    action: string;
    params: Record<string, unknown>;
    reason: string | null;
  },
): Promise<{ created: boolean; action: ActionRow }> {
  const userId = a.actor.kind === "user" ? a.actor.id : null;
  const rows = await db.$transaction(async (tx) => {
    const inserted = await tx.$queryRaw<Array<{ id: string }>>`
      INSERT INTO "Action" (id, "idempotencyKey", "jobId", "sourceId", "userId", "actorId", "actorEmail", actor, action, params, reason, status, "requestedAt")
      VALUES (gen_random_uuid(), ${a.idempotencyKey}, ${a.jobId}::uuid, ${a.sourceId}::uuid,
        ${userId}, ${a.actor.id}, ${a.actor.email ?? null}, ${a.actor.name}, ${a.action},
        ${JSON.stringify(a.params)}::jsonb, ${a.reason}, 'pending', now())
      ON CONFLICT ("idempotencyKey") DO NOTHING
      RETURNING id`;
    const id = inserted[0]?.id;
    if (id) {
      await tx.auditEntry.create({
        data: {
          actionId: id,
          stage: "requested",
          detail: `${actorLabel(a.actor)} (${a.actor.role}) asked to ${a.action}${a.reason ? `: ${a.reason}` : ""}`,
        },
      });
    }
    return inserted;
  });
  const created = rows.length > 0;
  const action = await db.action.findUniqueOrThrow({
    where: { idempotencyKey: a.idempotencyKey },
    select: rowSelect,
  });
  return { created, action };
}

export async function finishAction(
  db: Db,
  id: string,
  status: "succeeded" | "refused" | "failed",
  vendorReply: string,
): Promise<ActionRow> {
  return db.$transaction(async (tx) => {
    await tx.auditEntry.create({ data: { actionId: id, stage: status, detail: vendorReply } });
    return tx.action.update({
      where: { id },
      data: { status, vendorReply, completedAt: new Date() } satisfies Prisma.ActionUpdateInput,
      select: rowSelect,
    });
  });
}

/** "Olga Operator <olga@example.com>": the name as it was, beside the email that identifies the person. */
export function actorLabel(actor: Pick<Actor, "name" | "email">): string {
  return actor.email && actor.email !== actor.name ? `${actor.name} <${actor.email}>` : actor.name;
}
