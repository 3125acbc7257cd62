import { createHash } from "node:crypto";
import canonicalize from "canonicalize";

/**
 * RFC 8785 (JSON Canonicalization Scheme): sorted keys, no whitespace, ECMAScript number form, so
 * anyone can recompute a pack's hash from its JSON with any JCS library. Undefined has no JSON form
 * and is refused rather than silently dropped.
 */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError("value has no JSON form");
  return text;
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

export const hashCanonical = (value: unknown): string => sha256Hex(canonicalJson(value));
