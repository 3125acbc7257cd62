/**
 * Simulated time. Every simulator reads time only from its clock, so tests can step time exactly
 * and demos can run faster than real time.
 */
export interface Clock {
  now(): number;
}

/** Real time, optionally sped up from the moment it is created. */
export class ScaledClock implements Clock {
  private readonly origin = Date.now();
  constructor(private readonly speed = 1) {}
  now(): number {
    return this.origin + (Date.now() - this.origin) * this.speed;
  }
}

/** Time that moves only when told: deterministic tests. */
export class ManualClock implements Clock {
  constructor(private current: number = Date.UTC(2026, 10, 23, 12, 0, 0)) {}
  now(): number {
    return this.current;
  }
  advance(ms: number): void {
    this.current += ms;
  }
  set(ms: number): void {
    this.current = ms;
  }
}
