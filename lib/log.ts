import pino from "pino";
import { env } from "@/lib/env";

/**
 * Structured logs. Credentials are redacted by path as a second line of defence; the first is that
 * code never logs a SourceConfig or a request's auth headers.
 */
export const logger = pino({
  level: env().LOG_LEVEL,
  redact: {
    paths: [
      "secret",
      "password",
      "token",
      "*.secret",
      "*.password",
      "*.token",
      "*.secretEnc",
      "headers.authorization",
      "headers.cookie",
      "*.headers.authorization",
    ],
    censor: "[redacted]",
  },
});
