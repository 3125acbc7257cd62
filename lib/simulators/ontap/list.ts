import {
  FIELDS,
  QueryError,
  parseFields,
  DEFAULT_COLLECTION_MEMBERS,
  type FieldValue,
} from "./fields";
import { viewAt, type SimJob } from "./job";
import { compareValues, parseFilter, parseOrderBy, type OrderTerm, type Predicate } from "./query";
import { JOBS_PATH, formatTime, renderJob } from "./render";

const CONTROL_PARAMS = new Set([
  "fields",
  "max_records",
  "return_records",
  "return_timeout",
  "order_by",
]);

export interface ListContext {
  jobs: readonly SimJob[];
  version: number;
  now: number;
  hal: boolean;
  offsetMinutes: number;
  /** Records that fit before return_timeout "expires" (scenario), null: unlimited. */
  timeoutPageRecords: number | null;
  /** Cluster time per record iterated (scenario recordCostMs). */
  recordCostMs: number;
}

/** ONTAP's return_timeout when a collection GET names none (9.12.1 doc: 15 s while iterating). */
const DEFAULT_RETURN_TIMEOUT_S = 15;

interface Sorted {
  key: string;
  jobs: readonly SimJob[];
}

/**
 * GET /api/cluster/jobs. Pages are cut from one sorted view with a key cursor (`start.<field>`
 * values of the first record of the next page), so walking N records costs O(N), not O(N^2).
 */
export class JobLister {
  private cache: Sorted | null = null;

  /** The page, and how long the cluster took to gather it (the route waits that long before answering). */
  list(
    query: URLSearchParams,
    ctx: ListContext,
  ): { body: Record<string, unknown>; costMs: number } {
    for (const name of new Set(query.keys())) {
      if (
        !CONTROL_PARAMS.has(name) &&
        !FIELDS[name] &&
        !(name.startsWith("start.") && FIELDS[name.slice(6)])
      ) {
        throw new QueryError(`Unexpected argument "${name}".`, name);
      }
    }
    const filters: Array<{ field: string; match: Predicate }> = [];
    for (const field of Object.keys(FIELDS)) {
      for (const expr of query.getAll(field))
        filters.push({ field, match: parseFilter(field, expr) });
    }
    const terms = withKey(parseOrderBy(query.getAll("order_by")));
    const maxRecords = positiveInt(query.get("max_records"), "max_records");
    const returnRecords = parseBool(query.get("return_records"));
    const returnTimeoutS =
      positiveInt(query.get("return_timeout"), "return_timeout", 0, 120) ??
      DEFAULT_RETURN_TIMEOUT_S;
    const members = parseFields(query.getAll("fields"), DEFAULT_COLLECTION_MEMBERS);

    const sorted = this.sorted(terms, ctx);
    const keyOf = (job: SimJob) => terms.map((t) => read(job, t.field, ctx.now));
    const begin = hasCursor(query) ? lowerBound(sorted, cursorKey(query, terms), terms, keyOf) : 0;
    const matches = (job: SimJob) => {
      if (filters.length === 0) return true;
      const view = viewAt(job, ctx.now);
      return filters.every((f) => f.match(FIELDS[f.field]?.read(job, view) ?? null));
    };

    if (!returnRecords) {
      let count = 0;
      for (let i = begin; i < sorted.length; i++) if (matches(sorted[i] as SimJob)) count++;
      return {
        body: {
          num_records: count,
          ...(ctx.hal ? { _links: { self: { href: selfHref(query) } } } : {}),
        },
        costMs: 0,
      };
    }

    // A loaded cluster returns what it gathered when return_timeout runs out (at least one record).
    const inTime =
      ctx.recordCostMs > 0
        ? Math.max(1, Math.floor((returnTimeoutS * 1000) / ctx.recordCostMs))
        : Infinity;
    const limit = Math.min(maxRecords ?? Infinity, ctx.timeoutPageRecords ?? Infinity, inTime);
    const page: SimJob[] = [];
    let next: SimJob | null = null;
    for (let i = begin; i < sorted.length; i++) {
      const job = sorted[i] as SimJob;
      if (!matches(job)) continue;
      if (page.length >= limit) {
        next = job;
        break;
      }
      page.push(job);
    }
    const links: Record<string, unknown> = {};
    if (ctx.hal) links.self = { href: selfHref(query) };
    if (next) links.next = { href: nextHref(query, terms, keyOf(next), ctx.offsetMinutes) };
    const body = {
      records: page.map((job) =>
        renderJob(job, viewAt(job, ctx.now), {
          members,
          hal: ctx.hal,
          selfLink: ctx.hal,
          offsetMinutes: ctx.offsetMinutes,
        }),
      ),
      num_records: page.length,
      ...(Object.keys(links).length > 0 ? { _links: links } : {}),
    };
    return { body, costMs: page.length * ctx.recordCostMs };
  }

