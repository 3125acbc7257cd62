import { z } from "zod";

// The only module that reads process.env: everything else asks env().
const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z.string().url().optional(),
    JOBDECK_DATA_DIR: z.string().default(".data"),
    JOBDECK_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(5433),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    JOBDECK_SIM_BASE_PORT: z.coerce.number().int().min(1024).max(65000).default(9101),
    JOBDECK_DEMO: z
      .enum(["true", "false"])
      .default("true")
      .transform((v) => v === "true"),
    JOBDECK_SIM_SPEED: z.coerce.number().positive().max(1000).default(1),
    /** Days of history the demo estate gets on its first start (0: only what the simulators hold). */
    JOBDECK_DEMO_HISTORY_DAYS: z.coerce.number().int().min(0).max(730).default(365),
    JOBDECK_SECRET_KEY: z
      .string()
      .regex(/^[A-Za-z0-9+/]{43}=$/, "must be 32 bytes, base64")
      .optional(),
    JOBDECK_WORKER_ID: z.string().min(1).optional(),
    JOBDECK_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
    JOBDECK_READ_THROUGH_MS: z.coerce.number().int().min(0).default(5000),
    LOG_LEVEL: z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
      .default("info"),
    JOBDECK_PUBLIC_URL: z.string().url().optional(),
    JOBDECK_ADMIN_EMAIL: z.string().email().optional(),
    JOBDECK_ADMIN_PASSWORD: z.string().min(8).max(128).optional(),
    JOBDECK_OIDC_ISSUER: z.string().url().optional(),
    JOBDECK_OIDC_CLIENT_ID: z.string().min(1).optional(),
    JOBDECK_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    JOBDECK_SIGNIN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).max(1000).default(10),
    /** How often an open live stream re-checks its caller (revoked token, deleted user, ended session). */
    JOBDECK_STREAM_RECHECK_MS: z.coerce.number().int().min(50).max(60_000).default(30_000),
    JOBDECK_STREAMS_PER_CALLER: z.coerce.number().int().min(1).max(1000).default(12),
    /** Failed sign-ins an account (or a client address, five times as many) gets before lock-outs start doubling. */
    JOBDECK_SIGNIN_FAILURES_BEFORE_LOCK: z.coerce.number().int().min(1).max(100).default(5),
    /**
     * Reverse proxies whose X-Forwarded-For Jobdeck believes: comma-separated addresses or CIDR
     * ranges. Empty (the default): the client is the socket's peer and X-Forwarded-For is ignored.
     */
    JOBDECK_TRUSTED_PROXIES: z
      .string()
      .default("")
      .transform((v) =>
        v
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean),
      )
      .pipe(
        z.array(
          z
            .string()
            .regex(
              /^[0-9a-fA-F:.]+(\/\d{1,3})?$/,
              "must be IP addresses or CIDR ranges, comma-separated",
            ),
        ),
      ),
    /** Origins allowed to frame Jobdeck (a NOC portal embedding the wall), space-separated; empty: none. */
    JOBDECK_FRAME_ANCESTORS: z
      .string()
      .default("")
      .transform((v) => v.split(/\s+/).filter(Boolean))
      .pipe(
        z.array(
          z
            .string()
            .regex(
              /^https?:\/\/[^\s;,'"]+$/,
              "must be origins like https://noc.example.com, space-separated",
            ),
        ),
      ),
    /** Earlier JOBDECK_SECRET_KEY values, comma-separated: still opened, never used to seal (see npm run rotate-key). */
    JOBDECK_PREVIOUS_SECRET_KEYS: z
      .string()
      .default("")
      .transform((v) =>
        v
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean),
      )
      .pipe(
        z.array(
          z.string().regex(/^[A-Za-z0-9+/]{43}=$/, "must be 32-byte base64 keys, comma-separated"),
        ),
      ),
    /** Longest a web request's SQL statement may run before PostgreSQL cancels it. */
    JOBDECK_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
    /** Longest identical list, timeline and history reads share one answer while no change is heard (0: never). */
    JOBDECK_SHARED_READ_MS: z.coerce.number().int().min(0).max(60_000).default(1_000),
    /** Heavy reads (exports, timeline, history summary) run at once per web process; more get 503. */
    JOBDECK_HEAVY_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
    /** Serve Prometheus metrics at /api/metrics (to metrics-scoped API tokens and admins); off by default. */
    JOBDECK_METRICS: z
      .enum(["on", "off"])
      .default("off")
      .transform((v) => v === "on"),
    /** How often the workers evaluate alert rules on a timer (changes trigger an evaluation at once). */
    JOBDECK_ALERT_EVAL_MS: z.coerce.number().int().min(200).max(3_600_000).default(30_000),
    /** How often an idle worker asks the job queue (pg-boss) for work. */
    JOBDECK_QUEUE_POLL_MS: z.coerce.number().int().min(500).max(60_000).default(2_000),
    /** First retry of a failed alert delivery after this long, doubling with each attempt (capped at an hour). */
    JOBDECK_ALERT_RETRY_BASE_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
    /** The Chromium that prints PDFs (evidence packs); unset: one on PATH, else Playwright's own download. */
    JOBDECK_CHROMIUM_PATH: z.string().min(1).optional(),
    /** Where a system Chromium is looked for when JOBDECK_CHROMIUM_PATH is unset. */
    PATH: z.string().default(""),
    /** Raw vendor payloads of events are dropped after this many days; the events, jobs, phases and outcomes stay. */
    JOBDECK_PAYLOAD_RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).default(400),
    /** Attempts per alert delivery before it is marked failed. */
    JOBDECK_ALERT_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
  })
  .superRefine((v, ctx) => {
    if (v.NODE_ENV === "production" && v.DATABASE_URL && !v.JOBDECK_SECRET_KEY) {
      ctx.addIssue({
        code: "custom",
        path: ["JOBDECK_SECRET_KEY"],
        message:
          "required in production with an external DATABASE_URL (credentials are encrypted with it)",
      });
    }
    if (Boolean(v.JOBDECK_ADMIN_EMAIL) !== Boolean(v.JOBDECK_ADMIN_PASSWORD)) {
      ctx.addIssue({
        code: "custom",
        path: ["JOBDECK_ADMIN_PASSWORD"],
        message: "set JOBDECK_ADMIN_EMAIL and JOBDECK_ADMIN_PASSWORD together",
      });
    }
    const oidc = [
      v.JOBDECK_OIDC_ISSUER,
      v.JOBDECK_OIDC_CLIENT_ID,
      v.JOBDECK_OIDC_CLIENT_SECRET,
    ].filter(Boolean).length;
    if (oidc !== 0 && oidc !== 3) {
      ctx.addIssue({
        code: "custom",
        path: ["JOBDECK_OIDC_ISSUER"],
        message:
          "set JOBDECK_OIDC_ISSUER, JOBDECK_OIDC_CLIENT_ID and JOBDECK_OIDC_CLIENT_SECRET together",
      });
    }
  });

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) cached = parseEnv(process.env);
  return cached;
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return result.data;
}

/** Tests and the start script set variables after import; this makes env() read them again. */
export function resetEnvCache(): void {
  cached = undefined;
}
