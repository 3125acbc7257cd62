import { describe, expect, it } from "vitest";
import { safeNext } from "./safe-redirect";

/** Every `next` an attacker might send, as the server sees it after one URL decode, and as sent raw. */
const HOSTILE = [
  "//evil.example",
  "//evil.example/jobs",
  "/\\evil.example",
  "\\\\evil.example",
  "/\t/evil.example",
  "/\r/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "/%09/evil.example",
  "%2F%2Fevil.example",
  "https://evil.example",
  "http:evil.example",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  " //evil.example",
  "/\u0000/evil.example",
  "///evil.example",
  "/\\/evil.example",
  "evil.example",
  "",
];

/** The same in the form a browser sends them in a query string: the server decodes once. */
const encodedOnce = HOSTILE.map((v) => decodeURIComponent(encodeURIComponent(v)));
const fromQuery = (raw: string) =>
  new URL(`http://localhost/sign-in?next=${raw}`).searchParams.get("next") ?? "";

describe("safeNext", () => {
  it("keeps paths on this site, re-serialised", () => {
    expect(safeNext("/jobs")).toBe("/jobs");
    expect(safeNext("/jobs?state=failed&q=a%20b#top")).toBe("/jobs?state=failed&q=a%20b#top");
    expect(safeNext("/wall?set=running,failures")).toBe("/wall?set=running,failures");
    expect(safeNext("/a/../jobs")).toBe("/jobs");
  });

  it("sends every open-redirect variant to the fallback, whatever the browser would make of it", () => {
    for (const value of [...HOSTILE, ...encodedOnce]) {
      const result = safeNext(value, "/jobs");
      // Whatever comes back, a browser resolving it against our origin stays on our origin.
      expect(new URL(result, "http://jobdeck.test").origin, JSON.stringify(value)).toBe(
        "http://jobdeck.test",
      );
      expect(
        result.startsWith("/") && !result.startsWith("//") && !result.includes("\\"),
        JSON.stringify(value),
      ).toBe(true);
    }
    for (const raw of [
      "%2F%09%2Fevil.example",
      "%2F%2Fevil.example",
      "%2F%5Cevil.example",
      "%2F%0D%2Fevil.example",
      "%252F%252Fevil.example",
      "/%2F/evil.example",
    ]) {
      const result = safeNext(fromQuery(raw), "/jobs");
      expect(new URL(result, "http://jobdeck.test").origin, raw).toBe("http://jobdeck.test");
    }
  });

  it("refuses non-strings and very long values", () => {
    expect(safeNext(undefined, "/x")).toBe("/x");
    expect(safeNext(["/jobs"], "/x")).toBe("/x");
    expect(safeNext(`/${"a".repeat(5000)}`, "/x")).toBe("/x");
  });
});
