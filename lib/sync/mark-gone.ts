import type { Tx } from "@/lib/db/client";

/** Jobs the vendor no longer lists stay in Jobdeck, stamped with when they disappeared. */
export async function markGone(
  tx: Tx,
  sourceId: string,
  presentIds: string[],
  now: Date,
): Promise<string[]> {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`
    UPDATE "Job" SET "goneAt" = ${now}::timestamp(3), "updatedAt" = ${now}::timestamp(3)
    WHERE "sourceId" = ${sourceId}::uuid AND "goneAt" IS NULL
      AND NOT ("vendorId" = ANY(${presentIds}::text[]))
    RETURNING id`;
  return rows.map((r) => r.id);
}
