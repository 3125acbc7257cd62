import type { QuarantinedRecord } from "@/lib/connectors/types";
import type { Tx } from "@/lib/db/client";
import { clean, cleanKey } from "./clean";

/** Raw records are kept for an admin to read, not whole appliance dumps. */
const MAX_RAW_CHARS = 20_000;

function rawText(raw: unknown): string {
  let text: string;
  try {
    text = typeof raw === "string" ? raw : (JSON.stringify(raw) ?? String(raw));
  } catch {
    text = String(raw);
  }
  text = clean(text) ?? "";
  return text.length > MAX_RAW_CHARS
    ? `${text.slice(0, MAX_RAW_CHARS)}… (${text.length} characters)`
    : text;
}

/**
 * Records the step's unreadable records (one row per source and key, so replays do not pile up)
 * and clears the rows of records that have now been read cleanly.
 */
export async function storeQuarantine(
  tx: Tx,
  sourceId: string,
  bad: readonly QuarantinedRecord[],
  readCleanly: readonly string[],
  now: Date,
): Promise<void> {
  if (readCleanly.length > 0) {
    await tx.$executeRaw`
      DELETE FROM "QuarantinedRecord" WHERE "sourceId" = ${sourceId}::uuid AND "recordKey" = ANY(${readCleanly.map((k) => cleanKey(k))}::text[])`;
  }
  if (bad.length === 0) return;
  const byKey = new Map(bad.map((b) => [cleanKey(b.key), b]));
  const rows = [...byKey.entries()].map(([key, b]) => ({ ...b, key }));
  await tx.$executeRaw`
    INSERT INTO "QuarantinedRecord" ("sourceId", "recordKey", reason, raw, "firstSeenAt", "lastSeenAt")
    SELECT ${sourceId}::uuid, t.key, t.reason, t.raw, ${now}::timestamp(3), ${now}::timestamp(3)
    FROM unnest(${rows.map((r) => r.key)}::text[], ${rows.map((r) => clean(r.reason))}::text[],
      ${rows.map((r) => rawText(r.raw))}::text[]) AS t(key, reason, raw)
    ON CONFLICT ("sourceId", "recordKey") DO UPDATE SET reason = EXCLUDED.reason, raw = EXCLUDED.raw,
      "lastSeenAt" = EXCLUDED."lastSeenAt"`;
}
