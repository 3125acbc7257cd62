import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/domain/actor";
import type { Tx } from "@/lib/db/client";

/**
 * Records a change an admin made to Jobdeck itself (a user renamed, a password reset) in the same
 * audit trail as vendor actions (with no source unless the change concerns one), inside the caller's transaction so the change and
 * its record commit together.
 */
export async function recordAdminAction(
  tx: Tx,
  actor: Actor,
  action: string,
  params: Record<string, unknown>,
  detail: string,
  /** The source a change concerns (a per-source RTO target), so /audit's source filter finds it. */
  sourceId: string | null = null,
): Promise<void> {
  const now = new Date();
  const row = await tx.action.create({
    data: {
      idempotencyKey: `admin:${crypto.randomUUID()}`,
      sourceId,
      userId: actor.kind === "user" ? actor.id : null,
      actorId: actor.id,
      actorEmail: actor.email ?? null,
      actor: actor.name,
      action,
      params: params as Prisma.InputJsonValue,
      status: "succeeded",
      vendorReply: detail,
      requestedAt: now,
      completedAt: now,
    },
    select: { id: true },
  });
  await tx.auditEntry.createMany({
    data: [
      {
        actionId: row.id,
        at: now,
        stage: "requested",
        detail: `${actor.name}${actor.email ? ` <${actor.email}>` : ""} (${actor.role}) asked to ${action}`,
      },
      { actionId: row.id, at: now, stage: "succeeded", detail },
    ],
  });
}
