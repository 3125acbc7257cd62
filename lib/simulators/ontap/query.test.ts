import { describe, expect, it } from "vitest";
import { QueryError, parseFields } from "./fields";
import { compareValues, parseFilter, parseOrderBy } from "./query";

const at = (iso: string) => Math.floor(Date.parse(iso) / 1000);

describe("parseFilter (ONTAP query syntax)", () => {
  it("matches strings exactly, case-insensitively, with | as or and ! as not", () => {
    const running = parseFilter("state", "running|paused");
    expect([running("running"), running("PAUSED"), running("queued"), running(null)]).toEqual([
      true,
      true,
      false,
      false,
    ]);
    const notDone = parseFilter("state", "!success");
    expect([notDone("running"), notDone("success")]).toEqual([true, false]);
  });

  it("expands * wildcards without treating other characters as patterns", () => {
    const backup = parseFilter("description", "*Backup*");
    expect([backup("Cluster Backup Job"), backup("Vol Move")]).toEqual([true, false]);
    const rest = parseFilter("description", "PATCH /api/storage/volumes/*");
    expect(rest("PATCH /api/storage/volumes/1cd8a442-86d1-11e0-ae1c-123478563412")).toBe(true);
    expect(parseFilter("description", "Vol.Move")("Vol Move")).toBe(false);
  });

  it("compares times as instants whatever the offset", () => {
    const after = parseFilter("start_time", ">2021-04-10T09:51:13+00:00");
    expect(after(at("2021-04-10T09:51:14Z"))).toBe(true);
    expect(after(at("2021-04-10T09:51:13Z"))).toBe(false);
    expect(
      parseFilter("start_time", ">=2021-04-10T11:51:13+02:00")(at("2021-04-10T09:51:13Z")),
    ).toBe(true);
    expect(after(null)).toBe(false);
  });

  it("supports ranges, numeric comparisons and null", () => {
    const range = parseFilter("code", "1..5");
    expect([range(0), range(1), range(5), range(6)]).toEqual([false, true, true, false]);
    expect(parseFilter("code", "<=0")(0)).toBe(true);
    expect(parseFilter("end_time", "null")(null)).toBe(true);
    expect(parseFilter("end_time", "!null")(null)).toBe(false);
  });

  it("rejects unknown fields and unparsable values as ONTAP does (400)", () => {
    expect(() => parseFilter("colour", "red")).toThrow(QueryError);
    expect(() => parseFilter("start_time", ">yesterday")).toThrow(QueryError);
    expect(() => parseFilter("code", "abc")).toThrow(QueryError);
  });
});

describe("parseOrderBy and compareValues", () => {
  it("reads field and direction, repeated or comma-separated", () => {
    expect(parseOrderBy(["start_time desc", "uuid"])).toEqual([
      { field: "start_time", desc: true },
      { field: "uuid", desc: false },
    ]);
    expect(parseOrderBy(["state,end_time asc"])).toHaveLength(2);
    expect(() => parseOrderBy(["start_time sideways"])).toThrow(QueryError);
    expect(() => parseOrderBy(["nope"])).toThrow(QueryError);
  });

  it("puts missing values last in either direction", () => {
    expect(compareValues(null, 5, false)).toBeGreaterThan(0);
    expect(compareValues(null, 5, true)).toBeGreaterThan(0);
    expect(compareValues(3, 5, true)).toBeGreaterThan(0);
  });
});

describe("parseFields", () => {
  it("maps * to every member and sub-fields to their parent, always with the key", () => {
    expect(parseFields(["*"], []).has("error")).toBe(true);
    expect([...parseFields(["state,svm.name"], [])].sort()).toEqual(["state", "svm", "uuid"]);
    expect([...parseFields([], ["uuid", "state"])]).toEqual(["uuid", "state"]);
    expect(() => parseFields(["svm.colour"], [])).toThrow(QueryError);
  });
});
