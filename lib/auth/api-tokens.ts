import { recordAdminAction } from "@/lib/data/admin-audit";
import { getDb, type Db, type Tx } from "@/lib/db/client";
import type {
  ApiTokenRow,
  ApiTokenScope,
  CreatedApiToken,
  NewApiToken,
} from "@/lib/contracts/tokens";
import { roleAllows, type Role } from "@/lib/domain/roles";
import type { Actor } from "@/lib/domain/actor";
import { API_TOKEN, hashToken, lastUseIsStale, tokenHashesEqual } from "./token-kind";
import { toRole } from "./role";

const DAY_MS = 24 * 60 * 60 * 1000;

/** What lists show: never the token or its hash. */
const PUBLIC_FIELDS = {
  id: true,
  name: true,
  scope: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
  createdBy: { select: { name: true, email: true } },
} as const;

type Stored = {
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
} & Omit<ApiTokenRow, "createdAt" | "expiresAt" | "lastUsedAt" | "revokedAt">;

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const toRow = (r: Stored): ApiTokenRow => ({
  ...r,
  createdAt: r.createdAt.toISOString(),
  expiresAt: r.expiresAt.toISOString(),
  lastUsedAt: iso(r.lastUsedAt),
  revokedAt: iso(r.revokedAt),
});

/** The role a scope acts with: a metrics token is no more than a viewer, and is confined further (see scopes.ts). */
export function scopeRole(scope: ApiTokenScope): Role {
  return scope === "metrics" ? "viewer" : scope;
}

export type CreateApiTokenResult =
  { ok: true; token: CreatedApiToken } | { ok: false; reason: "not-a-person" | "above-creator" };

/**
 * Creates a token for a signed-in person, never with more rights than theirs, and records it in
 * the audit trail in the same transaction. The returned `token` is the only time the secret exists
 * outside the script it is pasted into.
 */
export async function createApiToken(
  input: NewApiToken,
  by: Actor,
  db: Db = getDb(),
  now = new Date(),
): Promise<CreateApiTokenResult> {
  if (by.kind !== "user" || !by.id) return { ok: false, reason: "not-a-person" };
  if (
    !roleAllows(by.role, scopeRole(input.scope)) ||
    (input.scope === "metrics" && by.role !== "admin")
  )
    return { ok: false, reason: "above-creator" };
  const creatorId = by.id;
  const secret = API_TOKEN.generate();
  const row = await db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: {
        name: input.name,
        scope: input.scope,
        tokenHash: hashToken(secret),
        createdById: creatorId,
        expiresAt: new Date(now.getTime() + input.expiresInDays * DAY_MS),
      },
      select: PUBLIC_FIELDS,
    });
    await recordAdminAction(
      tx,
      by,
      "create-api-token",
      {
        tokenId: created.id,
        name: created.name,
        scope: created.scope,
        expiresAt: created.expiresAt.toISOString(),
      },
      `API token "${created.name}" (${created.scope}, expires ${created.expiresAt.toISOString()}) created.`,
    );
    return created;
  });
  return { ok: true, token: { ...toRow(row), token: secret } };
}

export async function listApiTokens(db: Tx = getDb()): Promise<ApiTokenRow[]> {
  const rows = await db.apiToken.findMany({
    select: PUBLIC_FIELDS,
    orderBy: [
      { revokedAt: { sort: "desc", nulls: "first" } },
      { createdAt: "desc" },
      { id: "desc" },
    ],
  });
  return rows.map(toRow);
}

/** Revoking is permanent and idempotent (audited the first time); false when no such token exists. */
export async function revokeApiToken(id: string, by: Actor, db: Db = getDb()): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const existing = await tx.apiToken.findUnique({
      where: { id },
      select: { name: true, scope: true, revokedAt: true },
    });
    if (!existing) return false;
    if (!existing.revokedAt) {
      // The guard on revokedAt keeps two concurrent revocations to one audit entry.
      const { count } = await tx.apiToken.updateMany({
        where: { id, revokedAt: null },
        data: { revokedAt: new Date() },
      });
      if (count)
        await recordAdminAction(
          tx,
          by,
          "revoke-api-token",
          { tokenId: id, name: existing.name, scope: existing.scope },
          `API token "${existing.name}" (${existing.scope}) revoked.`,
        );
    }
    return true;
  });
}

export type ApiTokenVerdict =
  | { ok: true; actor: Actor; scope: ApiTokenScope }
  | { ok: false; reason: "unknown" | "revoked" | "expired" };

/**
 * Who an API token acts as: the lower of its scope's role and its creator's current role (an
 * admin demoted to viewer takes their tokens down with them). Records when it was last used.
 */
export async function verifyApiToken(
  token: string,
  db: Tx = getDb(),
  now = Date.now(),
): Promise<ApiTokenVerdict> {
  if (!API_TOKEN.isFormat(token)) return { ok: false, reason: "unknown" };
  const hash = hashToken(token);
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hash },
    include: { createdBy: { select: { role: true } } },
  });
  if (!row || !tokenHashesEqual(row.tokenHash, hash)) return { ok: false, reason: "unknown" };
  if (row.revokedAt) return { ok: false, reason: "revoked" };
  if (row.expiresAt.getTime() <= now) return { ok: false, reason: "expired" };
  if (lastUseIsStale(row.lastUsedAt, now)) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } });
  }
  const wanted = scopeRole(row.scope);
  const creator = toRole(row.createdBy.role);
  const role = roleAllows(creator, wanted) ? wanted : creator;
  return {
    ok: true,
    scope: row.scope,
    actor: { kind: "api", id: row.id, name: `API token "${row.name}"`, role, scope: row.scope },
  };
}
