import { describe, expect, it } from "vitest";
import { apiSearch, selectedValues, setValue, toggleValue } from "./search-params";

describe("history search params", () => {
  it("reads repeated and comma-separated values, toggles one, and keeps the rest", () => {
    const s = new URLSearchParams("kind=commvault,eyeglass&outcome=failed&period=quarter");
    expect(selectedValues(s, "kind")).toEqual(["commvault", "eyeglass"]);
    expect(toggleValue(s, "kind", "eyeglass", selectedValues(s, "kind"))).toBe(
      "outcome=failed&period=quarter&kind=commvault",
    );
    expect(toggleValue(s, "outcome", "partial", ["failed"])).toBe(
      "kind=commvault%2Ceyeglass&period=quarter&outcome=failed&outcome=partial",
    );
    expect(setValue(s, "from", "2027-01-01")).toBe(
      "kind=commvault%2Ceyeglass&outcome=failed&period=quarter&from=2027-01-01",
    );
    expect(setValue(s, "outcome", null)).toBe("kind=commvault%2Ceyeglass&period=quarter");
    expect(apiSearch(s)).toBe("kind=commvault%2Ceyeglass&outcome=failed");
  });
});
