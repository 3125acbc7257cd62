import type { AlertRule } from "@/lib/generated/prisma/client";

/** One subject for which a rule's condition holds now. */
export interface Firing {
  /** Stable within the rule: a job id, a job series, a source id, a group. */
  subject: string;
  title: string;
  detail: string;
  sourceId: string | null;
  jobId: string | null;
  facts: Record<string, unknown>;
}

export type RuleRow = AlertRule;
