import { FIELDS, QueryError, type FieldType, type FieldValue } from "./fields";

export type Predicate = (value: FieldValue) => boolean;

/**
 * ONTAP's query syntax for one field's filter: `a|b` (or), `!a` (not), `*` wildcards, `<`, `>`,
 * `<=`, `>=`, `a..b` ranges, and `null`. Strings match case-insensitively; times compare as instants.
 */
export function parseFilter(field: string, expression: string): Predicate {
  const def = FIELDS[field];
  if (!def) throw new QueryError(`Unexpected argument "${field}".`, field);
  const alternatives = expression.split("|").map((alt) => parseAlternative(field, def.type, alt));
  return (value) => alternatives.some((match) => match(value));
}

function parseAlternative(field: string, type: FieldType, raw: string): Predicate {
  if (raw.startsWith("!")) {
    const inner = parseAlternative(field, type, raw.slice(1));
    return (value) => !inner(value);
  }
  if (raw === "null") return (value) => value === null;
  for (const op of ["<=", ">=", "<", ">"] as const) {
    if (raw.startsWith(op)) {
      const bound = toComparable(field, type, raw.slice(op.length));
      return (value) => value !== null && compareOp(compare(value, bound), op);
    }
  }
  const range = raw.split("..");
  if (range.length === 2) {
    const low = toComparable(field, type, range[0] ?? "");
    const high = toComparable(field, type, range[1] ?? "");
    return (value) => value !== null && compare(value, low) >= 0 && compare(value, high) <= 0;
  }
  if (type === "string" && raw.includes("*")) {
    const pattern = new RegExp(`^${raw.split("*").map(escapeRegExp).join(".*")}$`, "is");
    return (value) => value !== null && pattern.test(String(value));
  }
  const exact = toComparable(field, type, raw);
  return (value) => value !== null && compare(value, exact) === 0;
}

function toComparable(field: string, type: FieldType, raw: string): string | number {
  if (type === "string") return raw.toLowerCase();
  const value = type === "time" ? Math.floor(Date.parse(raw) / 1000) : Number(raw);
  if (!Number.isFinite(value) || raw.trim() === "") {
    throw new QueryError(`Invalid value "${raw}" for field "${field}".`, field);
  }
  return value;
}

function compare(value: string | number, bound: string | number): number {
  const left = typeof value === "string" ? value.toLowerCase() : value;
  if (left < bound) return -1;
  if (left > bound) return 1;
  return 0;
}

function compareOp(order: number, op: "<=" | ">=" | "<" | ">"): boolean {
  if (op === "<") return order < 0;
  if (op === ">") return order > 0;
  if (op === "<=") return order <= 0;
  return order >= 0;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()[\]\\]/g, "\\$&");
}

export interface OrderTerm {
  field: string;
  desc: boolean;
}

/** `order_by=start_time desc` (repeatable, or comma-separated). */
export function parseOrderBy(values: string[]): OrderTerm[] {
  return values
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean)
    .map((term) => {
      const [field = "", direction = "asc", ...rest] = term.split(/\s+/);
      if (!FIELDS[field] || rest.length > 0 || (direction !== "asc" && direction !== "desc")) {
        throw new QueryError(`Invalid order_by "${term}".`, "order_by");
      }
      return { field, desc: direction === "desc" };
    });
}

/** Sort order for values of one field: missing values last, whatever the direction. */
export function compareValues(a: FieldValue, b: FieldValue, desc: boolean): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const order = a < b ? -1 : a > b ? 1 : 0;
  return desc ? -order : order;
}
