import { describe, expect, it } from "vitest";
import { decodeJobCursor, encodeJobCursor } from "./job-cursor";

describe("job cursor", () => {
  it("round-trips", () => {
    const c = {
      sortAt: new Date("2026-11-23T10:00:00.123Z"),
      id: "0b8c6a9e-1f7e-4a51-9d83-8f6d5c3b2a10",
    };
    expect(decodeJobCursor(encodeJobCursor(c))).toEqual(c);
  });
  it.each([
    "",
    "not-base64!",
    Buffer.from("[1,2]").toString("base64url"),
    Buffer.from('["x","y"]').toString("base64url"),
  ])("rejects %j", (text) => expect(decodeJobCursor(text)).toBeNull());
});
