import type { Clock } from "@/lib/simulators/engine/clock";
import { Rng } from "@/lib/simulators/engine/rng";

/** Login sessions: Basic auth buys a session id that lapses after an idle period (45 min on SPP). */
export class LoginSessions {
  private readonly lastUsed = new Map<string, number>();
  private readonly rng: Rng;

  constructor(
    private readonly clock: Clock,
    private readonly user: string,
    private readonly password: string,
    private readonly idleMs: number,
    seed: number,
  ) {
    this.rng = new Rng(seed ^ 0x5e5510);
  }

  /** A new session id for a correct `Authorization: Basic` header, else null. */
  login(authorization: string | undefined): string | null {
    const match = /^Basic\s+(.+)$/i.exec(authorization ?? "");
    if (!match?.[1]) return null;
    const decoded = Buffer.from(match[1], "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (
      colon < 0 ||
      decoded.slice(0, colon) !== this.user ||
      decoded.slice(colon + 1) !== this.password
    )
      return null;
    this.expire();
    const id = this.rng.hex(32);
    this.lastUsed.set(id, this.clock.now());
    return id;
  }

  /** True, and the idle timer restarts, when the id names a live session. */
  touch(id: string | undefined): boolean {
    if (!id) return false;
    const last = this.lastUsed.get(id);
    const now = this.clock.now();
    if (last === undefined) return false;
    if (now - last > this.idleMs) {
      this.lastUsed.delete(id);
      return false;
    }
    this.lastUsed.set(id, now);
    return true;
  }

  logout(id: string | undefined): boolean {
    return id ? this.lastUsed.delete(id) : false;
  }

  private expire(): void {
    const now = this.clock.now();
    for (const [id, last] of this.lastUsed) if (now - last > this.idleMs) this.lastUsed.delete(id);
  }
}
