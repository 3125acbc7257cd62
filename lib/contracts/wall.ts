import { z } from "zod";
import type { JobState } from "@/lib/domain/job-state";
import type { SourceKind } from "@/lib/domain/source-kind";
import type { JobSummary } from "./jobs";

/** The parts of a wall snapshot, one per kind of panel data; a live update re-reads only those it touched. */
export const WALL_PARTS = [
  "sources",
  "running",
  "failures",
  "incidents",
  "readiness",
  "timeline",
] as const;
export type WallPart = (typeof WALL_PARTS)[number];

/**
 * GET /api/wall: which sources (ids, kinds or names, comma-separated), how many hours of timeline,
 * and optionally which parts (comma-separated WALL_PARTS; all when absent).
 */
export const wallQuery = z
  .object({
    sources: z.string().max(2000).optional(),
    hours: z.coerce.number().int().min(1).max(48).default(6),
    parts: z
      .string()
      .max(200)
      .transform((v, ctx) => {
        const parts = v.split(",").map((p) => p.trim());
        const bad = parts.filter((p) => !(WALL_PARTS as readonly string[]).includes(p));
        if (bad.length)
          ctx.addIssue({
            code: "custom",
            message: `unknown wall part ${bad.map((b) => JSON.stringify(b)).join(", ")}; parts are ${WALL_PARTS.join(", ")}`,
          });
        return [...new Set(parts)] as WallPart[];
      })
      .optional(),
  })
  .strict();

export interface WallReadiness {
  sourceId: string;
  sourceName: string;
  zone: string;
  state: JobState;
  vendorStatus: string | null;
  message: string | null;
  checkedAt: string | null;
  jobId: string;
  /** The zone's policies and zone-wide checks that did not pass. */
  problems: Array<{ name: string; state: JobState; vendorStatus: string | null }>;
}

/** JSON shapes of GET /api/wall: everything one wall screen shows, read in one round trip. */
export interface WallSource {
  id: string;
  name: string;
  kind: SourceKind;
  enabled: boolean;
  pollIntervalMs: number;
  /** Measured on the server's clock at `generatedAt`, so a screen with a wrong clock still ages it right. */
  lastSuccessAgoMs: number | null;
  lastError: string | null;
  lastErrorAgoMs: number | null;
  consecutiveFailures: number;
  runningJobs: number;
  /** Since the source was added: a new source is not quiet before it had a chance to be polled. */
  registeredAgoMs: number;
}

/** Only what the wall's panels draw: the snapshot is re-read all day and must stay small (under 50 KB). */
export type WallJob = Pick<
  JobSummary,
  "id" | "sourceId" | "sourceName" | "kind" | "name" | "state" | "startedAt" | "endedAt" | "sortAt"
>;

export interface WallRunningJob extends WallJob, Pick<JobSummary, "progress" | "dataset"> {
  /** From past successful runs of the same job (lib/domain/baselines); null without history. */
  eta: { at: string; plusMinusMs: number } | null;
}

export interface WallFailure extends WallJob, Pick<JobSummary, "message"> {
  /** When a later run of the same job succeeded: the failure has cleared. */
  recoveredAt: string | null;
  /** The unresolved alert incident about this job, if a rule opened one: acknowledged there, it stops pinning. */
  incident: { id: string; status: "open" | "acknowledged"; acknowledgedBy: string | null } | null;
}

/** An unresolved alert incident on one of the wall's sources: the same incidents as /incidents. */
export interface WallIncident {
  id: string;
  title: string;
  kind: string;
  severity: "info" | "warning" | "error";
  status: "open" | "acknowledged";
  sourceId: string | null;
  jobId: string | null;
  openedAt: string;
  acknowledgedBy: string | null;
}

/** A bar of the wall's timeline. */
export type WallTimelineJob = Pick<
  JobSummary,
  "id" | "sourceId" | "sourceName" | "name" | "state" | "startedAt" | "endedAt"
>;

/** One lane of the density timeline: a source, or the sum of the sources beyond the busiest. */
export interface WallDensityLane {
  /** Null for the lane that sums the quieter sources. */
  sourceId: string | null;
  label: string;
  /** For each slice with jobs: [slice, jobs overlapping it, of them failed, of them running]. */
  cells: Array<[slice: number, jobs: number, failed: number, running: number]>;
}

/**
 * The timeline when its window holds more jobs than the wall can draw as bars: every job overlapping
 * the window counted per source and slice (the window cut into `slices` equal slices from `from`).
 */
export interface WallTimelineDensity {
  slices: number;
  /** Jobs overlapping the window: all of them, none left out. */
  jobs: number;
  lanes: WallDensityLane[];
}

export interface WallSnapshot {
  generatedAt: string;
  sources: WallSource[];
  running: WallRunningJob[];
  queuedCount: number;
  failures: WallFailure[];
  incidents: WallIncident[];
  readiness: WallReadiness[];
  /** Bars (`jobs`) when the window holds few enough jobs to draw, else `density` and no bars. */
  timeline: {
    from: string;
    to: string;
    jobs: WallTimelineJob[];
    density: WallTimelineDensity | null;
  };
}

/** GET /api/wall?parts=…: the snapshot's fields for the parts asked for (`running` brings `queuedCount`). */
export type WallPatch = Pick<WallSnapshot, "generatedAt"> &
  Partial<Omit<WallSnapshot, "generatedAt">>;
