/** What /metrics reports, read from PostgreSQL so every web instance answers the same. */

export interface SourceReading {
  source: string;
  vendor: string;
  up: boolean;
  lastSuccessAt: Date | null;
  lastPollDurationMs: number | null;
  consecutiveFailures: number;
  pollFailuresTotal: number;
  quarantined: number;
}

export interface Count {
  labels: Record<string, string>;
  value: number;
}

export interface Readings {
  sources: SourceReading[];
  /** labels: vendor, state. */
  jobs: Count[];
  /** labels: source, vendor, progress (bucket). */
  runningByProgress: Count[];
  /** labels: source, vendor, eta (bucket). */
  runningByEta: Count[];
  /** labels: vendor, action, outcome. */
  actions: Count[];
  sseClients: number;
  webProcesses: number;
}

/** Progress buckets: a running job's percent done, a quarter at a time. No job ids ever become labels. */
export const PROGRESS_BUCKETS = ["unknown", "0_25", "25_50", "50_75", "75_100"] as const;

/**
 * Time-left buckets from the per-source-and-type median of past successful runs: "unknown" where
 * history is too thin for an estimate (the job page says "no estimate" there too), "overdue" past it.
 */
export const ETA_BUCKETS = [
  "unknown",
  "overdue",
  "under_5m",
  "5m_to_30m",
  "30m_to_2h",
  "over_2h",
] as const;
