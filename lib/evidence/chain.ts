import type { ChainStatus } from "@/lib/contracts/evidence";
import { canonicalJson, sha256Hex } from "./canonical";

/** The first entry's previous hash. */
export const GENESIS = "0".repeat(64);

export interface ChainEntry {
  seq: number;
  kind: "pack" | "signoff" | "pdf";
  subjectId: string;
  sha256: string;
  at: string;
  prevHash: string;
}

export interface StoredChainEntry extends ChainEntry {
  entryHash: string;
}

/** SHA-256 over the previous entry's hash followed by this entry's canonical JSON (all fields but its own hash). */
export function chainEntryHash(entry: ChainEntry): string {
  const { seq, kind, subjectId, sha256, at, prevHash } = entry;
  return sha256Hex(prevHash + canonicalJson({ seq, kind, subjectId, sha256, at, prevHash }));
}

/** The chain's answer when `problem` breaks it at entry `seq` (null: no one entry is at fault). */
export const brokenChain = (entries: number, seq: number | null, problem: string): ChainStatus => ({
  intact: false,
  entries,
  brokenAt: seq,
  problem,
});

/**
 * Recomputes the chain in order: each entry must follow the previous one (seq + 1, prevHash equal to
 * the previous entryHash) and hash to its stored entryHash. Editing any field of any row, deleting a
 * row or inserting one breaks it at that row.
 */
export function verifyChain(entries: readonly StoredChainEntry[]): ChainStatus {
  let prev = GENESIS;
  let expectSeq = 1;
  for (const e of entries) {
    const broken = (problem: string) => brokenChain(entries.length, e.seq, problem);
    if (e.seq !== expectSeq) return broken(`entry ${expectSeq} is missing`);
    if (e.prevHash !== prev) return broken(`entry ${e.seq} does not follow entry ${e.seq - 1}`);
    if (chainEntryHash(e) !== e.entryHash) return broken(`entry ${e.seq} was altered`);
    prev = e.entryHash;
    expectSeq += 1;
  }
  return { intact: true, entries: entries.length, brokenAt: null, problem: null };
}
