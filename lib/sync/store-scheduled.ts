import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/client";
import type { ScheduledRecord } from "@/lib/domain/model";

/** The vendor's schedule replaces the stored one: future jobs it no longer lists are dropped. */
export async function storeScheduled(
  tx: Tx,
  sourceId: string,
  scheduled: ScheduledRecord[],
  now: Date,
): Promise<void> {
  await tx.scheduledJob.deleteMany({
    where: { sourceId, vendorId: { notIn: scheduled.map((s) => s.vendorId) } },
  });
  for (const s of scheduled) {
    const data = {
      name: s.name,
      type: s.type,
      dataset: s.dataset,
      policy: s.policy,
      startsAt: s.startsAt,
      raw: (s.raw ?? {}) as Prisma.InputJsonValue,
      refreshedAt: now,
    };
    await tx.scheduledJob.upsert({
      where: { sourceId_vendorId: { sourceId, vendorId: s.vendorId } },
      create: { sourceId, vendorId: s.vendorId, ...data },
      update: data,
    });
  }
}
