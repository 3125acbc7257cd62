import { createHash, randomBytes, randomInt } from "node:crypto";

// No 0/O, 1/I/L: the code is read off a screen across a room and typed by hand.
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const LENGTH = 8;

/** "K7QM-4XTP": 8 symbols from 31, about 40 bits, enough for a code that lives ten minutes. */
export function generatePairingCode(): string {
  let code = "";
  for (let i = 0; i < LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** What a person typed, in canonical form, or null when it cannot be a pairing code. */
export function normalizePairingCode(input: string): string | null {
  const plain = input.toUpperCase().replace(/[\s-]/g, "");
  if (plain.length !== LENGTH || [...plain].some((c) => !ALPHABET.includes(c))) return null;
  return `${plain.slice(0, 4)}-${plain.slice(4)}`;
}

/** The screen's proof that it is the one that asked for the code; only its hash is stored. */
export function generateDeviceSecret(): string {
  return randomBytes(32).toString("base64url");
}

export function hashDeviceSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}
