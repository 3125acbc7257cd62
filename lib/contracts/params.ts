import { z } from "zod";

/** A query value that may repeat (?state=a&state=b) or be comma-separated (?state=a,b); at most `max` items. */
export const queryList = <T extends z.ZodType<string, string>>(item: T, max = 50) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) =>
      (Array.isArray(v) ? v : [v])
        .flatMap((s) => s.split(","))
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).max(max));

export const isoDateParam = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), "must be an ISO-8601 date-time")
  .transform((s) => new Date(s));

/** The things Jobdeck names by UUID; the name is what a bad id is called in the problem's errors[]. */
export type EntityName =
  | "job"
  | "source"
  | "target"
  | "saved view"
  | "alert rule"
  | "alert channel"
  | "incident"
  | "delivery";

/** A Jobdeck UUID, named in the error message (`must be a job id`). */
export const entityId = (what: EntityName) => z.string().uuid(`must be a ${what} id`);

/** The `[id]` path parameter of /api/jobs/[id], /api/sources/[id], … */
export const idParams = (what: EntityName) => z.object({ id: entityId(what) });
