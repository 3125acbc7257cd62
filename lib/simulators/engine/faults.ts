import { z } from "zod";

/**
 * Faults a test or a demo can inject into a simulator over HTTP (POST /__sim/faults), to see how
 * Jobdeck copes with a vendor that misbehaves the way real ones do.
 */
export const faultSchema = z.object({
  kind: z.enum(["malformed", "truncated", "status", "delay", "reset", "body"]),
  /** Applies only to requests whose path contains this text (and method, if given). */
  path: z.string().optional(),
  method: z.string().optional(),
  /** How many requests it applies to; omitted: until cleared. */
  times: z.number().int().positive().optional(),
  /**
   * Chance (0..1) that a matching request gets it; omitted: every matching request. Draws come
   * from a seeded generator, so a chaos run with the same seed and requests misbehaves the same way.
   */
  probability: z.number().min(0).max(1).optional(),
  status: z.number().int().min(100).max(599).optional(),
  ms: z.number().int().min(0).max(600_000).optional(),
  body: z.string().optional(),
  contentType: z.string().optional(),
});
export type Fault = z.infer<typeof faultSchema>;

export class FaultInjector {
  private faults: Array<Fault & { left: number }> = [];
  private seed = 0x5eed;

  /** Mulberry32: small, seeded, good enough to decide which requests misbehave. */
  private draw(): number {
    this.seed = (this.seed + 0x6d2b79f5) | 0;
    let t = this.seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  add(fault: Fault): void {
    this.faults.push({ ...fault, left: fault.times ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.faults = [];
  }

  list(): Fault[] {
    return this.faults.map(withoutCounter);
  }

  /** The fault to apply to this request, if any; consumes one use of it. */
  take(method: string, path: string): Fault | null {
    const index = this.faults.findIndex(
      (f) =>
        (!f.path || path.includes(f.path)) &&
        (!f.method || f.method.toUpperCase() === method) &&
        (f.probability === undefined || this.draw() < f.probability),
    );
    if (index < 0) return null;
    const fault = this.faults[index];
    if (!fault) return null;
    fault.left -= 1;
    if (fault.left <= 0) this.faults.splice(index, 1);
    return withoutCounter(fault);
  }
}

function withoutCounter(fault: Fault & { left: number }): Fault {
  const copy: Partial<Fault & { left: number }> = { ...fault };
  delete copy.left;
  return copy as Fault;
}
