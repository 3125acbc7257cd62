import type { Prisma } from "@/lib/generated/prisma/client";
import type { JOB_SORT_KEYS } from "@/lib/api/job-query";
import { JOB_STATES, type JobState } from "@/lib/domain/job-state";

export type JobSortKey = (typeof JOB_SORT_KEYS)[number];
export type SortOrder = "asc" | "desc";

export interface JobSort {
  key: JobSortKey;
  order: SortOrder;
}

export const DEFAULT_JOB_SORT: JobSort = { key: "started", order: "desc" };

type CursorValue = string | number | null;

/** Keyset position for a sorted list: the sort it belongs to, the last row's value and id. */
export interface SortedJobCursor {
  sort: JobSort;
  value: CursorValue;
  id: string;
}

interface KeyDef {
  field: "sortAt" | "endedAt" | "name" | "type" | "state" | "progress" | "bytesDone";
  nullable: boolean;
  kind: "date" | "string" | "number" | "bigint" | "state";
}

const KEYS: Record<JobSortKey, KeyDef> = {
  started: { field: "sortAt", nullable: false, kind: "date" },
  ended: { field: "endedAt", nullable: true, kind: "date" },
  name: { field: "name", nullable: false, kind: "string" },
  type: { field: "type", nullable: false, kind: "string" },
  state: { field: "state", nullable: false, kind: "state" },
  progress: { field: "progress", nullable: true, kind: "number" },
  bytes: { field: "bytesDone", nullable: true, kind: "bigint" },
};

export function isDefaultSort(sort: JobSort): boolean {
  return sort.key === DEFAULT_JOB_SORT.key && sort.order === DEFAULT_JOB_SORT.order;
}

/** Nulls sort last in both directions: a job with no progress yet never heads the list. */
export function jobSortOrderBy(sort: JobSort): Prisma.JobOrderByWithRelationInput[] {
  const def = KEYS[sort.key];
  const first: Prisma.JobOrderByWithRelationInput = def.nullable
    ? { [def.field]: { sort: sort.order, nulls: "last" } }
    : { [def.field]: sort.order };
  return [first, { id: sort.order }];
}

/** The row's value for the cursor, as JSON can carry it (dates as ISO, 64-bit integers as strings). */
export function sortValueOf(sort: JobSort, row: Record<KeyDef["field"], unknown>): CursorValue {
  const v = row[KEYS[sort.key].field];
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "bigint") return v.toString();
  if (typeof v === "number" || typeof v === "string") return v;
  return String(v);
}

/** Rows strictly after the cursor in (value, id) order, nulls last. */
export function jobsAfter(c: SortedJobCursor): Prisma.JobWhereInput {
  const def = KEYS[c.sort.key];
  const beyond = c.sort.order === "desc" ? "lt" : "gt";
  const idAfter = { id: { [beyond]: c.id } };
  if (c.value === null) return { [def.field]: null, ...idAfter };
  const value = typedValue(def, c.value);
  const strictly: Prisma.JobWhereInput =
    def.kind === "state" ? { state: { in: statesBeyond(value as JobState, c.sort.order) } } : { [def.field]: { [beyond]: value } };
  const branches: Prisma.JobWhereInput[] = [strictly, { [def.field]: value, ...idAfter }];
  if (def.nullable) return { OR: [...branches, { [def.field]: null }] };
  // A bound outside the OR lets PostgreSQL start an index range at the cursor instead of filtering from the top.
  const bound: Prisma.JobWhereInput = def.kind === "state" ? {} : { [def.field]: { [c.sort.order === "desc" ? "lte" : "gte"]: value } };
  return { ...bound, OR: branches };
}

/** PostgreSQL orders an enum by declaration order, which JOB_STATES mirrors. */
function statesBeyond(state: JobState, order: SortOrder): JobState[] {
  const i = JOB_STATES.indexOf(state);
  return order === "desc" ? JOB_STATES.slice(0, i) : JOB_STATES.slice(i + 1);
}

function typedValue(def: KeyDef, value: string | number): Date | string | number | bigint {
  if (def.kind === "date") return new Date(value);
  if (def.kind === "bigint") return BigInt(value);
  return value;
}

export function encodeSortedJobCursor(c: SortedJobCursor): string {
  return Buffer.from(JSON.stringify(["s1", c.sort.key, c.sort.order, c.value, c.id])).toString("base64url");
}

/** Null when the text is not a cursor for exactly this sort (a cursor never crosses sorts). */
export function decodeSortedJobCursor(text: string, sort: JobSort): SortedJobCursor | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    if (!Array.isArray(parsed) || parsed.length !== 5) return null;
    const [tag, key, order, value, id] = parsed as unknown[];
    if (tag !== "s1" || key !== sort.key || order !== sort.order) return null;
    if (typeof id !== "string" || !/^[0-9a-f-]{36}$/i.test(id)) return null;
    if (!validValue(KEYS[sort.key], value)) return null;
    return { sort, value: value as CursorValue, id };
  } catch {
    return null;
  }
}

function validValue(def: KeyDef, value: unknown): boolean {
  if (value === null) return def.nullable;
  switch (def.kind) {
    case "date":
      return typeof value === "string" && !Number.isNaN(Date.parse(value));
    case "bigint":
      return typeof value === "string" && /^-?\d+$/.test(value);
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "state":
      return typeof value === "string" && (JOB_STATES as readonly string[]).includes(value);
    case "string":
      return typeof value === "string";
  }
}
