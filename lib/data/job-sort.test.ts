import { describe, expect, it } from "vitest";
import { JOB_STATES } from "@/lib/domain/job-state";
import { JobState } from "@/lib/generated/prisma/enums";
import {
  decodeSortedJobCursor,
  encodeSortedJobCursor,
  isDefaultSort,
  jobSortSegments,
  sortValueOf,
  type JobSort,
} from "./job-sort";

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
      expect(decodeSortedJobCursor(encodeSortedJobCursor({ sort, value, id }), sort)).toEqual({
        sort,
        value,
        id,
      });
    }
  });

  it("refuses a cursor from another sort or order, garbage, and impossible values", () => {
    const text = encodeSortedJobCursor({ sort: { key: "name", order: "asc" }, value: "a", id });
    expect(decodeSortedJobCursor(text, { key: "name", order: "desc" })).toBeNull();
    expect(decodeSortedJobCursor(text, { key: "type", order: "asc" })).toBeNull();
    expect(decodeSortedJobCursor("not-base64-json", { key: "name", order: "asc" })).toBeNull();
    const nullName = encodeSortedJobCursor({
      sort: { key: "name", order: "asc" },
      value: null,
      id,
    });
    expect(decodeSortedJobCursor(nullName, { key: "name", order: "asc" })).toBeNull();
    const badState = encodeSortedJobCursor({
      sort: { key: "state", order: "asc" },
      value: "exploded",
      id,
    });
    expect(decodeSortedJobCursor(badState, { key: "state", order: "asc" })).toBeNull();
  });
});

describe("keyset segments", () => {
  it("reads a nullable column's values, then its nulls by id, so descending order keeps nulls last", () => {
    expect(
      jobSortSegments(
        { key: "progress", order: "desc" },
        { sort: { key: "progress", order: "desc" }, value: 50, id },
      ),
    ).toEqual([
      {
        where: {
          progress: { lte: 50 },
          OR: [{ progress: { lt: 50 } }, { progress: 50, id: { lt: id } }],
        },
        orderBy: [{ progress: "desc" }, { id: "desc" }],
        windowFirstOrderBy: [{ progress: { sort: "desc", nulls: "last" } }, { id: "desc" }],
        byDay: { field: "progress", order: "desc", after: { value: 50, id } },
      },
      { where: { progress: null }, orderBy: [{ id: "desc" }] },
    ]);
    expect(jobSortSegments({ key: "ended", order: "asc" }, null)).toEqual([
      {
        where: { endedAt: { not: null } },
        orderBy: [{ endedAt: "asc" }, { id: "asc" }],
        windowFirstOrderBy: [{ endedAt: { sort: "asc", nulls: "first" } }, { id: "asc" }],
        byDay: { field: "endedAt", order: "asc", after: null },
      },
      { where: { endedAt: null }, orderBy: [{ id: "asc" }] },
    ]);
  });

  it("orders a nullable value's segment, for the window-first read, as no index of it can", () => {
    // The (value ASC NULLS LAST, id) index read either way gives ASC NULLS LAST or DESC NULLS FIRST.
    for (const order of ["asc", "desc"] as const) {
      const [values] = jobSortSegments({ key: "bytes", order }, null);
      const [first] = values?.windowFirstOrderBy ?? [];
      expect(first).toEqual({
        bytesDone: { sort: order, nulls: order === "asc" ? "first" : "last" },
      });
    }
    expect(jobSortSegments({ key: "name", order: "asc" }, null)[0]?.windowFirstOrderBy).toBe(
      undefined,
    );
  });

  it("continues inside the nulls once the cursor is there", () => {
    const sort: JobSort = { key: "progress", order: "asc" };
    expect(jobSortSegments(sort, { sort, value: null, id })).toEqual([
      { where: { progress: null, id: { gt: id } }, orderBy: [{ id: "asc" }] },
    ]);
  });

  it("walks states in lifecycle (enum) order: the cursor's state past its id, then every later state in one range", () => {
    const sort: JobSort = { key: "state", order: "asc" };
    expect(jobSortSegments(sort, { sort, value: "partial", id })).toEqual([
      { where: { state: "partial", id: { gt: id } }, orderBy: [{ id: "asc" }] },
      {
        where: { state: { in: ["failed", "aborted", "canceled"] } },
        orderBy: [{ state: "asc" }, { id: "asc" }],
      },
    ]);
    const desc: JobSort = { key: "state", order: "desc" };
    expect(jobSortSegments(desc, { sort: desc, value: "running", id })).toEqual([
      { where: { state: "running", id: { lt: id } }, orderBy: [{ id: "desc" }] },
      { where: { state: { in: ["queued"] } }, orderBy: [{ state: "desc" }, { id: "desc" }] },
    ]);
    expect(jobSortSegments(desc, { sort: desc, value: "queued", id })).toHaveLength(1);
    expect(jobSortSegments(desc, null)).toEqual([
      { where: {}, orderBy: [{ state: "desc" }, { id: "desc" }] },
    ]);
  });

  it("lists JOB_STATES in the database enum's order, which the state sort relies on", () => {
    expect([...JOB_STATES]).toEqual(Object.values(JobState));
  });

  it("bounds non-null columns outside the OR so the index range starts at the cursor", () => {
    const sort: JobSort = { key: "name", order: "asc" };
    expect(jobSortSegments(sort, { sort, value: "m", id })).toEqual([
      {
        where: { name: { gte: "m" }, OR: [{ name: { gt: "m" } }, { name: "m", id: { gt: id } }] },
        orderBy: [{ name: "asc" }, { id: "asc" }],
      },
    ]);
  });

  it("turns cursor values back into column types", () => {
    const sort: JobSort = { key: "bytes", order: "asc" };
    const [values] = jobSortSegments(sort, { sort, value: "9007199254740993", id });
    expect(values?.where).toEqual({
      bytesDone: { gte: 9007199254740993n },
      OR: [
        { bytesDone: { gt: 9007199254740993n } },
        { bytesDone: 9007199254740993n, id: { gt: id } },
      ],
    });
    expect(values?.byDay?.after).toEqual({ value: 9007199254740993n, id });
    const ended: JobSort = { key: "ended", order: "desc" };
    const [endedValues] = jobSortSegments(ended, {
      sort: ended,
      value: "2026-05-01T00:00:00Z",
      id,
    });
    expect(endedValues?.byDay?.after?.value).toEqual(new Date("2026-05-01T00:00:00Z"));
    expect(sortValueOf(sort, { bytesDone: 9007199254740993n } as never)).toBe("9007199254740993");
    expect(isDefaultSort({ key: "started", order: "desc" })).toBe(true);
    expect(isDefaultSort({ key: "started", order: "asc" })).toBe(false);
  });
});
