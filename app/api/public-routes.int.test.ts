import { describe, expect, it } from "vitest";
import { createDisplayToken } from "@/lib/auth/display-tokens";
import { MAX_PENDING_PAIRINGS } from "@/lib/auth/pairing-requests";
import { randomIp } from "@/lib/auth/test-support";
import { PEER_HEADER } from "@/lib/http/client-ip";
import { appTestDatabase } from "@/lib/testing/test-db";
import { POST as claim } from "./pairing/claim/route";
import { POST as startPairing } from "./pairing/route";
import { GET as enter } from "./display-tokens/enter/route";
import { callRoute } from "./role-matrix.support";

const t = appTestDatabase();

const pendingPairings = () =>
  t.db.verification.count({ where: { identifier: { startsWith: "wall-pairing:" } } });

describe("public routes under attack", () => {
  it("limits a pairing flood from one address, whatever X-Forwarded-For says, with problem+json and Retry-After", async () => {
    const peer = randomIp();
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 300; i++) {
      last = await callRoute(startPairing, "POST", "/api/pairing", {
        [PEER_HEADER]: peer,
        "x-forwarded-for": randomIp(),
      });
      statuses.push(last.status);
    }
    expect(statuses.filter((s) => s === 201)).toHaveLength(20);
    expect(statuses.filter((s) => s === 429)).toHaveLength(280);
    expect(last?.headers.get("content-type")).toContain("application/problem+json");
    expect(Number(last?.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await pendingPairings()).toBe(20);
  });

  it("caps pending pairings across the install when the flood comes from many addresses", async () => {
    const before = await pendingPairings();
    const statuses: number[] = [];
    for (let i = 0; i < MAX_PENDING_PAIRINGS - before + 50; i++)
      statuses.push(
        (await callRoute(startPairing, "POST", "/api/pairing", { [PEER_HEADER]: randomIp() }))
          .status,
      );
    expect(await pendingPairings()).toBe(MAX_PENDING_PAIRINGS);
    expect(statuses.filter((s) => s === 503)).toHaveLength(50);
  });

  it("limits claim polling and refuses oversized bodies before reading them", async () => {
    const peer = randomIp();
    const huge = await callRoute(
      claim,
      "POST",
      "/api/pairing/claim",
      { [PEER_HEADER]: peer },
      { body: { code: "ABCD-EFGH", deviceSecret: "x".repeat(2_000_000) } },
    );
    expect(huge.status).toBe(413);
    expect(
      ((await huge.json()) as { errors: Array<{ parameter: string }> }).errors[0]?.parameter,
    ).toBe("body");
    const statuses: number[] = [];
    for (let i = 0; i < 260; i++)
      statuses.push(
        (
          await callRoute(
            claim,
            "POST",
            "/api/pairing/claim",
            { [PEER_HEADER]: peer },
            { body: { code: "ABCD-EFGH", deviceSecret: "nope" } },
          )
        ).status,
      );
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(260 - 240);
  });

  it("keeps every open-redirect variant of `next` on this origin when a display token enters", async () => {
    const { token } = await createDisplayToken("redirect test", null);
    const raw = [
      "%2F%09%2Fevil.example",
      "%2F%2Fevil.example",
      "%2F%5Cevil.example",
      "%2F%0D%2Fevil.example",
      "%2F%0A%2Fevil.example",
      "%5C%5Cevil.example",
      "https%3A%2F%2Fevil.example",
      "javascript%3Aalert(1)",
      "%252F%252Fevil.example",
      "%2F%2F%2Fevil.example",
    ];
    for (const next of raw) {
      const response = await callRoute(
        enter,
        "GET",
        `/api/display-tokens/enter?token=${token}&next=${next}`,
        { [PEER_HEADER]: randomIp() },
      );
      expect(response.status, next).toBe(303);
      const location = response.headers.get("location") ?? "";
      expect(new URL(location, "http://localhost:3000").origin, `${next} -> ${location}`).toBe(
        "http://localhost:3000",
      );
    }
  });

  it("limits display-token entry attempts per address", async () => {
    const peer = randomIp();
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++)
      statuses.push(
        (
          await callRoute(
            enter,
            "GET",
            `/api/display-tokens/enter?token=jdd_${"a".repeat(43)}&next=/wall`,
            { [PEER_HEADER]: peer },
          )
        ).status,
      );
    expect(statuses.filter((s) => s === 401)).toHaveLength(30);
    expect(statuses.filter((s) => s === 429)).toHaveLength(10);
  });
});
