import type { Prisma } from "@/lib/generated/prisma/client";
import type { SourceKind } from "@/lib/domain/source-kind";
import { randomUUID } from "node:crypto";
import { needsReseal } from "@/lib/crypto/secret-box";
import { secretKey } from "@/lib/crypto/secret-key";
import { openSourceSecret, sealSourceSecret } from "@/lib/crypto/source-secret";
import { getDb, type Tx } from "@/lib/db/client";

export interface SourceInput {
  kind: SourceKind;
  name: string;
  baseUrl: string;
  username?: string | null;
  /** Plain password or token: sealed before it is stored, never returned. */
  secret?: string | null;
  tlsInsecure?: boolean;
  tlsCaPem?: string | null;
  options?: Record<string, unknown>;
  enabled?: boolean;
  archivedAt?: Date | null;
  pollIntervalMs?: number;
  fastPollIntervalMs?: number;
  timeoutMs?: number;
}

/** The row's fields; the credential sealed to this source's id (see sealSourceSecret). */
function toData(id: string, input: Partial<SourceInput>): Prisma.SourceUncheckedUpdateInput {
  const { secret, options, ...rest } = input;
  return {
    ...rest,
    ...(options !== undefined ? { options: options as Prisma.InputJsonValue } : {}),
    ...(secret !== undefined
      ? { secretEnc: secret === null ? null : sealSourceSecret(secret, id) }
      : {}),
  };
}

export async function createSource(input: SourceInput, db: Tx = getDb()) {
  const id = randomUUID();
  return db.source.create({
    data: { ...toData(id, input), id } as Prisma.SourceUncheckedCreateInput,
  });
}

/** Creates or updates by name: how the demo and config files register sources idempotently. */
export async function upsertSourceByName(input: SourceInput, db: Tx = getDb()) {
  const id =
    (await db.source.findUnique({ where: { name: input.name }, select: { id: true } }))?.id ??
    randomUUID();
  const data = toData(id, input);
  return db.source.upsert({
    where: { name: input.name },
    create: { ...data, id } as Prisma.SourceUncheckedCreateInput,
    update: { ...data, nextPollAt: new Date() },
  });
}

export async function updateSource(id: string, input: Partial<SourceInput>, db: Tx = getDb()) {
  return db.source.update({ where: { id }, data: toData(id, input) });
}

/** Archived sources are left out unless asked for: their history stays, they are no longer in use. */
export async function listSources(opts: { includeArchived?: boolean } = {}, db: Tx = getDb()) {
  return db.source.findMany({
    where: opts.includeArchived ? {} : { archivedAt: null },
    orderBy: { name: "asc" },
  });
}

export async function getSource(id: string, db: Tx = getDb()) {
  return db.source.findUnique({ where: { id } });
}

/** The only read that includes the sealed credential: for building a connector. */
export async function getSourceWithSecret(id: string, db: Tx = getDb()) {
  return db.source.findUnique({ where: { id }, omit: { secretEnc: false } });
}

export async function deleteSource(id: string, db: Tx = getDb()) {
  await db.source.delete({ where: { id } });
}

/** Which sources hold a credential, without reading one: the list shows "set" or "not set". */
export async function sourceIdsWithSecret(db: Tx = getDb()): Promise<Set<string>> {
  const rows = await db.source.findMany({
    where: { secretEnc: { not: null } },
    select: { id: true },
  });
  return new Set(rows.map((r) => r.id));
}

export async function getSourceByName(name: string, db: Tx = getDb()) {
  return db.source.findUnique({ where: { name }, select: { id: true } });
}

/** What a source's deletion would take with it: jobs (with their phases, events, evidence) and audit rows. */
export async function countSourceHistory(
  id: string,
  db: Tx = getDb(),
): Promise<{ jobs: number; actions: number }> {
  const [jobs, actions] = await Promise.all([
    db.job.count({ where: { sourceId: id } }),
    db.action.count({ where: { sourceId: id } }),
  ]);
  return { jobs, actions };
}

/**
 * `npm run rotate-key`: every stored credential not yet sealed with the current key (or still in
 * the old format) is opened with the key that sealed it and sealed again with the current one.
 * Each row is swapped only if it still holds what was read, so a concurrent edit wins.
 */
export async function resealSourceSecrets(
  db: Tx = getDb(),
): Promise<{ resealed: number; current: number }> {
  const rows = await db.source.findMany({
    where: { secretEnc: { not: null } },
    select: { id: true, secretEnc: true },
  });
  let resealed = 0;
  for (const row of rows) {
    if (!row.secretEnc || !needsReseal(row.secretEnc, secretKey())) continue;
    const sealed = sealSourceSecret(openSourceSecret(row.secretEnc, row.id), row.id);
    const { count } = await db.source.updateMany({
      where: { id: row.id, secretEnc: row.secretEnc },
      data: { secretEnc: sealed },
    });
    resealed += count;
  }
  return { resealed, current: rows.length - resealed };
}