  /** The uuid-sorted table as is, or one sort per (order, table version[, instant for live fields]). */
  private sorted(terms: OrderTerm[], ctx: ListContext): readonly SimJob[] {
    if (terms.length === 1 && terms[0]?.field === "uuid" && !terms[0].desc) return ctx.jobs;
    const live = terms.some((t) => FIELDS[t.field]?.live);
    const key = `${terms.map((t) => `${t.field}:${t.desc}`).join(",")}|${ctx.version}|${live ? ctx.now : ""}`;
    if (this.cache?.key === key) return this.cache.jobs;
    const keyed = ctx.jobs.map((job) => ({
      job,
      key: terms.map((t) => read(job, t.field, ctx.now)),
    }));
    keyed.sort((a, b) => compareKeys(a.key, b.key, terms));
    this.cache = { key, jobs: keyed.map((k) => k.job) };
    return this.cache.jobs;
  }
}

/** uuid is the key: it ends every order so the cursor names exactly one position. */
function withKey(terms: OrderTerm[]): OrderTerm[] {
  return terms.some((t) => t.field === "uuid") ? terms : [...terms, { field: "uuid", desc: false }];
}

function read(job: SimJob, field: string, now: number): FieldValue {
  const def = FIELDS[field];
  if (!def) return null;
  return def.read(job, viewAt(job, now));
}

function compareKeys(a: FieldValue[], b: FieldValue[], terms: OrderTerm[]): number {
  for (let i = 0; i < terms.length; i++) {
    const order = compareValues(a[i] ?? null, b[i] ?? null, terms[i]?.desc ?? false);
    if (order !== 0) return order;
  }
  return 0;
}

function lowerBound(
  jobs: readonly SimJob[],
  key: FieldValue[],
  terms: OrderTerm[],
  keyOf: (j: SimJob) => FieldValue[],
): number {
  let lo = 0;
  let hi = jobs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareKeys(keyOf(jobs[mid] as SimJob), key, terms) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function hasCursor(query: URLSearchParams): boolean {
  return [...query.keys()].some((k) => k.startsWith("start."));
}

function cursorKey(query: URLSearchParams, terms: OrderTerm[]): FieldValue[] {
  return terms.map((t) => {
    const raw = query.get(`start.${t.field}`);
    if (raw === null) return null;
    const type = FIELDS[t.field]?.type;
    if (type === "string") return raw;
    const value = type === "time" ? Math.floor(Date.parse(raw) / 1000) : Number(raw);
    if (!Number.isFinite(value))
      throw new QueryError(`Invalid value "${raw}" for "start.${t.field}".`, `start.${t.field}`);
    return value;
  });
}

function nextHref(
  query: URLSearchParams,
  terms: OrderTerm[],
  key: FieldValue[],
  offsetMinutes: number,
): string {
  const params = new URLSearchParams();
  terms.forEach((t, i) => {
    const value = key[i] ?? null;
    if (value === null) return;
    const text =
      FIELDS[t.field]?.type === "time"
        ? formatTime(Number(value) * 1000, offsetMinutes)
        : String(value);
    params.append(`start.${t.field}`, text);
  });
  const max = query.get("max_records");
  if (max !== null) params.append("max_records", max);
  for (const [name, value] of query) {
    if (name !== "max_records" && !name.startsWith("start.")) params.append(name, value);
  }
  return `${JOBS_PATH}?${params.toString()}`;
}

function selfHref(query: URLSearchParams): string {
  const text = query.toString();
  return text ? `${JOBS_PATH}?${text}` : JOBS_PATH;
}

function positiveInt(
  raw: string | null,
  name: string,
  min = 1,
  max = Number.MAX_SAFE_INTEGER,
): number | null {
  if (raw === null) return null;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max)
    throw new QueryError(`Invalid value "${raw}" for "${name}".`, name);
  return value;
}

function parseBool(raw: string | null): boolean {
  if (raw === null || raw === "true" || raw === "1") return true;
  if (raw === "false" || raw === "0") return false;
  throw new QueryError(`Invalid value "${raw}" for "return_records".`, "return_records");
}
