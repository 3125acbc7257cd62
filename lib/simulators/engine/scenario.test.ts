import { describe, expect, it } from "vitest";
import { ManualClock } from "./clock";
import { Rng } from "./rng";
import { Spawner, linearProgress } from "./scenario";

describe("Spawner", () => {
  it("backfills history, then spawns only as the clock moves, reproducibly", () => {
    const run = () => {
      const clock = new ManualClock(1_000_000_000);
      const starts: number[] = [];
      const s = new Spawner(
        { clock, rng: new Rng(7), historyMs: 3_600_000, meanIntervalMs: 60_000 },
        (at) => starts.push(at),
      );
      s.advance();
      const backlog = starts.length;
      s.advance();
      expect(starts.length).toBe(backlog);
      clock.advance(600_000);
      s.advance();
      return { backlog, starts };
    };
    const a = run();
    expect(a.backlog).toBeGreaterThan(20);
    expect(a.starts.length).toBeGreaterThan(a.backlog);
    expect(a.starts.every((t, i) => i === 0 || t > (a.starts[i - 1] ?? 0))).toBe(true);
    expect(run().starts).toEqual(a.starts);
  });
});

describe("linearProgress", () => {
  it("clamps to 0..100", () => {
    expect(linearProgress(100, 100, 50)).toBe(0);
    expect(linearProgress(100, 100, 150)).toBe(50);
    expect(linearProgress(100, 100, 500)).toBe(100);
  });
});
