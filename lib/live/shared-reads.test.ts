import { describe, expect, it } from "vitest";
import { SharedReads } from "./shared-reads";

function setup(maxAgeMs = 1_000) {
  const state = { version: 1 as number | null, now: 0, loads: 0 };
  const reads = new SharedReads({
    dataVersion: () => state.version,
    maxAgeMs,
    now: () => state.now,
  });
  const load = () => reads.read("k", async () => ++state.loads);
  return { state, reads, load };
}

describe("SharedReads", () => {
  it("answers identical reads with one load while no change is heard", async () => {
    const { state, load } = setup();
    expect(await Promise.all([load(), load(), load()])).toEqual([1, 1, 1]);
    state.now = 999;
    expect(await load()).toBe(1);
    expect(state.loads).toBe(1);
  });

  it("reads again once a change is heard, or once the answer is max-age old", async () => {
    const { state, load } = setup();
    await load();
    state.version = 2;
    expect(await load()).toBe(2);
    state.now = 1_000;
    expect(await load()).toBe(3);
  });

  it("never keeps a read that began before a change for after it", async () => {
    const { state, reads } = setup();
    let finish: (v: string) => void = () => undefined;
    const before = reads.read("k", () => new Promise<string>((r) => (finish = r)));
    state.version = 2;
    const after = reads.read("k", async () => "after the change");
    finish("before the change");
    expect(await before).toBe("before the change");
    expect(await after).toBe("after the change");
  });

  it("reuses nothing while changes could go unheard, or when turned off", async () => {
    const unheard = setup();
    unheard.state.version = null;
    await unheard.load();
    await unheard.load();
    expect(unheard.state.loads).toBe(2);
    const off = setup(0);
    await off.load();
    await off.load();
    expect(off.state.loads).toBe(2);
  });

  it("forgets kept answers and running reads when this process writes", async () => {
    const { state, reads, load } = setup();
    await load();
    reads.invalidate();
    expect(await load()).toBe(2);
    let finish: (v: string) => void = () => undefined;
    const running = reads.read("r", () => new Promise<string>((r) => (finish = r)));
    reads.invalidate();
    const after = reads.read("r", async () => "after the write");
    finish("before the write");
    expect(await running).toBe("before the write");
    expect(await after).toBe("after the write");
    expect(state.loads).toBe(2);
  });

  it("does not keep a failed read", async () => {
    const { reads } = setup();
    await expect(reads.read("k", () => Promise.reject(new Error("timeout")))).rejects.toThrow(
      "timeout",
    );
    expect(await reads.read("k", async () => "ok")).toBe("ok");
  });

  it("keeps different queries apart and holds a bounded number of answers", async () => {
    const { reads } = setup();
    for (let i = 0; i < 100; i++) expect(await reads.read(`q${i}`, async () => i)).toBe(i);
    expect(reads.size).toBe(64);
    expect(await reads.read("q99", async () => -1)).toBe(99);
    expect(await reads.read("q0", async () => -1)).toBe(-1);
  });
});
