import { z } from "zod";
import { openSecret, sealSecret } from "@/lib/crypto/secret-box";
import { openingKeys, secretKey } from "@/lib/crypto/secret-key";
import { getDb, type Tx } from "@/lib/db/client";
import { Busy } from "@/lib/domain/errors";
import { createDisplayToken } from "./display-tokens";
import { generateDeviceSecret, generatePairingCode, hashDeviceSecret } from "./pairing-code";

/**
 * One-time pairing: a screen with no token asks for a code and shows it; an admin types the code
 * (and a name for the screen) into Jobdeck, which creates a display token for it; the screen, and
 * only the screen that asked (it holds the device secret), collects the token once. Requests live
 * in better-auth's Verification table under their own prefix, so pairing needs no table of its own.
 */
const PREFIX = "wall-pairing:";
export const PAIRING_TTL_MS = 10 * 60_000;
/** Screens waiting to pair at once across the install: far above any NOC, far below a flood. */
export const MAX_PENDING_PAIRINGS = 500;

const stored = z.object({
  device: z.string(),
  name: z.string().optional(),
  sealedToken: z.string().optional(),
});

export async function startPairing(now = new Date(), db: Tx = getDb()) {
  await db.verification.deleteMany({
    where: { identifier: { startsWith: PREFIX }, expiresAt: { lt: now } },
  });
  const pending = await db.verification.count({ where: { identifier: { startsWith: PREFIX } } });
  if (pending >= MAX_PENDING_PAIRINGS) {
    throw new Busy(
      `${pending} screens are already waiting to pair; codes expire after 10 minutes. Try again later.`,
    );
  }
  const code = generatePairingCode();
  const deviceSecret = generateDeviceSecret();
  const expiresAt = new Date(now.getTime() + PAIRING_TTL_MS);
  await db.verification.create({
    data: {
      identifier: PREFIX + code,
      value: JSON.stringify({ device: hashDeviceSecret(deviceSecret) }),
      expiresAt,
    },
  });
  return { code, deviceSecret, expiresAt };
}

async function findLive(code: string, now: Date, db: Tx) {
  const row = await db.verification.findFirst({
    where: { identifier: PREFIX + code, expiresAt: { gt: now } },
  });
  if (!row) return null;
  const value = stored.safeParse(JSON.parse(row.value));
  return value.success ? { row, value: value.data } : null;
}

/** The admin's half: false when the code is unknown, expired or already approved. */
export async function approvePairing(
  code: string,
  name: string,
  adminId: string,
  now = new Date(),
  db: Tx = getDb(),
): Promise<boolean> {
  const live = await findLive(code, now, db);
  if (!live || live.value.sealedToken) return false;
  const created = await createDisplayToken(name, adminId, db);
  const value = JSON.stringify({
    ...live.value,
    name,
    sealedToken: sealSecret(created.token, secretKey(), PREFIX + code),
  });
  const updated = await db.verification.updateMany({
    where: { id: live.row.id, value: live.row.value },
    data: { value },
  });
  return updated.count === 1;
}

export type ClaimResult =
  { status: "waiting" } | { status: "expired" } | { status: "paired"; token: string; name: string };

/** The screen's half: the token exactly once, to the holder of the device secret. */
export async function claimPairing(
  code: string,
  deviceSecret: string,
  now = new Date(),
  db: Tx = getDb(),
): Promise<ClaimResult> {
  const live = await findLive(code, now, db);
  if (!live || live.value.device !== hashDeviceSecret(deviceSecret)) return { status: "expired" };
  if (!live.value.sealedToken) return { status: "waiting" };
  // Deleting on the exact value makes a second claim, even a concurrent one, find nothing.
  const taken = await db.verification.deleteMany({
    where: { id: live.row.id, value: live.row.value },
  });
  if (taken.count !== 1) return { status: "expired" };
  return {
    status: "paired",
    token: openSecret(live.value.sealedToken, openingKeys(), PREFIX + code),
    name: live.value.name ?? "wall",
  };
}
