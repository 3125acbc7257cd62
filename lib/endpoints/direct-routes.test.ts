import { describe, expect, it } from "vitest";
import { DIRECT_GET_ROUTES } from "./direct-routes";

describe("DIRECT_GET_ROUTES", () => {
  it("serves each path with the very handler its Next.js route file exports", async () => {
    expect(DIRECT_GET_ROUTES.size).toBeGreaterThan(1);
    for (const [path, handler] of DIRECT_GET_ROUTES) {
      const file = `../../app${path}/route.ts`;
      const mod = (await import(/* @vite-ignore */ file)) as { GET?: unknown };
      expect(mod.GET, path).toBe(handler);
    }
  });
});
