import { z } from "zod";
import { link } from "./render";

type Json = Record<string, unknown>;

const filterSchema = z.array(
  z.object({
    property: z.string(),
    value: z.unknown(),
    op: z.enum(["=", "IN", ">=", "<="]).default("="),
  }),
);

/** The document's sort example uses `value` for the direction; IBM's samples use `direction`. */
const sortSchema = z.array(
  z.object({
    property: z.string(),
    direction: z.enum(["ASC", "DESC"]).optional(),
    value: z.enum(["ASC", "DESC"]).optional(),
  }),
);

export class QueryError extends Error {}

/** Reads a property, letting each endpoint expose filterable names that are not fields (progress `sessionId`). */
export type PropertyReader = (record: Json, property: string) => unknown;

export const readField: PropertyReader = (record, property) => {
  let cursor: unknown = record;
  for (const part of property.split(".")) {
    if (cursor === null || typeof cursor !== "object") return undefined;
    cursor = (cursor as Json)[part];
  }
  return cursor;
};

function parseJsonParam(raw: string | null, name: string): unknown {
  if (raw === null || raw === "") return [];
  try {
    return JSON.parse(raw);
  } catch {
    throw new QueryError(`${name} is not valid JSON`);
  }
}

/** IN takes an array, or (as in the document's example) an array encoded as a JSON string. */
function inValues(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === "string") {
    try {
      const parsed: unknown = JSON.parse(value);
      if (Array.isArray(parsed)) return parsed;
    } catch {
      return [value];
    }
  }
  return [value];
}

/** SPP compares ids given as strings with numeric fields and the other way round. */
function comparable(a: unknown, b: unknown): [number, number] | [string, string] | null {
  if (a === null || a === undefined || b === null || b === undefined) return null;
  const na = typeof a === "number" ? a : typeof a === "string" && a.trim() !== "" ? Number(a) : NaN;
  const nb = typeof b === "number" ? b : typeof b === "string" && b.trim() !== "" ? Number(b) : NaN;
  if (!Number.isNaN(na) && !Number.isNaN(nb)) return [na, nb];
  return [String(a), String(b)];
}

function compare(a: unknown, b: unknown): number {
  const pair = comparable(a, b);
  if (!pair) return a === b ? 0 : a === null || a === undefined ? -1 : 1;
  const [x, y] = pair;
  return x < y ? -1 : x > y ? 1 : 0;
}

export function applyFilter(records: Json[], raw: string | null, read: PropertyReader): Json[] {
  const parsed = filterSchema.safeParse(parseJsonParam(raw, "filter"));
  if (!parsed.success) throw new QueryError("filter must be a JSON array of {property, value, op}");
  return records.filter((record) =>
    parsed.data.every((f) => {
      const actual = read(record, f.property);
      if (f.op === "IN")
        return inValues(f.value).some((v) => actual !== undefined && compare(actual, v) === 0);
      if (actual === undefined || actual === null) return false;
      const c = compare(actual, f.value);
      return f.op === "=" ? c === 0 : f.op === ">=" ? c >= 0 : c <= 0;
    }),
  );
}

export function applySort(records: Json[], raw: string | null, read: PropertyReader): Json[] {
  const parsed = sortSchema.safeParse(parseJsonParam(raw, "sort"));
  if (!parsed.success) throw new QueryError("sort must be a JSON array of {property, direction}");
  const keys = parsed.data.map((s) => ({
    property: s.property,
    sign: (s.direction ?? s.value ?? "ASC") === "DESC" ? -1 : 1,
  }));
  if (keys.length === 0) return records;
  return [...records].sort((a, b) => {
    for (const k of keys) {
      const c = compare(read(a, k.property), read(b, k.property));
      if (c !== 0) return c * k.sign;
    }
    return 0;
  });
}

export interface PageOptions {
  origin: string;
  path: string;
  query: URLSearchParams;
  /** IBM bug IT45897: `total` reads 0 even on a full page. */
  totalZero: boolean;
}

function intParam(query: URLSearchParams, name: string, fallback: number, min: number): number {
  const raw = query.get(name);
  if (raw === null || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new QueryError(`${name} must be an integer >= ${min}`);
  return n;
}

/** Cuts one page and adds the envelope: `links.nextPage` only when more records follow. */
export function paginate(records: Json[], arrayKey: string, options: PageOptions): Json {
  const pageSize = intParam(options.query, "pageSize", 100, 1);
  const start = intParam(options.query, "pageStartIndex", 0, 0);
  const page = records.slice(start, start + pageSize);
  const href = (index: number) => {
    const q = new URLSearchParams(options.query);
    q.set("pageSize", String(pageSize));
    q.set("pageStartIndex", String(index));
    return `${options.origin}${options.path}?${q.toString()}`;
  };
  const self = `${options.origin}${options.path}${options.query.size > 0 ? `?${options.query.toString()}` : ""}`;
  const links: Json = { self: link(self) };
  if (start + pageSize < records.length) links.nextPage = link(href(start + pageSize), "nextPage");
  if (start > 0) links.previousPage = link(href(Math.max(0, start - pageSize)), "previousPage");
  return {
    links,
    page: Math.floor(start / pageSize) + 1,
    total: options.totalZero ? 0 : records.length,
    [arrayKey]: page,
  };
}
