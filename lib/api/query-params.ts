import { z } from "zod";

/** A query value that may repeat (?state=a&state=b) or be comma-separated (?state=a,b). */
export const queryList = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(",")).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(item).max(50));

export const isoDateParam = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), "must be an ISO-8601 date-time")
  .transform((s) => new Date(s));
