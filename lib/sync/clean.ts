import { createHash } from "node:crypto";

// A UTF-16 surrogate without its partner: JSON can carry one ("\ud800"), UTF-8 and jsonb cannot.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Vendor data can carry NUL bytes and lone surrogates that PostgreSQL text and jsonb refuse (one
 * such string failed its whole batch); NUL carries no meaning for us, a lone surrogate shows as �.
 */
export const clean = (s: string | null): string | null =>
  s === null ? null : s.replace(/\u0000/g, "").replace(LONE_SURROGATE, "\uFFFD");

/** A vendor record as jsonb text, every string in it cleaned. */
export function cleanJson(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, v: unknown) =>
    typeof v === "string" ? clean(v) : v,
  );
}

/**
 * Longest stored value of a vendor string that a B-tree index holds (job name and type, phase
 * name, and dataset, policy, cluster and group, which the timeline's density table keys its lanes
 * by). PostgreSQL refuses an index entry over ~2.7 KB, so one absurd vendor name would fail its
 * whole batch; 500 characters stay under that in any encoding and are more than a screen shows.
 */
export const INDEXED_TEXT_MAX = 500;

/** `clean`, cut to INDEXED_TEXT_MAX characters with an ellipsis where it was longer. */
export function cleanIndexed(s: string): string;
export function cleanIndexed(s: string | null): string | null;
export function cleanIndexed(s: string | null): string | null {
  const cleaned = clean(s);
  if (cleaned === null) return null;
  const chars = Array.from(cleaned);
  return chars.length <= INDEXED_TEXT_MAX
    ? cleaned
    : `${chars.slice(0, INDEXED_TEXT_MAX - 1).join("")}…`;
}

/**
 * A vendor's key for a phase or event (a unique B-tree index): as sent up to INDEXED_TEXT_MAX
 * characters, else its start and a SHA-256 of the whole, so a longer key stays unique and stable
 * (the next poll's upsert finds the same row) and never fails its batch.
 */
export function cleanKey(s: string): string;
export function cleanKey(s: string | null): string | null;
export function cleanKey(s: string | null): string | null {
  const cleaned = clean(s);
  if (cleaned === null || Array.from(cleaned).length <= INDEXED_TEXT_MAX) return cleaned;
  return `${Array.from(cleaned).slice(0, 100).join("")}…#${createHash("sha256").update(cleaned).digest("hex")}`;
}
