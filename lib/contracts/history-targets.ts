import { z } from "zod";
import { entityId } from "./params";

/**
 * Requests and replies of the RTO and RPO target routes (/api/history/targets and
 * /api/history/rpo-targets): routes, services and the targets screen all use these.
 */
const MAX_TARGET_MS = 30 * 86_400_000;

/** PUT body: a group's target, estate-wide unless a source is named. */
export const targetBody = z
  .object({
    sourceId: entityId("source").nullable().default(null),
    group: z.string().trim().min(1).max(200),
    targetMs: z
      .number()
      .int()
      .min(1000, "must be at least 1 second (1000 ms)")
      .max(MAX_TARGET_MS, "must be at most 30 days"),
  })
  .strict();
export type TargetBody = z.infer<typeof targetBody>;

export interface TargetView {
  id: string;
  sourceId: string | null;
  sourceName: string | null;
  group: string;
  targetMs: number;
}

export interface TargetChangeView {
  at: string;
  actor: string;
  sourceId: string | null;
  group: string;
  /** Null: there was no target before / the target was removed. */
  fromMs: number | null;
  toMs: number | null;
}

/** GET: the targets, and who changed which (from the audit trail), newest first. */
export interface TargetsView {
  items: TargetView[];
  changes: TargetChangeView[];
}
