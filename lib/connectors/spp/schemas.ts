import { z } from "zod";

/** SPP writes ids as strings in some replies and numbers in others; both mean the same id. */
const id = z.union([z.string().min(1), z.number().int()]).transform(String);
const count = z.number().nullish();

const link = z.looseObject({ href: z.string() });

/** The paging envelope every list carries. `total` is read but never trusted (IBM bug IT45897). */
const envelope = z.looseObject({
  links: z.looseObject({ nextPage: link.nullish() }).nullish(),
  page: z.number().nullish(),
  total: z.number().nullish(),
});

export const loginReplySchema = z.looseObject({
  sessionid: z.string().min(1),
  user: z.looseObject({ name: z.string().nullish() }).nullish(),
});

export const progressSummarySchema = z.looseObject({
  id: z.string().min(1),
  jobPK: z.string().nullish(),
  name: z.string().nullish(),
  resourceName: z.string().nullish(),
  resourcePk: z.string().nullish(),
  type: z.string().nullish(),
  location: z.string().nullish(),
  summaryStatus: z.string().nullish(),
  percentageCompleted: count,
  totalDataTransferred: z.string().nullish(),
  throughput: z.union([z.string(), z.number()]).nullish(),
  elapsedTime: count,
  phaseNumber: count,
  totalPhases: count,
  resourcePhaseName: z.string().nullish(),
  resourcePhaseProgressPercentage: count,
  vmdkCount: count,
  protectedVmdkCount: count,
  backupStartTime: count,
  backupEndTime: count,
  errorCode: count,
  message: z.string().nullish(),
});
export type ProgressSummary = z.infer<typeof progressSummarySchema>;

export const progressPageSchema = envelope.extend({ summaries: z.array(progressSummarySchema) });

export const jobSessionSchema = z.looseObject({
  id,
  jobId: id.nullish(),
  jobName: z.string().nullish(),
  type: z.string().nullish(),
  subPolicyType: z.string().nullish(),
  status: z.string().min(1),
  results: z.string().nullish(),
  start: count,
  end: count,
  duration: count,
  percent: count,
  numTasks: count,
});
export type JobSession = z.infer<typeof jobSessionSchema>;

/** Sessions are validated one by one (see readRecords), so one odd session is quarantined, not fatal. */
export const jobSessionPageSchema = envelope.extend({ sessions: z.array(z.unknown()) });

/**
 * Epoch milliseconds; some SPP releases write it as a string, and sppmon reads it defensively.
 * A time that cannot be read is null: the line is kept (without a time), never the reason to drop the job.
 */
const logTime = z.unknown().transform((v): number | null => {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v !== "string" || v.trim() === "") return null;
  if (/^\d+(\.\d+)?$/.test(v.trim())) return Number(v.trim());
  const parsed = Date.parse(v);
  return Number.isNaN(parsed) ? null : parsed;
});

export const logEntrySchema = z.looseObject({
  id: id.nullish(),
  jobsessionId: id.nullish(),
  logTime,
  type: z.string().nullish(),
  messageId: z.string().nullish(),
  message: z.string().nullish(),
});
export type LogEntry = z.infer<typeof logEntrySchema>;

export const logPageSchema = envelope.extend({ logs: z.array(logEntrySchema) });

/** SPP's error body; read leniently since it only improves the message. */
export const errorReplySchema = z.looseObject({
  id: z.string().nullish(),
  title: z.string().nullish(),
  description: z.string().nullish(),
});

export interface PageEnvelope {
  links?: { nextPage?: { href: string } | null } | null;
  total?: number | null;
}
