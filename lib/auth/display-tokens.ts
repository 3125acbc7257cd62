import { getDb, type Tx } from "@/lib/db/client";
import { DISPLAY_TOKEN, hashToken, lastUseIsStale, tokenHashesEqual } from "./token-kind";

/** What lists show: never the token or its hash. */
const PUBLIC_FIELDS = {
  id: true,
  name: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
  createdBy: { select: { name: true, email: true } },
} as const;

/** Creates a token; the returned `token` is the only time the secret exists outside the screen. */
export async function createDisplayToken(
  name: string,
  createdById: string | null,
  db: Tx = getDb(),
) {
  const token = DISPLAY_TOKEN.generate();
  const row = await db.displayToken.create({
    data: { name, tokenHash: hashToken(token), createdById },
    select: PUBLIC_FIELDS,
  });
  return { ...row, token };
}

export async function listDisplayTokens(db: Tx = getDb()) {
  return db.displayToken.findMany({
    select: PUBLIC_FIELDS,
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
  });
}

/** Revoking is permanent and idempotent; false when no such token exists. */
export async function revokeDisplayToken(id: string, db: Tx = getDb()): Promise<boolean> {
  const existing = await db.displayToken.findUnique({ where: { id }, select: { revokedAt: true } });
  if (!existing) return false;
  if (!existing.revokedAt)
    await db.displayToken.update({ where: { id }, data: { revokedAt: new Date() } });
  return true;
}

/** The live (unrevoked) token this secret belongs to, or null; records when it was last used. */
export async function findActiveDisplayToken(
  token: string,
  db: Tx = getDb(),
): Promise<{ id: string; name: string } | null> {
  if (!DISPLAY_TOKEN.isFormat(token)) return null;
  const hash = hashToken(token);
  const row = await db.displayToken.findUnique({ where: { tokenHash: hash } });
  if (!row || row.revokedAt || !tokenHashesEqual(row.tokenHash, hash)) return null;
  const now = Date.now();
  if (lastUseIsStale(row.lastUsedAt, now)) {
    await db.displayToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } });
  }
  return { id: row.id, name: row.name };
}
