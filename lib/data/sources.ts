import type { Prisma } from "@/lib/generated/prisma/client";
import type { SourceKind } from "@/lib/domain/source-kind";
import { sealSecret } from "@/lib/crypto/secret-box";
import { secretKey } from "@/lib/crypto/secret-key";
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

function toData(input: Partial<SourceInput>): Prisma.SourceUncheckedUpdateInput {
  const { secret, options, ...rest } = input;
  return {
    ...rest,
    ...(options !== undefined ? { options: options as Prisma.InputJsonValue } : {}),
    ...(secret !== undefined ? { secretEnc: secret === null ? null : sealSecret(secret, secretKey()) } : {}),
  };
}

export async function createSource(input: SourceInput, db: Tx = getDb()) {
  return db.source.create({ data: toData(input) as Prisma.SourceUncheckedCreateInput });
}

/** Creates or updates by name: how the demo and config files register sources idempotently. */
export async function upsertSourceByName(input: SourceInput, db: Tx = getDb()) {
  const data = toData(input);
  return db.source.upsert({
    where: { name: input.name },
    create: data as Prisma.SourceUncheckedCreateInput,
    update: { ...data, nextPollAt: new Date() },
  });
}

export async function updateSource(id: string, input: Partial<SourceInput>, db: Tx = getDb()) {
  return db.source.update({ where: { id }, data: toData(input) });
}

/** Archived sources are left out unless asked for: their history stays, they are no longer in use. */
export async function listSources(opts: { includeArchived?: boolean } = {}, db: Tx = getDb()) {
  return db.source.findMany({ where: opts.includeArchived ? {} : { archivedAt: null }, orderBy: { name: "asc" } });
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
  const rows = await db.source.findMany({ where: { secretEnc: { not: null } }, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}

export async function getSourceByName(name: string, db: Tx = getDb()) {
  return db.source.findUnique({ where: { name }, select: { id: true } });
}

/** What a source's deletion would take with it: jobs (with their phases, events, evidence) and audit rows. */
export async function countSourceHistory(id: string, db: Tx = getDb()): Promise<{ jobs: number; actions: number }> {
  const [jobs, actions] = await Promise.all([db.job.count({ where: { sourceId: id } }), db.action.count({ where: { sourceId: id } })]);
  return { jobs, actions };
}
