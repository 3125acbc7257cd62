import { hkdfSync } from "node:crypto";
import { secretKey } from "@/lib/crypto/secret-key";

/**
 * The key better-auth signs session cookies with, derived from Jobdeck's one secret key so an
 * install has a single secret to keep (and a local install keeps working across restarts).
 * HKDF with a purpose label keeps it independent of the credential-sealing key.
 */
export function authSecret(): string {
  return Buffer.from(
    hkdfSync("sha256", secretKey(), Buffer.alloc(0), "jobdeck auth session cookies", 32),
  ).toString("base64url");
}
