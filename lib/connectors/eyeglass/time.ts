/**
 * Eyeglass times: epoch milliseconds per the model, but the unit is UNCONFIRMED, so values below
 * 10^11 are read as seconds. 0 (the model's "not yet") and unparsable values are null.
 */
export function toDate(value: number | string | null | undefined): Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") {
    const trimmed = value.trim();
    if (trimmed === "") return null;
    if (/^-?\d+(\.\d+)?$/.test(trimmed)) return fromNumber(Number(trimmed));
    const parsed = Date.parse(trimmed);
    return Number.isNaN(parsed) ? null : new Date(parsed);
  }
  return fromNumber(value);
}

function fromNumber(n: number): Date | null {
  if (!Number.isFinite(n) || n <= 0) return null;
  return new Date(n < 1e11 ? n * 1000 : n);
}
