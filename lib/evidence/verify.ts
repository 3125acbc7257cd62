import type { VerifyResult } from "@/lib/contracts/evidence";
import { getDb, type Tx } from "@/lib/db/client";
import { sha256Hex } from "./canonical";
import { chainStatus } from "./chain-store";

/**
 * Is this a document Jobdeck issued, unaltered? A pack's canonical JSON, one run report inside a
 * pack, or a pack's PDF, looked up by SHA-256; and is the chain intact (recomputed from its rows).
 */
export async function verifySha256(sha256: string, db: Tx = getDb()): Promise<VerifyResult> {
  const [pack, pdf, run, chain] = await Promise.all([
    db.evidencePack.findUnique({ where: { sha256 }, select: packSelect }),
    db.evidencePack.findFirst({ where: { pdfSha256: sha256 }, select: packSelect }),
    db.evidenceRunReport.findFirst({
      where: { sha256 },
      orderBy: { pack: { createdAt: "asc" } },
      select: { jobId: true, pack: { select: packSelect } },
    }),
    chainStatus(db),
  ]);
  const intact = async (id: string) => {
    const rows = await db.$queryRaw<Array<{ ok: boolean }>>`
      SELECT encode(sha256(convert_to(canonical, 'UTF8')), 'hex') = sha256 AS ok
      FROM "EvidencePack" WHERE id = ${id}::uuid`;
    return rows[0]?.ok === true;
  };
  const base = (p: { id: string; label: string; createdAt: Date }) => ({
    packId: p.id,
    label: p.label,
    createdAt: p.createdAt.toISOString(),
  });
  const match = pack
    ? { kind: "pack" as const, ...base(pack), storedIntact: await intact(pack.id) }
    : pdf
      ? { kind: "pdf" as const, ...base(pdf), storedIntact: await intact(pdf.id) }
      : run
        ? {
            kind: "run" as const,
            ...base(run.pack),
            jobId: run.jobId,
            storedIntact: await intact(run.pack.id),
          }
        : null;
  return { sha256, issued: match !== null, match, chain };
}

export const verifyBytes = (bytes: Uint8Array, db: Tx = getDb()) =>
  verifySha256(sha256Hex(bytes), db);

const packSelect = { id: true, label: true, createdAt: true } as const;
