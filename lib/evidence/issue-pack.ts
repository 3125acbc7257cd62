import { randomUUID } from "node:crypto";
import type { EvidencePackView, EvidencePerson } from "@/lib/contracts/evidence";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb, type Db } from "@/lib/db/client";
import type { Actor } from "@/lib/domain/actor";
import { Forbidden } from "@/lib/domain/errors";
import { canManageEvidence } from "@/lib/domain/evidence-roles";
import { buildPackDoc } from "./build-pack";
import { canonicalJson, sha256Hex } from "./canonical";
import { appendChainEntry } from "./chain-store";
import type { Period } from "./period";
import { toPackView } from "./pack-view";

export function assertEvidenceManager(actor: Actor, what: string): void {
  if (actor.kind === "display") throw new Forbidden("Display tokens are read-only.");
  if (!canManageEvidence(actor.role))
    throw new Forbidden(`Only evidence managers may ${what}; you are ${actor.role}.`);
}

export const personOf = (actor: Actor): EvidencePerson => ({
  name: actor.name,
  email: actor.email ?? null,
  id: actor.id,
});

/**
 * Builds the pack for a period, then stores its canonical JSON, each run report's hash and a chain
 * entry in one transaction: a pack exists exactly when it is chained. A scheduled pack carries its
 * schedule key, so two workers issuing the same period store one (the second gets null).
 */
export async function issuePack(
  period: Period,
  actor: Actor,
  opts: { trigger: "manual" | "schedule"; scheduleKey?: string; now?: Date },
  db: Db = getDb(),
): Promise<EvidencePackView | null> {
  if (opts.trigger === "manual") assertEvidenceManager(actor, "generate evidence packs");
  const now = opts.now ?? new Date();
  const doc = await buildPackDoc(period, personOf(actor), now, db);
  const canonical = canonicalJson(doc);
  const sha256 = sha256Hex(canonical);
  const id = randomUUID();
  const params = {
    from: period.from.toISOString(),
    to: period.to.toISOString(),
    ...(period.quarter ? { quarter: period.quarter } : {}),
    trigger: opts.trigger,
  };
  return db.$transaction(
    async (tx) => {
      if (opts.scheduleKey) {
        const taken = await tx.evidencePack.findUnique({
          where: { scheduleKey: opts.scheduleKey },
        });
        if (taken) return null;
      }
      const pack = await tx.evidencePack.create({
        data: {
          id,
          periodFrom: period.from,
          periodTo: period.to,
          label: period.label,
          params: params as Prisma.InputJsonValue,
          scheduleKey: opts.scheduleKey ?? null,
          createdById: actor.id,
          createdBy: actor.name,
          createdByEmail: actor.email ?? null,
          createdAt: now,
          runCount: doc.runs.length,
          canonical,
          sha256,
        },
      });
      await tx.evidenceRunReport.createMany({
        data: doc.runs.map((r) => ({ packId: id, jobId: r.run.id, sha256: r.sha256 })),
      });
      await appendChainEntry(tx, { kind: "pack", subjectId: id, sha256, at: now });
      return toPackView({ ...pack, signOffs: [] });
    },
    { timeout: 120_000 },
  );
}
