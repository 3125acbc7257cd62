import { randomUUID } from "node:crypto";
import type { EvidenceSignOffView } from "@/lib/contracts/evidence";
import { getDb, type Db } from "@/lib/db/client";
import type { Actor } from "@/lib/domain/actor";
import { NotFound } from "@/lib/domain/errors";
import { appendChainEntry } from "./chain-store";
import { assertEvidenceManager } from "./issue-pack";
import { toSignOffView } from "./pack-view";
import { signOffHash } from "./signoff-hash";

/**
 * A named manager's sign-off of one pack: stored with who they were at the time and chained. It is
 * not part of the pack's hashed content (a pack is issued before anyone reviews it); its own hash
 * binds it to the pack's SHA-256.
 */
export async function signOffPack(
  packId: string,
  actor: Actor,
  note: string,
  db: Db = getDb(),
  now: Date = new Date(),
): Promise<EvidenceSignOffView> {
  assertEvidenceManager(actor, "sign off evidence packs");
  return db.$transaction(async (tx) => {
    const pack = await tx.evidencePack.findUnique({
      where: { id: packId },
      select: { id: true, sha256: true },
    });
    if (!pack) throw new NotFound(`No evidence pack ${packId}.`);
    const row = {
      id: randomUUID(),
      packId,
      author: actor.name,
      authorEmail: actor.email ?? null,
      authorId: actor.id,
      role: actor.role,
      note,
      createdAt: now,
    };
    const sha256 = signOffHash(row, pack.sha256);
    const created = await tx.evidenceSignOff.create({ data: { ...row, sha256 } });
    await appendChainEntry(tx, { kind: "signoff", subjectId: row.id, sha256, at: now });
    return toSignOffView(created);
  });
}
