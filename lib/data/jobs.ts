import type { Prisma } from "@/lib/generated/prisma/client";
import type { JobPage, JobSummary } from "@/lib/contracts/jobs";
import { getDb, type Tx } from "@/lib/db/client";
import type { JobState } from "@/lib/domain/job-state";
import type { SourceKind } from "@/lib/domain/source-kind";
import { newestFirstAfter, splitPage } from "./keyset";
import { encodeJobCursor, type JobCursor } from "./job-cursor";
import {
  encodeSortedJobCursor,
  isDefaultSort,
  jobSortSegments,
  sortValueOf,
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
  const where = jobWhere(f);
  const rows: SummaryRow[] = [];
  for (const segment of jobSortSegments(sort, f.sortCursor ?? null)) {
    const take = f.limit + 1 - rows.length;
    if (take <= 0) break;
    rows.push(
      ...(await db.job.findMany({
        where: { AND: [where, segment.where] },
        orderBy: segment.orderBy,
        take,
        select: summarySelect,
      })),
    );
  }
  const { page, nextFrom } = splitPage(rows, f.limit);
  return {
    items: page.map(toJobSummary),
    nextCursor: nextFrom
      ? encodeSortedJobCursor({ sort, value: sortValueOf(sort, nextFrom), id: nextFrom.id })
      : null,
  };
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
