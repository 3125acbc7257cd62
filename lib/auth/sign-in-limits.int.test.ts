import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { hitThrottle, pruneThrottles, recordThrottleFailure } from "@/lib/data/throttle";
import { setDb } from "@/lib/db/client";
import { env, resetEnvCache } from "@/lib/env";
import { PEER_HEADER } from "@/lib/http/client-ip";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { randomIp, signInRequest } from "./test-support";
import { createUser } from "./users";

let t: TestDatabase;
const PASSWORD = "correct horse battery";

beforeAll(async () => {
  t = await createTestDatabase();
  setDb(t.db);
  for (const name of ["olga", "piet", "mara", "lena"])
    await createUser({ email: `${name}@example.com`, name, password: PASSWORD, role: "operator" });
});
afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvCache();
});
afterAll(async () => {
  setDb(undefined);
  await t.drop();
});

async function problemOf(response: Response) {
  expect(response.headers.get("content-type")).toContain("application/problem+json");
  return (await response.json()) as { status: number; detail: string };
}

describe("sign-in limits", () => {
  it("limits 1,000 attempts from one socket however X-Forwarded-For rotates", async () => {
    const peer = randomIp();
    const statuses: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const response = await signInRequest(`guess${i}@example.com`, "wrong password", {
        [PEER_HEADER]: peer,
        "x-forwarded-for": randomIp(),
      });
      statuses.push(response.status);
      if (response.status === 429 && i === 999) {
        const problem = await problemOf(response);
        expect(problem.detail).toMatch(
          /Too many sign-in attempts from your network address\. Wait \d+ (seconds|minutes)/,
        );
        expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
      }
    }
    const reachedPasswordCheck = statuses.filter((s) => s === 401).length;
    expect(reachedPasswordCheck).toBe(env().JOBDECK_SIGNIN_ATTEMPTS_PER_MINUTE);
    expect(statuses.filter((s) => s === 429)).toHaveLength(1000 - reachedPasswordCheck);
    // Another client is unaffected.
    expect(
      (await signInRequest("olga@example.com", PASSWORD, { [PEER_HEADER]: randomIp() })).status,
    ).toBe(200);
  });

  it("locks an account after repeated wrong passwords from many addresses, with a clear message, and still refuses the right one", async () => {
    const allowance = env().JOBDECK_SIGNIN_FAILURES_BEFORE_LOCK;
    for (let i = 0; i < allowance; i++) {
      expect(
        (await signInRequest("piet@example.com", "wrong password", { [PEER_HEADER]: randomIp() }))
          .status,
      ).toBe(401);
    }
    const locked = await signInRequest("piet@example.com", PASSWORD, { [PEER_HEADER]: randomIp() });
    expect(locked.status).toBe(429);
    expect((await problemOf(locked)).detail).toMatch(
      /This account is locked for \d+ seconds after repeated wrong passwords/,
    );
    expect(Number(locked.headers.get("x-retry-after"))).toBeGreaterThan(0);
    // Other accounts are not locked with it.
    expect(
      (await signInRequest("mara@example.com", PASSWORD, { [PEER_HEADER]: randomIp() })).status,
    ).toBe(200);
  });

  it("backs off: each failure past the allowance doubles the lock-out, up to a ceiling", async () => {
    const now = new Date("2026-01-01T00:00:00Z");
    const locks: number[] = [];
    for (let i = 0; i < 8; i++)
      locks.push(await recordThrottleFailure("test:backoff", 2, 1_000, 10_000, now, t.db));
    expect(locks).toEqual([0, 1_000, 2_000, 4_000, 8_000, 10_000, 10_000, 10_000]);
    expect(
      (await hitThrottle("test:backoff", 100, 60_000, new Date(now.getTime() + 5_000), t.db))
        .allowed,
    ).toBe(false);
    expect(
      (await hitThrottle("test:backoff", 100, 60_000, new Date(now.getTime() + 10_001), t.db))
        .allowed,
    ).toBe(true);
    // A day later the row is pruned; a locked row is kept while its lock lasts.
    await recordThrottleFailure("test:locked", 0, 3 * 86_400_000, 3 * 86_400_000, now, t.db);
    await pruneThrottles(new Date(now.getTime() + 2 * 86_400_000), t.db);
    expect(
      await t.db.throttle.findMany({
        where: { key: { startsWith: "test:" } },
        select: { key: true },
      }),
    ).toEqual([{ key: "test:locked" }]);
  });

  it("behind a trusted proxy that appends to X-Forwarded-For, clients get their own buckets", async () => {
    vi.stubEnv("JOBDECK_TRUSTED_PROXIES", "10.0.0.0/8");
    resetEnvCache();
    const proxy = "10.9.8.7";
    const attacker = "198.51.100.66";
    const limit = env().JOBDECK_SIGNIN_ATTEMPTS_PER_MINUTE;
    for (let i = 0; i < limit + 5; i++) {
      // The attacker writes its own X-Forwarded-For; the proxy appends the address it really saw.
      await signInRequest(`flood${i}@example.com`, "wrong password", {
        [PEER_HEADER]: proxy,
        "x-forwarded-for": `${randomIp()}, ${attacker}`,
      });
    }
    expect(
      (
        await signInRequest("nobody@example.com", "x", {
          [PEER_HEADER]: proxy,
          "x-forwarded-for": attacker,
        })
      ).status,
    ).toBe(429);
    // Everyone else behind the same proxy still signs in.
    expect(
      (
        await signInRequest("lena@example.com", PASSWORD, {
          [PEER_HEADER]: proxy,
          "x-forwarded-for": "198.51.100.7",
        })
      ).status,
    ).toBe(200);
  });
});
