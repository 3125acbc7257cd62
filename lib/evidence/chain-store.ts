import { getDb, type Tx } from "@/lib/db/client";
import { signOffHash } from "./signoff-hash";
import { brokenChain, chainEntryHash, GENESIS, verifyChain, type StoredChainEntry } from "./chain";
import type { ChainStatus } from "@/lib/contracts/evidence";

/** Serialises appends across web and worker processes: each entry names the one before it. */
const CHAIN_LOCK = 0x4a44_4556; // "JDEV"

/** Appends one entry in the caller's transaction; the lock is held until that transaction ends. */
export async function appendChainEntry(
  tx: Tx,
  entry: { kind: StoredChainEntry["kind"]; subjectId: string; sha256: string; at: Date },
): Promise<StoredChainEntry> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CHAIN_LOCK}::int)`;
  const last = await tx.evidenceChainEntry.findFirst({ orderBy: { seq: "desc" } });
  const base = {
    seq: (last?.seq ?? 0) + 1,
    kind: entry.kind,
    subjectId: entry.subjectId,
    sha256: entry.sha256,
    at: entry.at.toISOString(),
    prevHash: last?.entryHash ?? GENESIS,
  };
  const entryHash = chainEntryHash(base);
  await tx.evidenceChainEntry.create({
    data: { ...base, at: entry.at, entryHash },
  });
  return { ...base, entryHash };
}

export async function readChain(db: Tx = getDb()): Promise<StoredChainEntry[]> {
  const rows = await db.evidenceChainEntry.findMany({ orderBy: { seq: "asc" } });
  return rows.map((r) => ({
    seq: r.seq,
    kind: r.kind === "signoff" || r.kind === "pdf" ? r.kind : "pack",
    subjectId: r.subjectId,
    sha256: r.sha256,
    at: r.at.toISOString(),
    prevHash: r.prevHash,
    entryHash: r.entryHash,
  }));
}

/**
 * The chain recomputed from the rows, then each entry's subject checked against what is stored now:
 * a pack whose stored content no longer hashes to the chained SHA-256, or whose row says another
 * hash, breaks the chain at that entry just as an edited chain row does.
 */
export async function chainStatus(db: Tx = getDb()): Promise<ChainStatus> {
  const entries = await readChain(db);
  const own = verifyChain(entries);
  if (!own.intact) return own;
  // PostgreSQL rehashes the stored content itself: no pack's text leaves the database to be checked.
  const [packs, signOffs] = await Promise.all([
    db.$queryRaw<
      Array<{
        id: string;
        sha256: string;
        recomputed: string;
        pdfSha256: string | null;
        pdfRecomputed: string | null;
      }>
    >`
      SELECT id::text AS id, sha256, encode(sha256(convert_to(canonical, 'UTF8')), 'hex') AS recomputed,
        "pdfSha256", encode(sha256(pdf), 'hex') AS "pdfRecomputed"
      FROM "EvidencePack"`,
    db.evidenceSignOff.findMany({ include: { pack: { select: { sha256: true } } } }),
  ]);
  const packById = new Map(packs.map((p) => [p.id, p]));
  const signOffById = new Map(signOffs.map((s) => [s.id, s]));
  for (const e of entries) {
    const broken = (problem: string) => brokenChain(entries.length, e.seq, problem);
    if (e.kind === "pack") {
      const p = packById.get(e.subjectId);
      if (!p) return broken(`pack ${e.subjectId} of entry ${e.seq} is missing`);
      if (p.sha256 !== e.sha256 || p.recomputed !== e.sha256)
        return broken(`pack ${e.subjectId} of entry ${e.seq} was altered`);
    } else if (e.kind === "pdf") {
      const p = packById.get(e.subjectId);
      if (!p || p.pdfSha256 !== e.sha256 || p.pdfRecomputed !== e.sha256)
        return broken(`the PDF of pack ${e.subjectId} (entry ${e.seq}) was altered or is missing`);
    } else {
      const s = signOffById.get(e.subjectId);
      if (!s || s.sha256 !== e.sha256 || signOffHash(s, s.pack.sha256) !== e.sha256)
        return broken(`sign-off ${e.subjectId} of entry ${e.seq} was altered or is missing`);
    }
  }
  const chained = new Set(entries.map((e) => `${e.kind}:${e.subjectId}`));
  const unchained =
    packs.find((p) => !chained.has(`pack:${p.id}`)) ??
    packs.find((p) => p.pdfSha256 !== null && !chained.has(`pdf:${p.id}`)) ??
    signOffs.find((s) => !chained.has(`signoff:${s.id}`));
  if (unchained)
    return brokenChain(entries.length, null, `${unchained.id} is stored but not in the chain`);
  return own;
}
