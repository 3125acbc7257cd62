import { type SourceKind, SOURCE_KINDS } from "@/lib/domain/source-kind";
import type { JobPage } from "./jobs";
import { z } from "zod";
import { entityId, isoDateParam, queryList } from "./params";
import { JOB_STATES } from "@/lib/domain/job-state";

/** GET /api/jobs/counts: what is happening now per vendor, and what failed in the last 24 h. */
export interface VendorCounts {
  kind: SourceKind;
  running: number;
  queued: number;
  failed24h: number;
}

export interface JobCounts {
  since: string;
  vendors: VendorCounts[];
}

/** GET /api/scheduled: a vendor's future job (DFM schedules), not yet a job. */
export interface ScheduledView {
  id: string;
  sourceId: string;
  sourceName: string;
  kind: SourceKind;
  vendorId: string;
  name: string;
  type: string;
  dataset: string | null;
  policy: string | null;
  startsAt: string;
}

export interface SavedViewItem {
  id: string;
  name: string;
  query: string;
  createdAt: string;
}

/** The lane of jobs that have no value for the grouping (no cluster, dataset or policy). */
export const NO_LANE_VALUE = "(none)";

export const TIMELINE_GROUPS = ["source", "vendor", "cluster", "dataset", "policy"] as const;
export type TimelineGroup = (typeof TIMELINE_GROUPS)[number];

/** How many jobs of one lane overlap one slice of the window (zoomed out, bars would be sub-pixel). */
export interface DensityBucket {
  lane: string;
  start: string;
  end: string;
  count: number;
  failed: number;
  active: number;
}

/**
 * GET /api/timeline. A JobPage (so the live stream replaces changed jobs in place) plus either
 * nothing more (`bars`: every job overlapping the window is in `items`) or per-lane density.
 */
export interface TimelineData extends JobPage {
  mode: "bars" | "density";
  from: string;
  to: string;
  /** Jobs overlapping the window, whether drawn as bars or aggregated. */
  total: number;
  density: DensityBucket[];
}

const MAX_WINDOW_MS = 400 * 24 * 3600_000;

export const timelineQuery = z
  .object({
    from: isoDateParam,
    to: isoDateParam,
    group: z.enum(TIMELINE_GROUPS).default("source"),
    source: queryList(entityId("source")).optional(),
    kind: queryList(z.enum(SOURCE_KINDS)).optional(),
    state: queryList(z.enum(JOB_STATES)).optional(),
    buckets: z.coerce.number().int().min(10).max(1000).default(200),
  })
  .strict()
  .refine((q) => q.from < q.to, { message: "must be after from", path: ["to"] })
  .refine((q) => q.to.getTime() - q.from.getTime() <= MAX_WINDOW_MS, {
    message: "window is longer than 400 days",
    path: ["to"],
  });

export const scheduledQuery = z
  .object({
    from: isoDateParam.optional(),
    to: isoDateParam.optional(),
    limit: z.coerce.number().int().min(1).max(2000).default(500),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from < q.to, { message: "must be after from", path: ["to"] })
  .refine((q) => !q.from || !q.to || q.to.getTime() - q.from.getTime() <= MAX_WINDOW_MS, {
    message: "window is longer than 400 days",
    path: ["to"],
  });

export const savedViewBody = z
  .object({
    name: z.string().trim().min(1).max(100),
    query: z
      .string()
      .max(4000)
      .refine(
        (q) => !q.startsWith("?") && !/[\r\n]/.test(q),
        "must be a query string without the leading ?",
      ),
  })
  .strict();
