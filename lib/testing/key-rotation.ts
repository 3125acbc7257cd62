import { randomBytes } from "node:crypto";
import { afterEach, vi } from "vitest";
import { keyId } from "@/lib/crypto/secret-box";
import { resetEnvCache } from "@/lib/env";

/**
 * Two fresh secret keys and a switch between them, as an operator rotating JOBDECK_SECRET_KEY
 * does: set the new key, keep the old one in JOBDECK_PREVIOUS_SECRET_KEYS until everything is
 * resealed. The environment is restored after each test of the calling file.
 */
export function keyRotation() {
  const oldKey = randomBytes(32).toString("base64");
  const newKey = randomBytes(32).toString("base64");
  afterEach(() => {
    vi.unstubAllEnvs();
    resetEnvCache();
  });
  return {
    oldKey,
    newKey,
    useKeys(current: string, previous: string[] = []) {
      vi.stubEnv("JOBDECK_SECRET_KEY", current);
      vi.stubEnv("JOBDECK_PREVIOUS_SECRET_KEYS", previous.join(","));
      resetEnvCache();
    },
    /** The key id a sealed value names (its second dot-separated part). */
    idOf: (key: string) => keyId(Buffer.from(key, "base64")),
  };
}
