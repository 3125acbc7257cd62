import { afterEach, describe, expect, it, vi } from "vitest";
import { acquireHeavySlot, releaseWhenSent } from "./heavy-gate";

/** A response whose body never ends: a client that stops reading is all that can free its slot. */
const endless = () =>
  new Response(
    new ReadableStream<Uint8Array>({
      pull: (c) => c.enqueue(new TextEncoder().encode("row\n")),
    }),
  );

/** How many slots can be taken right now (each taken one is given back). */
function freeSlots(): number {
  const taken: Array<() => void> = [];
  try {
    for (;;) taken.push(acquireHeavySlot());
  } catch {
    return taken.length;
  } finally {
    for (const r of taken) r();
  }
}

afterEach(() => vi.useRealTimers());

describe("heavy gate", () => {
  it("gives the slot back when a client stops reading a response, so later reports are not refused", async () => {
    vi.useFakeTimers();
    const all = freeSlots();
    const res = releaseWhenSent(endless(), acquireHeavySlot(), undefined, 1_000);
    await res.body?.getReader().read();
    expect(freeSlots()).toBe(all - 1);
    await vi.advanceTimersByTimeAsync(1_001);
    expect(freeSlots()).toBe(all);
  });

  it("gives the slot back when the request is aborted, once however often it ends", async () => {
    const all = freeSlots();
    const abort = new AbortController();
    const res = releaseWhenSent(endless(), acquireHeavySlot(), abort.signal, 60_000);
    expect(freeSlots()).toBe(all - 1);
    abort.abort();
    await res.body?.cancel();
    expect(freeSlots()).toBe(all);
  });

  it("holds the slot while the client keeps reading", async () => {
    vi.useFakeTimers();
    const all = freeSlots();
    const reader = releaseWhenSent(
      endless(),
      acquireHeavySlot(),
      undefined,
      1_000,
    ).body?.getReader();
    for (let i = 0; i < 5; i++) {
      await reader?.read();
      await vi.advanceTimersByTimeAsync(900);
    }
    expect(freeSlots()).toBe(all - 1);
    await reader?.cancel();
    expect(freeSlots()).toBe(all);
  });
});
