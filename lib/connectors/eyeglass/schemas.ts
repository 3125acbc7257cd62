import { z } from "zod";

/**
 * Eyeglass replies. Lenient where the vendor is unconfirmed (vocabularies, time units, the doc's
 * contradictory small example) but every reply passes through here before it is mapped.
 */

const id = z.union([z.string().min(1), z.number()]).transform(String);
const text = z.string().nullish();
/** Epoch ms (maybe seconds), a numeric string, or the small example's ISO strings. */
export const timeValue = z.union([z.number(), z.string()]).nullish();

export interface StepNode {
  id?: string;
  name?: string | null;
  info?: string | null;
  state?: string | null;
  status?: string | null;
  started?: number | string | null;
  finished?: number | string | null;
  childrenDetails?: StepNode[] | null;
}

export const stepSchema: z.ZodType<StepNode> = z.lazy(() =>
  z.object({
    id: id.optional(),
    name: text,
    info: text,
    state: text,
    status: text,
    started: timeValue,
    finished: timeValue,
    childrenDetails: z.array(stepSchema).nullish(),
  }),
);

const nodeSchema = z.object({ id: id.optional(), ip: text, name: text });

/** `status` is an object in the model ({"status":"OK"}); accept a bare string too. */
const readinessStatus = z.union([z.object({ status: text }), z.string()]).nullish();

const readinessDetailSchema = z.object({
  name: text,
  reason: text,
  status: readinessStatus,
});

const zoneSchema = z.object({
  id: id.optional(),
  name: text,
  failoverReadiness: readinessStatus,
  readinessDetail: z.array(readinessDetailSchema).nullish(),
});

const policySchema = z.object({
  id: id.optional(),
  name: text,
  failoverReadiness: readinessStatus,
  readinessDetail: z.array(readinessDetailSchema).nullish(),
  target: nodeSchema.nullish(),
  zone: zoneSchema.nullish(),
});

export const failoverJobSchema = z.object({
  id,
  name: text,
  jobType: text,
  started: timeValue,
  finished: timeValue,
  success: z.boolean().nullish(),
  jobStatusDetails: stepSchema.nullish(),
  failoverTarget: z
    .object({ policies: z.array(policySchema).nullish(), zone: zoneSchema.nullish() })
    .nullish(),
  sourceNode: nodeSchema.nullish(),
  targetNode: nodeSchema.nullish(),
  /** Only in the doc's small example, which contradicts the model. */
  status: text,
  startTime: timeValue,
  endTime: timeValue,
});
export type FailoverJob = z.infer<typeof failoverJobSchema>;
export type ReadinessDetail = z.infer<typeof readinessDetailSchema>;
export type ReadinessStatus = z.infer<typeof readinessStatus>;

/** Readiness and replication jobs are bare step trees with an id. */
export const checkJobSchema = z.object({
  id,
  name: text,
  info: text,
  state: text,
  status: text,
  started: timeValue,
  finished: timeValue,
  childrenDetails: z.array(stepSchema).nullish(),
});
export type CheckJob = z.infer<typeof checkJobSchema>;

export const idReplySchema = z.object({ id });

export const errorReplySchema = z.object({
  code: z.union([z.number(), z.string()]).nullish(),
  message: text,
});
