import { z } from "zod";

/** Request and response shapes for alert rules: routes, services and screens import them from here. */

export const ALERT_RULE_KINDS = [
  "job_failed",
  "job_slow",
  "job_short",
  "source_unhealthy",
  "rto_exceeded",
  "rpo_missed",
  "action_stuck",
] as const;
export type AlertRuleKind = (typeof ALERT_RULE_KINDS)[number];

const VENDORS = ["dfm", "ontap", "eyeglass", "commvault", "spp"] as const;
const SEVERITY = z.enum(["info", "warning", "error"]);
/** Minutes as a decimal, so a rule can say 0.5 (and tests run in seconds). */
const minutes = (max: number) => z.number().positive().max(max);

/** Each kind's settings; unknown keys are refused so a typo never silently means "default". */
export const ruleParamsByKind = {
  job_failed: z
    .object({
      states: z
        .array(z.enum(["failed", "aborted", "partial", "canceled"]))
        .min(1)
        .default(["failed", "aborted", "partial"]),
      /** Only failures that ended this recently open an incident (older ones are history, not news). */
      lookbackMinutes: minutes(7 * 24 * 60).default(24 * 60),
    })
    .strict(),
  job_slow: z
    .object({
      /** A fixed limit; without it the limit is the baseline's p90 times `factor`. */
      limitMinutes: minutes(30 * 24 * 60).optional(),
      factor: z.number().min(1).max(100).default(1),
      /** Past successful runs the baseline needs before it is trusted. */
      minRuns: z.number().int().min(1).max(20).default(3),
    })
    .strict(),
  job_short: z
    .object({
      /** Fires when a run took less than this share of the baseline's median duration. */
      durationRatio: z.number().gt(0).max(1).default(0.25),
      /** ...or moved less than this share of the median bytes of past runs. */
      bytesRatio: z.number().gt(0).max(1).default(0.25),
      minRuns: z.number().int().min(1).max(20).default(3),
      lookbackMinutes: minutes(7 * 24 * 60).default(24 * 60),
    })
    .strict(),
  source_unhealthy: z
    .object({
      /** How long a source must be failing, or without a successful poll, before it is an incident. */
      forMinutes: minutes(7 * 24 * 60).default(10),
    })
    .strict(),
  rto_exceeded: z
    .object({
      lookbackMinutes: minutes(90 * 24 * 60).default(7 * 24 * 60),
    })
    .strict(),
  rpo_missed: z
    .object({
      /** Longest a replication group may go without a successful run. */
      rpoMinutes: minutes(90 * 24 * 60),
      /** Job types that count as replication; empty: every type in scope. */
      types: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
    })
    .strict(),
  action_stuck: z
    .object({
      /** Polls after the vendor accepted the action that may still show the job running. */
      polls: z.number().int().min(1).max(20).default(2),
    })
    .strict(),
} satisfies Record<AlertRuleKind, z.ZodType>;

export type RuleParams<K extends AlertRuleKind> = z.infer<(typeof ruleParamsByKind)[K]>;

const scope = {
  sourceId: z.string().uuid("must be a source id").nullable().default(null),
  vendor: z.enum(VENDORS).nullable().default(null),
  jobType: z.string().trim().min(1).max(200).nullable().default(null),
  /** `*` matches any run of characters, `?` one; case-insensitive. */
  namePattern: z.string().trim().min(1).max(200).nullable().default(null),
};

const ruleBase = {
  name: z.string().trim().min(1).max(200),
  enabled: z.boolean().default(true),
  severity: SEVERITY.default("error"),
  channelIds: z.array(z.string().uuid("must be a channel id")).max(20).default([]),
  ...scope,
};

export const alertRuleInput = z.discriminatedUnion("kind", [
  z
    .object({
      ...ruleBase,
      kind: z.literal("job_failed"),
      params: ruleParamsByKind.job_failed.default({
        states: ["failed", "aborted", "partial"],
        lookbackMinutes: 1440,
      }),
    })
    .strict(),
  z
    .object({
      ...ruleBase,
      kind: z.literal("job_slow"),
      params: ruleParamsByKind.job_slow.default({ factor: 1, minRuns: 3 }),
    })
    .strict(),
  z
    .object({
      ...ruleBase,
      kind: z.literal("job_short"),
      params: ruleParamsByKind.job_short.default({
        durationRatio: 0.25,
        bytesRatio: 0.25,
        minRuns: 3,
        lookbackMinutes: 1440,
      }),
    })
    .strict(),
  z
    .object({
      ...ruleBase,
      kind: z.literal("source_unhealthy"),
      params: ruleParamsByKind.source_unhealthy.default({ forMinutes: 10 }),
    })
    .strict(),
  z
    .object({
      ...ruleBase,
      kind: z.literal("rto_exceeded"),
      params: ruleParamsByKind.rto_exceeded.default({ lookbackMinutes: 10080 }),
    })
    .strict(),
  z
    .object({ ...ruleBase, kind: z.literal("rpo_missed"), params: ruleParamsByKind.rpo_missed })
    .strict(),
  z
    .object({
      ...ruleBase,
      kind: z.literal("action_stuck"),
      params: ruleParamsByKind.action_stuck.default({ polls: 2 }),
    })
    .strict(),
]);
export type AlertRuleInput = z.infer<typeof alertRuleInput>;

export interface AlertRuleView {
  id: string;
  name: string;
  kind: AlertRuleKind;
  enabled: boolean;
  severity: "info" | "warning" | "error";
  params: Record<string, unknown>;
  sourceId: string | null;
  vendor: (typeof VENDORS)[number] | null;
  jobType: string | null;
  namePattern: string | null;
  channelIds: string[];
  openIncidents: number;
  updatedAt: string;
}
