import { describe, expect, it } from "vitest";
import { VendorProtocolError, VendorUnreachableError } from "../errors";
import { backoffMs, withRetries } from "./retry";

const fast = { attempts: 3, baseDelayMs: 1, maxDelayMs: 2 };

describe("withRetries", () => {
  it("retries a retryable failure and returns the eventual success", async () => {
    let calls = 0;
    const result = await withRetries(async () => {
      calls++;
      if (calls < 3) throw new VendorUnreachableError("refused");
      return "ok";
    }, fast);
    expect(result).toBe("ok");
    expect(calls).toBe(3);
  });

  it("does not retry a protocol error: a malformed reply will be malformed again", async () => {
    let calls = 0;
    await expect(
      withRetries(async () => {
        calls++;
        throw new VendorProtocolError("bad xml");
      }, fast),
    ).rejects.toThrow("bad xml");
    expect(calls).toBe(1);
  });

  it("gives up after the configured attempts", async () => {
    let calls = 0;
    await expect(
      withRetries(async () => {
        calls++;
        throw new VendorUnreachableError("down");
      }, fast),
    ).rejects.toThrow("down");
    expect(calls).toBe(3);
  });
});

describe("backoffMs", () => {
  it("doubles per attempt and stays under the cap", () => {
    const p = { baseDelayMs: 100, maxDelayMs: 1000 };
    expect(backoffMs(0, p, () => 1)).toBe(100);
    expect(backoffMs(2, p, () => 1)).toBe(400);
    expect(backoffMs(10, p, () => 1)).toBe(1000);
    expect(backoffMs(2, p, () => 0)).toBe(200);
  });
});
