import { afterEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/actor";
import {
  forgetRecentSessions,
  RECENT_SESSION_MS,
  recentSession,
  rememberSession,
} from "./recent-sessions";

const ann: Actor = { kind: "user", id: "u1", name: "Ann", email: "ann@x", role: "operator" };
const far = new Date(Date.UTC(2030, 0, 1));

afterEach(forgetRecentSessions);

describe("recent sessions", () => {
  it("answers for a few seconds, then asks again", () => {
    rememberSession("cookie-a", ann, far, 1_000);
    expect(recentSession("cookie-a", 1_000 + RECENT_SESSION_MS - 1)).toEqual(ann);
    expect(recentSession("cookie-b", 1_000)).toBeUndefined();
    expect(recentSession("cookie-a", 1_000 + RECENT_SESSION_MS)).toBeUndefined();
  });

  it("never outlives the session itself", () => {
    rememberSession("cookie-a", ann, new Date(1_500), 1_000);
    expect(recentSession("cookie-a", 1_499)).toEqual(ann);
    expect(recentSession("cookie-a", 1_500)).toBeUndefined();
  });

  it("forgets everything at once after a change to users or sessions", () => {
    rememberSession("cookie-a", ann, far, 1_000);
    forgetRecentSessions();
    expect(recentSession("cookie-a", 1_001)).toBeUndefined();
  });

  it("keeps a bounded number of cookies, dropping the oldest", () => {
    for (let i = 0; i < 2_001; i++) rememberSession(`cookie-${i}`, ann, far, 1_000);
    expect(recentSession("cookie-0", 1_001)).toBeUndefined();
    expect(recentSession("cookie-1", 1_001)).toEqual(ann);
    expect(recentSession("cookie-2000", 1_001)).toEqual(ann);
  });
});
