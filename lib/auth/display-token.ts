import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

const PREFIX = "jdd_";
// 32 random bytes in base64url: 43 characters, no padding.
const FORMAT = /^jdd_[A-Za-z0-9_-]{43}$/;

/** A new display token: "jdd_" and 32 random bytes; shown to the admin once, never stored. */
export function generateDisplayToken(): string {
  return PREFIX + randomBytes(32).toString("base64url");
}

/** Cheap shape check so random strings never reach the database. */
export function isDisplayTokenFormat(value: string): boolean {
  return FORMAT.test(value);
}

/** What the database keeps: a token with 256 bits of entropy needs no salt or slow hash. */
export function hashDisplayToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function displayTokenHashesEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}
