import { describe, expect, it } from "vitest";
import { applyFilter, applySort, paginate, QueryError, readField } from "./query";

const rows = [
  { id: "3", status: "failed", size: 30, type: "DATABASE" },
  { id: "1", status: "complete", size: 10, type: "HYPERVISORVM" },
  { id: "2", status: "partial", size: 20, type: "HYPERVISORVM" },
];
const f = (x: unknown) => JSON.stringify(x);
const ids = (list: Array<Record<string, unknown>>) => list.map((r) => r.id);

describe("applyFilter", () => {
  it("supports =, IN (array or JSON-encoded string, as the document shows), >= and <=", () => {
    expect(
      ids(applyFilter(rows, f([{ property: "type", value: "HYPERVISORVM", op: "=" }]), readField)),
    ).toEqual(["1", "2"]);
    expect(ids(applyFilter(rows, f([{ property: "type", value: "DATABASE" }]), readField))).toEqual(
      ["3"],
    );
    expect(
      ids(
        applyFilter(
          rows,
          f([{ property: "status", value: '["failed", "partial"]', op: "IN" }]),
          readField,
        ),
      ),
    ).toEqual(["3", "2"]);
    expect(
      ids(applyFilter(rows, f([{ property: "status", value: ["complete"], op: "IN" }]), readField)),
    ).toEqual(["1"]);
    expect(
      ids(applyFilter(rows, f([{ property: "size", value: "20", op: ">=" }]), readField)),
    ).toEqual(["3", "2"]);
    expect(
      ids(applyFilter(rows, f([{ property: "size", value: 20, op: "<=" }]), readField)),
    ).toEqual(["1", "2"]);
    expect(
      ids(
        applyFilter(
          rows,
          f([
            { property: "size", value: 20, op: "<=" },
            { property: "type", value: "HYPERVISORVM" },
          ]),
          readField,
        ),
      ),
    ).toEqual(["1", "2"]);
    expect(ids(applyFilter(rows, f([{ property: "nope", value: 1 }]), readField))).toEqual([]);
    expect(ids(applyFilter(rows, null, readField))).toEqual(["3", "1", "2"]);
  });

  it("answers a bad filter with a QueryError (HTTP 400)", () => {
    expect(() => applyFilter(rows, "not json", readField)).toThrow(QueryError);
    expect(() => applyFilter(rows, f({ property: "x" }), readField)).toThrow(QueryError);
    expect(() =>
      applyFilter(rows, f([{ property: "x", value: 1, op: "LIKE" }]), readField),
    ).toThrow(QueryError);
  });
});

describe("applySort", () => {
  it("sorts by direction or by the document's `value` spelling", () => {
    expect(ids(applySort(rows, f([{ property: "id", direction: "ASC" }]), readField))).toEqual([
      "1",
      "2",
      "3",
    ]);
    expect(ids(applySort(rows, f([{ property: "id", value: "DESC" }]), readField))).toEqual([
      "3",
      "2",
      "1",
    ]);
    expect(
      ids(
        applySort(
          rows,
          f([
            { property: "type", direction: "ASC" },
            { property: "size", direction: "DESC" },
          ]),
          readField,
        ),
      ),
    ).toEqual(["3", "2", "1"]);
  });
});

describe("paginate", () => {
  const many = Array.from({ length: 5 }, (_, i) => ({ id: String(i) }));
  const opts = (q: string, totalZero = false) => ({
    origin: "http://spp",
    path: "/api/progress",
    query: new URLSearchParams(q),
    totalZero,
  });

  it("links nextPage only while records remain, keeping the other parameters", () => {
    const first = paginate(many, "summaries", opts("pageSize=2&filter=%5B%5D"));
    expect(first).toMatchObject({ page: 1, total: 5, summaries: [{ id: "0" }, { id: "1" }] });
    const next = (first.links as { nextPage: { href: string } }).nextPage.href;
    expect(next).toBe("http://spp/api/progress?pageSize=2&filter=%5B%5D&pageStartIndex=2");
    const last = paginate(many, "summaries", opts("pageSize=2&pageStartIndex=4"));
    expect(last).toMatchObject({ page: 3, summaries: [{ id: "4" }] });
    expect((last.links as Record<string, unknown>).nextPage).toBeUndefined();
  });

  it("defaults to 100 per page and can reproduce IT45897's total 0", () => {
    expect((paginate(many, "s", opts("")).s as unknown[]).length).toBe(5);
    expect(paginate(many, "s", opts("pageSize=2", true)).total).toBe(0);
    expect(() => paginate(many, "s", opts("pageSize=0"))).toThrow(QueryError);
  });
});
