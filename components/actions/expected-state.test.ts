import { describe, expect, it } from "vitest";
import { isSettled } from "./expected-state";

describe("isSettled", () => {
  it("keeps an abort pending through aborting and settles it at a final state", () => {
    expect(isSettled("abort", "running")).toBe(false);
    expect(isSettled("abort", "aborting")).toBe(false);
    expect(isSettled("abort", "aborted")).toBe(true);
  });
  it("settles pause at paused and resume at running", () => {
    expect(isSettled("pause", "running")).toBe(false);
    expect(isSettled("pause", "paused")).toBe(true);
    expect(isSettled("resume", "paused")).toBe(false);
    expect(isSettled("resume", "running")).toBe(true);
  });
});
