import type { Clock } from "@/lib/simulators/engine/clock";
import type { Rng } from "@/lib/simulators/engine/rng";

/** Login tokens with Commvault's idle expiry: each call that uses a token keeps it alive. */
export class Sessions {
  private readonly lastUsed = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    private readonly rng: Rng,
    private readonly idleMs: number,
  ) {}

  issue(): string {
    const token = `QSDK ${this.rng.hex(320)}`;
    this.lastUsed.set(token, this.clock.now());
    return token;
  }

  /** True and refreshed when the token is live; an idle one is forgotten. */
  touch(token: string | undefined): boolean {
    if (!token) return false;
    const last = this.lastUsed.get(token);
    const now = this.clock.now();
    if (last === undefined) return false;
    if (now - last >= this.idleMs) {
      this.lastUsed.delete(token);
      return false;
    }
    this.lastUsed.set(token, now);
    return true;
  }

  /** A fresh token in place of a live one; null when the old one has already expired. */
  renew(token: string | undefined): string | null {
    if (!token || !this.touch(token)) return null;
    this.lastUsed.delete(token);
    return this.issue();
  }

  revoke(token: string | undefined): void {
    if (token) this.lastUsed.delete(token);
  }
}
