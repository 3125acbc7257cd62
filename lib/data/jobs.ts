import type { Prisma } from "@/lib/generated/prisma/client";
import type { JobPage, JobSummary } from "@/lib/contracts/jobs";
import { getDb, type Tx } from "@/lib/db/client";
import { withLocalSettings } from "@/lib/db/local-settings";
import type { JobState } from "@/lib/domain/job-state";
import type { SourceKind } from "@/lib/domain/source-kind";
import { newestFirstAfter, splitPage } from "./keyset";
import { sortedIdsByDay } from "./job-sort-days";
import { encodeJobCursor, type JobCursor } from "./job-cursor";
import {
  encodeSortedJobCursor,
  isDefaultSort,
  jobSortSegments,
  sortValueOf,
  type SortSegment,
  type JobSort,
  type SortedJobCursor,
} from "./job-sort";

export interface JobFilters {
  sourceIds?: string[];
  kinds?: SourceKind[];
  states?: JobState[];
  types?: string[];
  text?: string;
  from?: Date;
  to?: Date;
  includeGone?: boolean;
  cursor?: JobCursor | null;
  limit: number;
  /** Absent or started/desc: the (sortAt, id) keyset and `cursor`; any other sort pages with `sortCursor`. */
  sort?: JobSort;
  sortCursor?: SortedJobCursor | null;
}

export const summarySelect = {
  id: true,
  sourceId: true,
  kind: true,
  vendorId: true,
  type: true,
  name: true,
  state: true,
  vendorState: true,
  progress: true,
  bytesDone: true,
  bytesTotal: true,
  throughputBps: true,
  startedAt: true,
  endedAt: true,
  sortAt: true,
  submittedBy: true,
  dataset: true,
  policy: true,
  cluster: true,
  drGroup: true,
  message: true,
  goneAt: true,
  updatedAt: true,
  source: { select: { name: true } },
} satisfies Prisma.JobSelect;

type SummaryRow = Prisma.JobGetPayload<{ select: typeof summarySelect }>;

export function toJobSummary(r: SummaryRow): JobSummary {
  return {
    id: r.id,
    sourceId: r.sourceId,
    sourceName: r.source.name,
    kind: r.kind,
    vendorId: r.vendorId,
    type: r.type,
    name: r.name,
    state: r.state,
    vendorState: r.vendorState,
    progress: r.progress,
    bytesDone: r.bytesDone?.toString() ?? null,
    bytesTotal: r.bytesTotal?.toString() ?? null,
    throughputBps: r.throughputBps,
    startedAt: r.startedAt?.toISOString() ?? null,
    endedAt: r.endedAt?.toISOString() ?? null,
    sortAt: r.sortAt.toISOString(),
    submittedBy: r.submittedBy,
    dataset: r.dataset,
    policy: r.policy,
    cluster: r.cluster,
    drGroup: r.drGroup,
    message: r.message,
    goneAt: r.goneAt?.toISOString() ?? null,
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function jobWhere(
  f: Omit<JobFilters, "limit" | "cursor" | "sort" | "sortCursor">,
): Prisma.JobWhereInput {
  return {
    ...(f.sourceIds?.length ? { sourceId: { in: f.sourceIds } } : {}),
    ...(f.kinds?.length ? { kind: { in: f.kinds } } : {}),
    ...(f.states?.length ? { state: { in: f.states } } : {}),
    ...(f.types?.length ? { type: { in: f.types } } : {}),
    ...(f.text ? { searchText: { contains: f.text.toLowerCase() } } : {}),
    ...(f.from || f.to
      ? { sortAt: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lt: f.to } : {}) } }
      : {}),
    ...(f.includeGone === false ? { goneAt: null } : {}),
  };
}

/** Newest first, keyset-paginated on (sortAt, id): page 10,000 costs what page 1 costs. */
export async function listJobs(f: JobFilters, db: Tx = getDb()): Promise<JobPage> {
  if (f.sort && !isDefaultSort(f.sort)) return listJobsSorted(f, f.sort, db);
  const rows = await db.job.findMany({
    where: { AND: [jobWhere(f), newestFirstAfter("sortAt", f.cursor ?? null)] },
    orderBy: [{ sortAt: "desc" }, { id: "desc" }],
    take: f.limit + 1,
    select: summarySelect,
  });
  const { page, nextFrom } = splitPage(rows, f.limit);
  return {
    items: page.map(toJobSummary),
    nextCursor: nextFrom ? encodeJobCursor({ sortAt: nextFrom.sortAt, id: nextFrom.id }) : null,
  };
}

