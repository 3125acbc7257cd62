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
  if (cached) return cached;
  const { JOBDECK_SECRET_KEY, JOBDECK_DATA_DIR } = env();
  if (JOBDECK_SECRET_KEY) {
    cached = Buffer.from(JOBDECK_SECRET_KEY, "base64");
    return cached;
  }
  const file = path.resolve(JOBDECK_DATA_DIR, "secret.key");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600, flag: "wx" });
  }
  cached = Buffer.from(readFileSync(file, "utf8").trim(), "base64");
  return cached;
}
