import type { Role } from "./roles";

export const JOB_ACTIONS = ["abort", "pause", "resume", "cancel", "kill", "purge"] as const;
export type JobAction = (typeof JOB_ACTIONS)[number];

/** Who may ask for an action: purge destroys vendor history, so it is an admin's decision. */
export const ACTION_ROLE: Record<JobAction, Role> = {
  abort: "operator",
  pause: "operator",
  resume: "operator",
  cancel: "operator",
  kill: "operator",
  purge: "admin",
};

export type ActionRisk = "low" | "high";

/** Stopping work cannot be undone: those ask for the job's name and a reason. */
export const ACTION_RISK: Record<JobAction, ActionRisk> = {
  abort: "high",
  cancel: "high",
  kill: "high",
  purge: "high",
  pause: "low",
  resume: "low",
};