/** Any other sort: keyset on (value, id) with nulls last, each page one or a few index ranges, never an offset. */
async function listJobsSorted(f: JobFilters, sort: JobSort, db: Tx): Promise<JobPage> {
  const rows: SummaryRow[] = [];
  for (const segment of jobSortSegments(sort, f.sortCursor ?? null)) {
    const take = f.limit + 1 - rows.length;
    if (take <= 0) break;
    rows.push(...(await readSegment(f, segment, take, db)));
  }
  const { page, nextFrom } = splitPage(rows, f.limit);
  return {
    items: page.map(toJobSummary),
    nextCursor: nextFrom
      ? encodeSortedJobCursor({ sort, value: sortValueOf(sort, nextFrom), id: nextFrom.id })
      : null,
  };
}

/**
 * A filtered page's window read can cover tens of thousands of index entries, where the planner
 * expects parallel workers to pay off; on a 2-core machine starting and gathering them made it slower
 * (measured on the same read unfiltered, before the day walk took that case: sort=bytes over 30 days
 * of a 1M-job estate, in process, 83 ms with two workers, 39–46 ms without, the transaction that
 * scopes the setting included), and an explorer page should not take the workers heavy reports need.
 */
const NO_PARALLEL_WORKERS = { max_parallel_workers_per_gather: "0" };

/** How many of a sort's index entries a page may walk before reading its time window instead. */
const PROBE_ROWS_PER_ROW = 20;

/**
 * One sort segment's rows in the list's time window. A window with no other filter is walked day by
 * day on the value's day index (sortedIdsByDay). Filtered, walking the value's index and skipping
 * rows outside the window is fastest when the window's rows are spread through the value order, and
 * reads nearly every job when they are not (the largest backups all a year old, the window the last
 * 30 days). So the walk is tried for a bounded number of entries first, without the window; if the
 * window's rows did not turn up among them, the window is read and sorted (windowFirstOrderBy),
 * where PostgreSQL may start from the filter's own index.
 */
async function readSegment(
  f: JobFilters,
  segment: SortSegment,
  take: number,
  db: Tx,
): Promise<SummaryRow[]> {
  const windowOrderBy = segment.windowFirstOrderBy;
  if (!windowOrderBy || (!f.from && !f.to)) {
    const where = { AND: [jobWhere(f), segment.where] };
    return db.job.findMany({ where, orderBy: segment.orderBy, take, select: summarySelect });
  }
  const ids =
    segment.byDay && f.from && !filtersRows(f)
      ? await sortedIdsByDay(
          segment.byDay,
          { from: f.from, to: f.to, excludeGone: f.includeGone === false },
          take,
          db,
        )
      : await probeThenWindow(f, segment, windowOrderBy, take, db);
  const byId = new Map(
    (await db.job.findMany({ where: { id: { in: ids } }, select: summarySelect })).map((r) => [
      r.id,
      r,
    ]),
  );
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Whether the list narrows its jobs by anything but the time window and gone. */
function filtersRows(f: JobFilters): boolean {
  return Boolean(
    f.sourceIds?.length || f.kinds?.length || f.states?.length || f.types?.length || f.text,
  );
}

async function probeThenWindow(
  f: JobFilters,
  segment: SortSegment,
  windowOrderBy: Prisma.JobOrderByWithRelationInput[],
  take: number,
  db: Tx,
): Promise<string[]> {
  const probeSize = take * PROBE_ROWS_PER_ROW;
  const probe = await db.job.findMany({
    where: { AND: [jobWhere({ ...f, from: undefined, to: undefined }), segment.where] },
    orderBy: segment.orderBy,
    take: probeSize,
    select: { id: true, sortAt: true },
  });
  const inWindow = probe.filter(
    (r) => (!f.from || r.sortAt >= f.from) && (!f.to || r.sortAt < f.to),
  );
  if (inWindow.length >= take || probe.length < probeSize)
    return inWindow.slice(0, take).map((r) => r.id);
  // Ids first: whole rows are read for the page alone.
  const rows = await withLocalSettings(
    db,
    NO_PARALLEL_WORKERS,
    db.job.findMany({
      where: { AND: [jobWhere(f), segment.where] },
      orderBy: windowOrderBy,
      take,
      select: { id: true },
    }),
  );
  return rows.map((r) => r.id);
}

export async function getJobSummaries(ids: string[], db: Tx = getDb()): Promise<JobSummary[]> {
  if (ids.length === 0) return [];
  const rows = await db.job.findMany({ where: { id: { in: ids } }, select: summarySelect });
  return rows.map(toJobSummary);
}

export async function getJobForAction(id: string, db: Tx = getDb()) {
  return db.job.findUnique({
    where: { id },
    select: {
      id: true,
      sourceId: true,
      vendorId: true,
      type: true,
      name: true,
      state: true,
      vendorState: true,
      raw: true,
      goneAt: true,
      refreshedAt: true,
    },
  });
}
