import { describe, expect, it } from "vitest";
import {
  FAILURE_STATES,
  IN_FLIGHT_STATES,
  isFailure,
  isInFlight,
  isTerminal,
  isUnfinished,
  JOB_STATES,
  TERMINAL_STATES,
  UNFINISHED_STATES,
} from "./job-state";

describe("job state groups", () => {
  it("split every state into unfinished or terminal, never both", () => {
    expect([...UNFINISHED_STATES, ...TERMINAL_STATES].sort()).toEqual([...JOB_STATES].sort());
    for (const s of JOB_STATES) expect(isUnfinished(s)).toBe(!isTerminal(s));
  });

  it("count a queued job as unfinished but not in flight", () => {
    expect(isUnfinished("queued")).toBe(true);
    expect(isInFlight("queued")).toBe(false);
    expect(IN_FLIGHT_STATES).toEqual(["running", "paused", "aborting"]);
    expect(JOB_STATES.filter(isInFlight)).toEqual(
      JOB_STATES.filter((s) => isUnfinished(s) && s !== "queued"),
    );
  });

  it("count aborted and cancelled jobs as failures, partial ones not", () => {
    expect(FAILURE_STATES).toEqual(["failed", "aborted", "canceled"]);
    expect(JOB_STATES.filter(isFailure)).toEqual([...FAILURE_STATES]);
    expect(isFailure("partial")).toBe(false);
    expect(FAILURE_STATES.every(isTerminal)).toBe(true);
  });
});
