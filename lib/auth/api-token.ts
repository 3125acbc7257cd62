import { createHash, randomBytes } from "node:crypto";
import { displayTokenHashesEqual } from "./display-token";

const PREFIX = "jda_";
// 32 random bytes in base64url: 43 characters, no padding. A distinct prefix from display tokens
// ("jdd_") so a bearer header says which kind it carries before any lookup.
const FORMAT = /^jda_[A-Za-z0-9_-]{43}$/;

/** A new API token: "jda_" and 32 random bytes; shown to the admin once, never stored. */
export function generateApiToken(): string {
  return PREFIX + randomBytes(32).toString("base64url");
}

export function isApiTokenFormat(value: string): boolean {
  return FORMAT.test(value);
}

/** 256 bits of entropy need no salt or slow hash: SHA-256 is what the database keeps. */
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export const apiTokenHashesEqual = displayTokenHashesEqual;

/** An API token sent as `Authorization: Bearer jda_…`. */
export function bearerApiToken(request: Pick<Request, "headers">): string | null {
  return request.headers.get("authorization")?.match(/^Bearer\s+(jda_\S+)$/i)?.[1] ?? null;
}
