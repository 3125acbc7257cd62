import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

/**
 * AES-256-GCM with a key id and associated data. The stored form is
 * "v2.<key id>.<iv>.<tag>.<ciphertext>" (each part base64url): the key id says which key sealed it,
 * so keys can be rotated (old ones still open what they sealed), and the associated data binds the
 * ciphertext to what it belongs to (a source's id, a pairing code), so a sealed value copied into
 * another row does not open. "v1.<iv>.<tag>.<ciphertext>" (no key id, no associated data) is still
 * read, and resealed by `npm run rotate-key`.
 */
const VERSION = "v2";
const LEGACY = "v1";

/** Six bytes of the key's SHA-256: names the key without revealing it. */
export function keyId(key: Buffer): string {
  assertKey(key);
  return createHash("sha256")
    .update("jobdeck key id")
    .update(key)
    .digest()
    .subarray(0, 6)
    .toString("base64url");
}

export function sealSecret(plain: string, key: Buffer, aad: string): string {
  assertKey(key);
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(aad, "utf8"));
  const ct = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [
    VERSION,
    keyId(key),
    iv.toString("base64url"),
    cipher.getAuthTag().toString("base64url"),
    ct.toString("base64url"),
  ].join(".");
}

/** Opens with whichever of `keys` sealed it (the current key first, then earlier ones). */
export function openSecret(sealed: string, keys: Buffer | readonly Buffer[], aad: string): string {
  const candidates = Array.isArray(keys) ? keys : [keys as Buffer];
  candidates.forEach(assertKey);
  const parts = sealed.split(".");
  if (parts[0] === VERSION && parts.length === 5) {
    const [, kid, iv = "", tag = "", ct = ""] = parts;
    const key = candidates.find((k) => keyId(k) === kid);
    if (!key)
      throw new Error(
        `stored secret was sealed with key ${kid}, which is neither JOBDECK_SECRET_KEY nor in JOBDECK_PREVIOUS_SECRET_KEYS`,
      );
    const plain = decrypt(key, iv, tag, ct, aad);
    if (plain === null)
      throw new Error(
        "stored secret cannot be decrypted: it was altered, or belongs to another record",
      );
    return plain;
  }
  if (parts[0] === LEGACY && parts.length === 4) {
    const [, iv = "", tag = "", ct = ""] = parts;
    for (const key of candidates) {
      const plain = decrypt(key, iv, tag, ct, null);
      if (plain !== null) return plain;
    }
    throw new Error(
      "stored secret cannot be decrypted: JOBDECK_SECRET_KEY differs from the key it was sealed with",
    );
  }
  throw new Error("stored secret is not in a known format");
}

/** Whether a sealed value should be resealed: an old format, or a key other than the current one. */
export function needsReseal(sealed: string, currentKey: Buffer): boolean {
  const [version, kid] = sealed.split(".");
  return version !== VERSION || kid !== keyId(currentKey);
}

function decrypt(
  key: Buffer,
  iv: string,
  tag: string,
  ct: string,
  aad: string | null,
): string | null {
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    if (aad !== null) decipher.setAAD(Buffer.from(aad, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([
      decipher.update(Buffer.from(ct, "base64url")),
      decipher.final(),
    ]).toString("utf8");
  } catch {
    return null;
  }
}

function assertKey(key: Buffer): void {
  if (key.length !== 32) throw new Error("secret key must be 32 bytes");
}
