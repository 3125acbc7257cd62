/**
 * `npm run rotate-key`: after JOBDECK_SECRET_KEY has been replaced (the old value moved to
 * JOBDECK_PREVIOUS_SECRET_KEYS), reseal every stored source credential with the new key. Safe to
 * run again; afterwards the old key can be dropped from JOBDECK_PREVIOUS_SECRET_KEYS.
 */
import { randomBytes } from "node:crypto";
import { resealChannelSecrets } from "@/lib/alerts/channels/reseal";
import { keyId } from "@/lib/crypto/secret-box";
import { secretKey } from "@/lib/crypto/secret-key";
import { resealSourceSecrets } from "@/lib/data/sources";
import { createDb } from "@/lib/db/client";
import { resolveDatabase } from "@/lib/db/resolve-database";
import { env } from "@/lib/env";

if (process.argv.includes("--generate")) {
  console.log(randomBytes(32).toString("base64"));
  process.exit(0);
}

const database = await resolveDatabase();
const db = createDb(database.url);
try {
  const previous = env().JOBDECK_PREVIOUS_SECRET_KEYS.length;
  const { resealed, current } = await resealSourceSecrets(db);
  console.log(
    `Resealed ${resealed} source credential(s) with key ${keyId(secretKey())}; ${current} already used it. ${previous} previous key(s) configured.`,
  );
  const channels = await resealChannelSecrets(db);
  console.log(
    `Resealed ${channels.resealed} alert channel secret(s); ${channels.current} already used the key.`,
  );
  if (resealed + current + channels.resealed + channels.current > 0)
    console.log(
      "Every stored credential now opens with JOBDECK_SECRET_KEY alone: JOBDECK_PREVIOUS_SECRET_KEYS can be emptied.",
    );
} catch (err) {
  console.error(`rotate-key failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
  await database.stop();
}
