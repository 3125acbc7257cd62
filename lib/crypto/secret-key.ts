import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { env } from "@/lib/env";

let cached: Buffer | undefined;

/**
 * The key that seals source credentials: JOBDECK_SECRET_KEY, or for a local install one generated
 * once and kept (mode 0600) in the data directory, so credentials survive restarts.
 */
export function secretKey(): Buffer {
  const { JOBDECK_SECRET_KEY, JOBDECK_DATA_DIR } = env();
  if (JOBDECK_SECRET_KEY) return Buffer.from(JOBDECK_SECRET_KEY, "base64");
  if (cached) return cached;
  const file = path.resolve(JOBDECK_DATA_DIR, "secret.key");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600, flag: "wx" });
  }
  cached = Buffer.from(readFileSync(file, "utf8").trim(), "base64");
  return cached;
}

/** Every key that may open a stored secret: the current one first, then JOBDECK_PREVIOUS_SECRET_KEYS. */
export function openingKeys(): Buffer[] {
  return [secretKey(), ...env().JOBDECK_PREVIOUS_SECRET_KEYS.map((k) => Buffer.from(k, "base64"))];
}
