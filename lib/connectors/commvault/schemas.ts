import { z } from "zod";

/** JSON sends numbers, XML attributes send digit strings: both mean the same integer. */
const int = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^-?\d+$/)
    .transform(Number),
]);
const text = z.union([z.string(), z.number().transform(String)]);

/** `_type_` 55 time objects; `time` is epoch seconds, 0 when not set. */
const timeSchema = z.looseObject({ _type_: int.optional(), time: int });

export const phaseSchema = z.looseObject({
  phase: int,
  status: int.optional(),
  startTime: timeSchema.optional(),
  endTime: timeSchema.optional(),
});
export type CvPhase = z.infer<typeof phaseSchema>;

/** One element of JobStats' `job[]`: one replication pair of one DR job. */
export const pairSchema = z.looseObject({
  jobId: int,
  replicationId: int.optional(),
  phase: z.array(phaseSchema).optional(),
  client: z.looseObject({ clientId: int.optional(), clientName: text.optional() }).optional(),
  vapp: z.looseObject({ vAppId: int.optional() }).optional(),
});
export type CvPair = z.infer<typeof pairSchema>;

const errListSchema = z.array(
  z.looseObject({ errorCode: int.optional(), errLogMessage: text.optional() }),
);

/** Commvault's error shapes: `errList`, `errors[].errList`, `error {}` or a bare `errorCode`/`errorMessage`. */
export const errorFieldsSchema = z.looseObject({
  errorCode: int.optional(),
  errorMessage: text.optional(),
  errList: errListSchema.optional(),
  error: z.looseObject({ errorCode: int.optional(), errorMessage: text.optional() }).optional(),
  errors: z.array(z.looseObject({ errList: errListSchema.optional() })).optional(),
});
export type CvErrorFields = z.infer<typeof errorFieldsSchema>;

/** Pairs are validated one by one (readRecords): one unreadable pair quarantines its job, not the listing. */
export const jobStatsSchema = errorFieldsSchema.extend({ job: z.array(z.unknown()).optional() });

export const loginSchema = errorFieldsSchema.extend({
  token: z.string().optional(),
  userName: text.optional(),
});

export const jobSummarySchema = z.looseObject({
  jobId: int,
  status: text.optional(),
  jobType: text.optional(),
  subclientName: text.optional(),
  percentComplete: z
    .union([
      z.number(),
      z
        .string()
        .regex(/^\d+(\.\d+)?$/)
        .transform(Number),
    ])
    .optional(),
  currentPhaseName: text.optional(),
  pendingReason: text.optional(),
  jobStartTime: int.optional(),
  jobEndTime: int.optional(),
  userName: z.looseObject({ userName: text.optional() }).optional(),
});
export type CvJobSummary = z.infer<typeof jobSummarySchema>;

export const jobListSchema = errorFieldsSchema.extend({
  totalRecordsWithoutPaging: int.optional(),
  jobs: z.array(z.looseObject({ jobSummary: jobSummarySchema })).optional(),
});

/** The reply to an action, and to anything that only says whether it worked. */
export const genericSchema = errorFieldsSchema;

/** The most specific message an error body carries, if any. */
export function errorMessageOf(
  body: CvErrorFields,
): { code: number | null; message: string } | null {
  const list = body.errList ?? body.errors?.flatMap((e) => e.errList ?? []);
  const first = list?.find((e) => e.errLogMessage);
  if (first?.errLogMessage) return { code: first.errorCode ?? null, message: first.errLogMessage };
  if (body.error?.errorMessage)
    return { code: body.error.errorCode ?? null, message: body.error.errorMessage };
  if (body.errorCode !== undefined && body.errorCode !== 0) {
    return { code: body.errorCode, message: body.errorMessage ?? `error code ${body.errorCode}` };
  }
  return null;
}
