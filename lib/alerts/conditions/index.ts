import type { Tx } from "@/lib/db/client";
import { ruleParamsByKind, type AlertRuleKind } from "@/lib/contracts/alerts";
import type { Firing, RuleRow } from "../types";
import { actionStuck } from "./action-stuck";
import { jobFailed } from "./job-failed";
import { jobShort } from "./job-short";
import { jobSlow } from "./job-slow";
import { rpoMissed } from "./rpo-missed";
import { rtoExceeded } from "./rto-exceeded";
import { sourceUnhealthy } from "./source-unhealthy";

type Finder = (rule: RuleRow, params: never, db: Tx, now: Date) => Promise<Firing[]>;

const FINDERS: Record<AlertRuleKind, Finder> = {
  job_failed: jobFailed,
  job_slow: jobSlow,
  job_short: jobShort,
  source_unhealthy: sourceUnhealthy,
  rto_exceeded: rtoExceeded,
  rpo_missed: rpoMissed,
  action_stuck: actionStuck,
};

/** Every subject for which the rule's condition holds at `now`. Stored params are parsed again: a rule saved by an older version still gets its defaults. */
export async function findFiring(rule: RuleRow, db: Tx, now: Date): Promise<Firing[]> {
  const params = ruleParamsByKind[rule.kind].parse(rule.params);
  return FINDERS[rule.kind](rule, params as never, db, now);
}
