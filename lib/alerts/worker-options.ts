import type { Env } from "@/lib/env";
import type { AlertingOptions } from "./runtime";

/** The worker's alerting settings from the environment. */
export function alertingFromEnv(config: Env): Omit<AlertingOptions, "db" | "databaseUrl"> {
  return {
    evalMs: config.JOBDECK_ALERT_EVAL_MS,
    pollMs: config.JOBDECK_QUEUE_POLL_MS,
    retry: {
      baseMs: config.JOBDECK_ALERT_RETRY_BASE_MS,
      maxAttempts: config.JOBDECK_ALERT_MAX_ATTEMPTS,
    },
  };
}
