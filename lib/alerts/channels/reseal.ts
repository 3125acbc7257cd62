import { needsReseal } from "@/lib/crypto/secret-box";
import { secretKey } from "@/lib/crypto/secret-key";
import { getDb, type Db } from "@/lib/db/client";
import { openChannelSecret, sealChannelSecret } from "./secret";

/**
 * `npm run rotate-key` for alert channels, as for source credentials: each channel secret not sealed
 * with the current key is opened with the key that sealed it and sealed again; a row is swapped only
 * if it still holds what was read, so a concurrent edit wins.
 */
export async function resealChannelSecrets(
  db: Db = getDb(),
): Promise<{ resealed: number; current: number }> {
  const rows = await db.alertChannel.findMany({ select: { id: true, secretEnc: true } });
  let resealed = 0;
  for (const row of rows) {
    if (!needsReseal(row.secretEnc, secretKey())) continue;
    const sealed = sealChannelSecret(openChannelSecret(row.secretEnc, row.id), row.id);
    const { count } = await db.alertChannel.updateMany({
      where: { id: row.id, secretEnc: row.secretEnc },
      data: { secretEnc: sealed },
    });
    resealed += count;
  }
  return { resealed, current: rows.length - resealed };
}
