import { describe, expect, it } from "vitest";
import { decodeSortedJobCursor, encodeSortedJobCursor, isDefaultSort, jobsAfter, jobSortOrderBy, sortValueOf, type JobSort } from "./job-sort";

const id = "0b7f5a3e-8a55-4b5e-9a53-2f4a9b0c1d2e";

describe("sorted job cursors", () => {
  it("round-trips every value kind for the sort it was made for", () => {
    const cases: Array<[JobSort, string | number | null]> = [
      [{ key: "started", order: "asc" }, "2026-01-02T03:04:05.000Z"],
      [{ key: "bytes", order: "desc" }, "18446744073709551615"],
      [{ key: "progress", order: "asc" }, 42.5],
      [{ key: "progress", order: "desc" }, null],
      [{ key: "state", order: "asc" }, "paused"],
      [{ key: "name", order: "desc" }, "vol1 → vol2"],
    ];
    for (const [sort, value] of cases) {
      expect(decodeSortedJobCursor(encodeSortedJobCursor({ sort, value, id }), sort)).toEqual({ sort, value, id });
    }
  });

  it("refuses a cursor from another sort or order, garbage, and impossible values", () => {
    const text = encodeSortedJobCursor({ sort: { key: "name", order: "asc" }, value: "a", id });
    expect(decodeSortedJobCursor(text, { key: "name", order: "desc" })).toBeNull();
    expect(decodeSortedJobCursor(text, { key: "type", order: "asc" })).toBeNull();
    expect(decodeSortedJobCursor("not-base64-json", { key: "name", order: "asc" })).toBeNull();
    const nullName = encodeSortedJobCursor({ sort: { key: "name", order: "asc" }, value: null, id });
    expect(decodeSortedJobCursor(nullName, { key: "name", order: "asc" })).toBeNull();
    const badState = encodeSortedJobCursor({ sort: { key: "state", order: "asc" }, value: "exploded", id });
    expect(decodeSortedJobCursor(badState, { key: "state", order: "asc" })).toBeNull();
  });
});

describe("keyset conditions", () => {
  it("pages a nullable column past equal values, then into the nulls", () => {
    expect(jobsAfter({ sort: { key: "progress", order: "desc" }, value: 50, id })).toEqual({
      OR: [{ progress: { lt: 50 } }, { progress: 50, id: { lt: id } }, { progress: null }],
    });
    expect(jobsAfter({ sort: { key: "progress", order: "asc" }, value: null, id })).toEqual({ progress: null, id: { gt: id } });
  });

  it("compares states in lifecycle (enum) order", () => {
    expect(jobsAfter({ sort: { key: "state", order: "asc" }, value: "partial", id })).toEqual({
      OR: [{ state: { in: ["failed", "aborted", "canceled"] } }, { state: "partial", id: { gt: id } }],
    });
    expect(jobsAfter({ sort: { key: "state", order: "desc" }, value: "running", id })).toEqual({
      OR: [{ state: { in: ["queued"] } }, { state: "running", id: { lt: id } }],
    });
  });

  it("bounds non-null columns outside the OR so the index range starts at the cursor", () => {
    expect(jobsAfter({ sort: { key: "name", order: "asc" }, value: "m", id })).toEqual({
      name: { gte: "m" },
      OR: [{ name: { gt: "m" } }, { name: "m", id: { gt: id } }],
    });
  });

  it("turns cursor values back into column types", () => {
    const after = jobsAfter({ sort: { key: "bytes", order: "asc" }, value: "9007199254740993", id });
    expect(after).toEqual({ OR: [{ bytesDone: { gt: 9007199254740993n } }, { bytesDone: 9007199254740993n, id: { gt: id } }, { bytesDone: null }] });
    expect(sortValueOf({ key: "bytes", order: "asc" }, { bytesDone: 9007199254740993n } as never)).toBe("9007199254740993");
  });

  it("orders nullable columns nulls-last with id as tie-break", () => {
    expect(jobSortOrderBy({ key: "ended", order: "asc" })).toEqual([{ endedAt: { sort: "asc", nulls: "last" } }, { id: "asc" }]);
    expect(jobSortOrderBy({ key: "name", order: "desc" })).toEqual([{ name: "desc" }, { id: "desc" }]);
    expect(isDefaultSort({ key: "started", order: "desc" })).toBe(true);
    expect(isDefaultSort({ key: "started", order: "asc" })).toBe(false);
  });
});
