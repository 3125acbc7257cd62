import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * One kind of bearer token Jobdeck issues: a prefix naming the kind, so a header or link says what
 * it carries before any lookup, then 32 random bytes in base64url (43 characters, no padding).
 * Shown once when created; the database keeps only its hash.
 */
export interface TokenKind {
  generate(): string;
  /** Cheap shape check so random strings never reach the database. */
  isFormat(value: string): boolean;
}

function tokenKind(prefix: string): TokenKind {
  const format = new RegExp(`^${prefix}[A-Za-z0-9_-]{43}$`);
  return {
    generate: () => prefix + randomBytes(32).toString("base64url"),
    isFormat: (value) => format.test(value),
  };
}

/** Tokens for scripts (`Authorization: Bearer jda_…`). */
export const API_TOKEN = tokenKind("jda_");
/** Read-only tokens for wall screens. */
export const DISPLAY_TOKEN = tokenKind("jdd_");

/** What the database keeps: a token with 256 bits of entropy needs no salt or slow hash. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function tokenHashesEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

// Scripts and wall screens call every few seconds; recording every use would be a write per call.
const LAST_USED_RESOLUTION_MS = 60_000;

/** Whether a token's "last used" is old enough to be worth a write. */
export function lastUseIsStale(lastUsedAt: Date | null, now: number): boolean {
  return !lastUsedAt || now - lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS;
}
