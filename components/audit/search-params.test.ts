import { describe, expect, it } from "vitest";
import { apiQuery, pageQuery, readAuditSearch } from "./search-params";

describe("audit search params", () => {
  it("reads every filter, blank when absent", () => {
    expect(readAuditSearch(new URLSearchParams("actor=olga&status=failed"))).toEqual({
      actor: "olga",
      action: "",
      status: "failed",
      source: "",
      job: "",
      from: "",
      to: "",
    });
  });

  it("writes only the set filters, trimmed, in a stable order", () => {
    const s = readAuditSearch(new URLSearchParams("status=refused&actor=%20olga%20&job="));
    expect(pageQuery(s)).toBe("actor=olga&status=refused");
  });

  it("sends the time range to the API as instants and drops an unreadable one", () => {
    const local = "2026-03-01T10:30";
    const s = readAuditSearch(
      new URLSearchParams({ from: local, to: "not a time", action: "abort" }),
    );
    expect(apiQuery(s)).toBe(
      `action=abort&from=${encodeURIComponent(new Date(local).toISOString())}`,
    );
  });
});
