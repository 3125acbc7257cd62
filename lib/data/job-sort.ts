import type { Prisma } from "@/lib/generated/prisma/client";
import type { JOB_SORT_KEYS } from "@/lib/contracts/jobs";
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

/** One index range of a sorted list: rows matching `where`, read in `orderBy` order. */
export interface SortSegment {
  where: Prisma.JobWhereInput;
  orderBy: Prisma.JobOrderByWithRelationInput[];
  /**
   * The same order written so that no index provides it (the segment holds no nulls, so where
   * nulls would go changes nothing): PostgreSQL then reads the time window and sorts it, instead
   * of walking the value's index through every job outside the window.
   */
  windowFirstOrderBy?: Prisma.JobOrderByWithRelationInput[];
  /** The same segment as one walk per day of a time window (lib/data/job-sort-days.ts). */
  byDay?: DayWalk;
}

/** A nullable sort's values in (value, id) order, after `after` when it is set. */
export interface DayWalk {
  field: "endedAt" | "progress" | "bytesDone";
  order: SortOrder;
  after: { value: Date | number | bigint; id: string } | null;
}

/**
 * The index ranges a sorted page reads, in order, until it has enough rows. Nulls sort last in both
 * directions, which no single (value, id) index gives for descending order, so a nullable column is
 * two ranges: its values, then its nulls by id. States sort in enum (lifecycle) order, which is
 * JOB_STATES's: an enum has no range operator in Prisma, so a cursor's own state is one range
 * (ids beyond the cursor's) and the states after it a second, which PostgreSQL (17 and later) walks
 * on Job_state_id_idx in (state, id) order for `state IN (…)`, one index search, no sort.
 */
export function jobSortSegments(sort: JobSort, cursor: SortedJobCursor | null): SortSegment[] {
  const def = KEYS[sort.key];
  const beyond = sort.order === "desc" ? "lt" : "gt";
  const byId: Prisma.JobOrderByWithRelationInput[] = [{ id: sort.order }];
  const idAfter = cursor ? { id: { [beyond]: cursor.id } } : {};
  if (def.kind === "state") {
    const states = sort.order === "desc" ? [...JOB_STATES].reverse() : [...JOB_STATES];
    const byStateAndId: Prisma.JobOrderByWithRelationInput[] = [{ state: sort.order }, ...byId];
    if (!cursor) return [{ where: {}, orderBy: byStateAndId }];
    const at = states.indexOf(cursor.value as JobState);
    const later = states.slice(at + 1);
    return [
      { where: { state: cursor.value as JobState, ...idAfter }, orderBy: byId },
      ...(later.length ? [{ where: { state: { in: later } }, orderBy: byStateAndId }] : []),
    ];
  }
  const nulls: SortSegment = {
    where: { [def.field]: null, ...(cursor?.value === null ? idAfter : {}) },
    orderBy: byId,
  };
  if (cursor?.value === null) return [nulls];
  const values: SortSegment = {
    where: cursor
      ? valuesAfter(def, sort.order, cursor.value as string | number, cursor.id)
      : def.nullable
        ? { [def.field]: { not: null } }
        : {},
    orderBy: [{ [def.field]: sort.order }, ...byId],
  };
  if (!def.nullable) return [values];
  values.windowFirstOrderBy = [
    { [def.field]: { sort: sort.order, nulls: sort.order === "desc" ? "last" : "first" } },
    ...byId,
  ];
  values.byDay = {
    field: def.field as DayWalk["field"],
    order: sort.order,
    after: cursor
      ? {
          value: typedValue(def, cursor.value as string | number) as Date | number | bigint,
          id: cursor.id,
        }
      : null,
  };
  return [values, nulls];
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

/** Rows strictly after (value, id); the bound outside the OR starts the index range at the cursor. */
function valuesAfter(
  def: KeyDef,
  order: SortOrder,
  raw: string | number,
  id: string,
): Prisma.JobWhereInput {
  const value = typedValue(def, raw);
  const beyond = order === "desc" ? "lt" : "gt";
  return {
    [def.field]: { [order === "desc" ? "lte" : "gte"]: value },
    OR: [{ [def.field]: { [beyond]: value } }, { [def.field]: value, id: { [beyond]: id } }],
  };
}

function typedValue(def: KeyDef, value: string | number): Date | string | number | bigint {
  if (def.kind === "date") return new Date(value);
  if (def.kind === "bigint") return BigInt(value);
  return value;
}

export function encodeSortedJobCursor(c: SortedJobCursor): string {
  return Buffer.from(JSON.stringify(["s1", c.sort.key, c.sort.order, c.value, c.id])).toString(
    "base64url",
  );
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
