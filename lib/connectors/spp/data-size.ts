const DECIMAL: Record<string, bigint> = {
  "": 1n,
  B: 1n,
  BYTE: 1n,
  BYTES: 1n,
  KB: 10n ** 3n,
  MB: 10n ** 6n,
  GB: 10n ** 9n,
  TB: 10n ** 12n,
  PB: 10n ** 15n,
};

/** Binary spellings, and sppmon's reading of a bare "K"/"G" as binary. */
const BINARY: Record<string, bigint> = {
  K: 2n ** 10n,
  KIB: 2n ** 10n,
  M: 2n ** 20n,
  MIB: 2n ** 20n,
  G: 2n ** 30n,
  GIB: 2n ** 30n,
  T: 2n ** 40n,
  TIB: 2n ** 40n,
  PIB: 2n ** 50n,
};

const PATTERN = /^\s*(\d+)(?:\.(\d+))?\s*([A-Za-z]*)\s*$/;

/**
 * "37.59 GB" → 37590000000n. SPP prints decimal units: IBM's sppmon reads "GB" as 10^9 bytes, and
 * the simulator writes them that way. The arithmetic is exact (no floating point); a binary unit
 * that leaves a fraction of a byte rounds half up. Anything unreadable is null, never a throw.
 */
export function parseDataSize(text: string | null | undefined): bigint | null {
  if (text === null || text === undefined) return null;
  const match = PATTERN.exec(text);
  if (!match) return null;
  const [, whole = "0", fraction = "", rawUnit = ""] = match;
  const unit = rawUnit.toUpperCase();
  const factor = DECIMAL[unit] ?? BINARY[unit];
  if (factor === undefined) return null;
  const scale = 10n ** BigInt(fraction.length);
  const numerator = BigInt(whole + fraction) * factor;
  return (numerator * 2n + scale) / (scale * 2n);
}

/** SPP sends throughput as a string of bytes per second ("217081904"). */
export function parseThroughput(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined || value === "") return null;
  const n = typeof value === "number" ? value : Number(value.trim());
  return Number.isFinite(n) && n >= 0 ? n : null;
}
