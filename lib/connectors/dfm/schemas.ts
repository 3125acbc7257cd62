import { z } from "zod";
import { DEFAULT_ERRNOS } from "./errnos";

const int = z.string().regex(/^\d+$/, "expected an integer").transform(Number);
/** Byte counts reach 2^63-1: parsed from text straight to BigInt, never through a double. */
const bytes = z
  .string()
  .regex(/^\d+$/, "expected a byte count")
  .transform((s) => BigInt(s));
const text = z.string();

/** The source's vendor-specific settings. */
export const dfmOptionsSchema = z.object({
  /** Records per `*-iter-next` call. */
  pageSize: z.number().int().min(1).max(10_000).default(500),
  /** How far ahead scheduled jobs are listed. */
  scheduleWindowHours: z
    .number()
    .positive()
    .max(24 * 31)
    .default(24),
  /** Above this many jobs needing detail, one event listing for all of them beats one per job. */
  perJobEventLimit: z.number().int().min(0).default(25),
  /** How often the whole job list is read, so purged jobs are noticed. */
  fullListMinutes: z.number().positive().default(60),
  errnos: z.record(z.string(), z.number().int()).default({ ...DEFAULT_ERRNOS }),
});
export type DfmOptions = z.infer<typeof dfmOptionsSchema>;

export const iterStartSchema = z.object({ records: int, tag: text.min(1) });

/** `<jobs/>` (present but empty) parses as "", absent as undefined. */
const wrapper = <T extends z.ZodType>(key: string, item: T) =>
  z.union([z.object({ [key]: z.array(item) }), z.literal("")]).optional();

export const iterNextSchema = (arrayKey: string, itemKey: string) =>
  z.object({ records: int, [arrayKey]: wrapper(itemKey, z.unknown()) });

export const lastChangedSchema = z.object({ "last-changed-timestamp": int });

export const jobInfoSchema = z.object({
  "abort-requested-timestamp": int.optional(),
  "bytes-transferred": bytes,
  "completed-timestamp": int.optional(),
  "dataset-id": int,
  "dataset-name": text,
  "destination-node-id": int.optional(),
  "destination-node-name": text.optional(),
  "job-description": text,
  "job-id": int,
  "job-progress": text,
  "job-state": text.optional(),
  "job-type": text,
  "policy-id": int.optional(),
  "policy-name": text.optional(),
  "source-node-id": int,
  "source-node-name": text,
  "started-timestamp": int.optional(),
  "submitted-by": text.optional(),
});
export type DpJobInfo = z.infer<typeof jobInfoSchema>;

/** SnapMirror and relationship details name volumes-or-qtrees, SnapVault names qtrees. */
const transferDetail = z.object({
  "bytes-transferred": bytes.optional(),
  "relationship-type": text.optional(),
  "source-volume-or-qtree-id": int.optional(),
  "source-volume-or-qtree-name": text.optional(),
  "destination-volume-or-qtree-id": int.optional(),
  "destination-volume-or-qtree-name": text.optional(),
  "source-qtree-id": int.optional(),
  "source-qtree-name": text.optional(),
  "destination-qtree-id": int.optional(),
  "destination-qtree-name": text.optional(),
});
const restoreDetail = z.object({
  "backup-id": int.optional(),
  "backup-version": int.optional(),
  "bytes-transferred": bytes.optional(),
  "destination-path": text.optional(),
  "member-id": int.optional(),
  "member-name": text.optional(),
  path: text.optional(),
});

export const eventInfoSchema = z.object({
  "dp-progress-backup-info": z
    .object({
      "backup-id": int.optional(),
      "backup-version": int.optional(),
      retention: text.optional(),
    })
    .optional(),
  "dp-progress-job-abort-info": z.object({ "aborted-by": text.optional() }).optional(),
  "dp-progress-relationship-info": transferDetail.optional(),
  "dp-progress-restore-info": restoreDetail.optional(),
  "dp-progress-snapmirror-info": transferDetail.optional(),
  "dp-progress-snapshot-info": z
    .object({
      "snapshot-name": text.optional(),
      "volume-id": int.optional(),
      "volume-name": text.optional(),
    })
    .optional(),
  "dp-progress-snapvault-info": transferDetail.optional(),
  "error-message": text.optional(),
  "event-id": int,
  "event-message": text,
  "event-status": text,
  "event-timestamp": int,
  "event-type": text,
  "job-id": int,
});
export type DpEventInfo = z.infer<typeof eventInfoSchema>;
export type TransferDetail = z.infer<typeof transferDetail>;
export type RestoreDetail = z.infer<typeof restoreDetail>;

const jobData = z.object({
  "connection-id": int.optional(),
  "node-id": int.optional(),
  "retention-type": text.optional(),
});
export const scheduledJobSchema = z.object({
  "dataset-id": int,
  "dp-local-snapshot-job-data": jobData.optional(),
  "dp-snapmirror-transfer-job-data": jobData.optional(),
  "dp-snapvault-transfer-job-data": jobData.optional(),
  "start-time": int,
});
export type DpScheduledJob = z.infer<typeof scheduledJobSchema>;
