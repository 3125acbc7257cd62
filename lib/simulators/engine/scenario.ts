import type { Clock } from "./clock";
import { Rng } from "./rng";

export interface SpawnerOptions {
  clock: Clock;
  rng: Rng;
  /** How far back the estate's history reaches when the simulator starts. */
  historyMs: number;
  /** Mean time between new jobs; actual gaps are exponential around it. */
  meanIntervalMs: number;
}

/**
 * Creates jobs at seeded, reproducible times: first a backlog covering `historyMs` before start (the
 * vendor's recent history), then new ones as the clock moves. Simulators call `advance()` before
 * answering a request, so state is a pure function of seed and time and no timers are needed.
 */
export class Spawner {
  private nextAt: number;

  constructor(
    private readonly options: SpawnerOptions,
    private readonly spawn: (startAt: number, rng: Rng) => void,
  ) {
    this.nextAt = options.clock.now() - options.historyMs;
  }

  advance(): void {
    const now = this.options.clock.now();
    while (this.nextAt <= now) {
      this.spawn(this.nextAt, this.options.rng);
      this.nextAt += this.gap();
    }
  }

  private gap(): number {
    const u = Math.max(1e-6, this.options.rng.next());
    return Math.max(1000, Math.round(-Math.log(u) * this.options.meanIntervalMs));
  }
}

/** 0..100 along a straight line from start to end, clamped. */
export function linearProgress(startAt: number, durationMs: number, now: number): number {
  if (now <= startAt) return 0;
  if (durationMs <= 0 || now >= startAt + durationMs) return 100;
  return ((now - startAt) / durationMs) * 100;
}
