import { describe, expect, it } from "vitest";
import { bearerDisplayToken, cookieDisplayToken, displayCookieHeader } from "./display-cookie";

const token = `jdd_${"A".repeat(43)}`;

describe("display token transport", () => {
  it("reads a bearer display token and ignores other bearer tokens", () => {
    expect(
      bearerDisplayToken(
        new Request("http://x", { headers: { authorization: `Bearer ${token}` } }),
      ),
    ).toBe(token);
    expect(
      bearerDisplayToken(
        new Request("http://x", { headers: { authorization: "Bearer eyJhbGciOi" } }),
      ),
    ).toBeNull();
    expect(bearerDisplayToken(new Request("http://x"))).toBeNull();
  });

  it("reads the display cookie among others", () => {
    const request = new Request("http://x", {
      headers: { cookie: `a=1; jobdeck.display=${token}; b=2` },
    });
    expect(cookieDisplayToken(request)).toBe(token);
    expect(
      cookieDisplayToken(new Request("http://x", { headers: { cookie: "jobdeck.displayx=1" } })),
    ).toBeNull();
  });

  it("sets an http-only, same-site cookie, Secure only over https", () => {
    expect(displayCookieHeader(token, { secure: false, embeddable: false })).toMatch(
      /^jobdeck\.display=jdd_A+; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax$/,
    );
    expect(displayCookieHeader(token, { secure: true, embeddable: false })).toMatch(
      /; SameSite=Lax; Secure$/,
    );
  });

  it("is SameSite=None and always Secure when the wall may be framed by another site", () => {
    for (const secure of [false, true]) {
      expect(displayCookieHeader(token, { secure, embeddable: true })).toMatch(
        /^jobdeck\.display=jdd_A+; Path=\/; Max-Age=\d+; HttpOnly; SameSite=None; Secure$/,
      );
    }
  });
});
