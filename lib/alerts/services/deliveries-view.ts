import type { Prisma } from "@/lib/generated/prisma/client";
import type { DeliveryView } from "@/lib/contracts/alert-channels";
import { getDb, type Db } from "@/lib/db/client";

export const deliveryInclude = {
  channel: { select: { name: true, kind: true } },
  attemptLog: { orderBy: { attempt: "asc" as const } },
} satisfies Prisma.AlertDeliveryInclude;

type DeliveryRow = Prisma.AlertDeliveryGetPayload<{ include: typeof deliveryInclude }>;

export function deliveryView(d: DeliveryRow): DeliveryView {
  return {
    id: d.id,
    channelId: d.channelId,
    channelName: d.channel.name,
    channelKind: d.channel.kind,
    event: d.event,
    status: d.status,
    payload: d.payload,
    attempts: d.attempts,
    nextAttemptAt: d.nextAttemptAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
    attemptLog: d.attemptLog.map((a) => ({
      attempt: a.attempt,
      at: a.at.toISOString(),
      ok: a.ok,
      statusCode: a.statusCode,
      reply: a.reply,
      durationMs: a.durationMs,
      nextAttemptAt: a.nextAttemptAt?.toISOString() ?? null,
    })),
  };
}

export async function getDelivery(id: string, db: Db = getDb()): Promise<DeliveryView | null> {
  const row = await db.alertDelivery.findUnique({ where: { id }, include: deliveryInclude });
  return row ? deliveryView(row) : null;
}
