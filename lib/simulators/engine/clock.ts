/**
 * Simulated time. Every simulator reads time only from its clock, so tests can step time exactly;
 * running simulators read real time, and run faster than life through their Pace, not their clock.
 */
export interface Clock {
  now(): number;
}

/** Real time: what a running simulator serves, so its timestamps agree with the browser's and the app's. */
export const realClock: Clock = { now: () => Date.now() };

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

/**
 * How many times faster than life a simulated appliance works (npm start's JOBDECK_SIM_SPEED; the
 * browser tests run at 5). The clock stays real time, so start and end times, "started … ago",
 * ETAs and timelines agree with the browser's; instead every span the appliance makes up for
 * itself is divided by the speed: job and phase lengths (so progress moves N times faster), queue
 * waits, gaps between jobs, how far back its starting history reaches and how long it keeps
 * finished jobs. Spans a caller asks for (a control endpoint's durationMs or rtoMs, a scenario's
 * scripted timings) are taken as given: a test that asks for a 20-second job gets one.
 */
export class Pace {
  constructor(readonly speed = 1) {
    if (!Number.isFinite(speed) || speed <= 0)
      throw new RangeError(`simulator speed must be a positive number, not ${speed}`);
  }

  /** A span of the appliance's normal life at this pace: whole milliseconds, never shrunk to 0. */
  span(ms: number): number {
    if (this.speed === 1 || ms === 0) return ms;
    return Math.sign(ms) * Math.max(1, Math.round(Math.abs(ms) / this.speed));
  }
}
