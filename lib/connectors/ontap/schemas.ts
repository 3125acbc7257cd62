import { z } from "zod";

/** ONTAP's timestamps carry an offset (`2021-04-10T09:51:13+00:00`); anything unparsable is a protocol error. */
const timestamp = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), "not an ISO-8601 timestamp");

const errorBody = z.looseObject({
  message: z.string().optional(),
  code: z.string().optional(),
  target: z.string().optional(),
  arguments: z
    .array(z.looseObject({ code: z.string().optional(), message: z.string().optional() }))
    .optional(),
});

const href = z.looseObject({ href: z.string() });

/** One job, as `fields=*` (or a subset) returns it. Unknown members are kept for `raw`. */
export const ontapJobSchema = z.looseObject({
  uuid: z.string().min(1),
  description: z.string().optional(),
  /** Kept as a string: an unknown state must not fail the poll. */
  state: z.string().optional(),
  message: z.string().optional(),
  code: z.number().int().optional(),
  start_time: timestamp.optional(),
  end_time: timestamp.optional(),
  error: errorBody.optional(),
  node: z.looseObject({ name: z.string().optional() }).optional(),
  svm: z.looseObject({ name: z.string().optional(), uuid: z.string().optional() }).optional(),
  _links: z.looseObject({ self: href.optional() }).optional(),
});
export type OntapJob = z.infer<typeof ontapJobSchema>;

/** Records are validated one by one (readRecords): one odd job is quarantined, not the page. */
export const ontapPageSchema = z.looseObject({
  records: z.array(z.unknown()),
  num_records: z.number().int().min(0),
  _links: z.looseObject({ self: href.optional(), next: href.optional() }).optional(),
});

export type OntapPage = z.infer<typeof ontapPageSchema>;

export const ontapCountSchema = z.looseObject({ num_records: z.number().int().min(0) });

export const ontapErrorSchema = z.looseObject({ error: errorBody });
export type OntapErrorBody = z.infer<typeof errorBody>;

/** Per-source settings a Jobdeck admin may set for an ONTAP source. */
export const ontapOptionsSchema = z.object({
  /** max_records per page when listing jobs. */
  pageSize: z.number().int().min(1).max(10_000).default(1_000),
});
export type OntapOptions = z.infer<typeof ontapOptionsSchema>;
