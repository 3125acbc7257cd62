/** Vendor data can carry NUL bytes that PostgreSQL text refuses; they carry no meaning for us. */
export const clean = (s: string | null): string | null => (s === null ? null : s.replace(/\u0000/g, ""));

/**
 * Longest stored value of a vendor string that a B-tree index holds (job name and type, phase
 * name). PostgreSQL refuses an index entry over ~2.7 KB, so one absurd vendor name would fail its
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
  return chars.length <= INDEXED_TEXT_MAX ? cleaned : `${chars.slice(0, INDEXED_TEXT_MAX - 1).join("")}…`;
}
