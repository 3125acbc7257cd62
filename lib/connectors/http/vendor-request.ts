import { request } from "undici";
import type { SourceConfig } from "../types";
import {
  VendorError,
  VendorGarbledReplyError,
  VendorHttpError,
  VendorProtocolError,
} from "../errors";
import { withRetries, type RetryPolicy } from "./retry";
import { limiterFor } from "./request-limit";
import { agentFor } from "./tls-agents";
import { pathOf, toVendorError } from "./transport-error";

export interface VendorRequest {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** Absolute URL, or a path resolved against the source's base URL. */
  url: string;
  headers?: Record<string, string>;
  body?: string;
  /** Safe to send again after a network error or 5xx. Actions are not, unless the vendor is idempotent. */
  idempotent?: boolean;
  signal?: AbortSignal;
}

export interface VendorResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  url: string;
}

/**
 * A path against the source's base URL, or an absolute link the vendor handed us (SPP `nextPage`,
 * ONTAP `_links`). Every link is confined to the source's own origin: credentials and session ids
 * go with each request, and a link to another host would carry them there.
 */
export function resolveUrl(baseUrl: string, path: string): string {
  const base = baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`;
  if (!/^[a-z][a-z0-9+.-]*:|^\/\//i.test(path))
    return new URL(path.replace(/^\//, ""), base).toString();
  let target: URL;
  try {
    target = new URL(path, base);
  } catch {
    throw new VendorProtocolError(`the vendor sent a link that is not a URL`);
  }
  if (target.origin !== new URL(base).origin) {
    throw new VendorProtocolError(
      `the vendor sent a link to another host (${target.origin}); Jobdeck follows links only on the source's own address`,
    );
  }
  return target.toString();
}

/** Replies larger than this are refused: a job list is megabytes, not gigabytes. */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;
/** The longest Retry-After we wait inside one request; longer, and the poll fails and backs off. */
const MAX_RETRY_AFTER_MS = 60_000;

/**
 * One HTTP exchange with a vendor, with the source's TLS settings and timeout. Network failures,
 * timeouts and 5xx on idempotent requests are retried with backoff; anything else is returned for
 * the connector to interpret (a 404 or 401 means something different to each vendor).
 */
export async function vendorRequest(
  source: Pick<SourceConfig, "baseUrl" | "tls" | "timeoutMs" | "name">,
  req: VendorRequest,
  retry: RetryPolicy = DEFAULT_RETRY,
): Promise<VendorResponse> {
  let url: string;
  try {
    url = resolveUrl(source.baseUrl, req.url);
  } catch (err) {
    throw err instanceof VendorError
      ? new VendorProtocolError(`${source.name}: ${err.message}`)
      : err;
  }
  const limiter = limiterFor(source.baseUrl);
  const attempt = async (): Promise<VendorResponse> => {
    const res = await limiter
      .run(() => sendOnce(source, url, req), req.signal)
      .catch((err: unknown) => {
        throw toVendorError(err, source.name, url, false);
      });
    if (res.status >= 500 || res.status === 429) {
      const retryAfterMs = parseRetryAfter(res.headers["retry-after"], Date.now());
      const busy = res.status === 429 ? " (too many requests)" : "";
      if (retryAfterMs !== null && retryAfterMs > MAX_RETRY_AFTER_MS) {
        throw new VendorHttpError(
          `${source.name}: HTTP ${res.status}${busy} from ${pathOf(url)}, asked to retry after ${Math.round(retryAfterMs / 1000)} s`,
          res.status,
        );
      }
      throw new VendorHttpError(
        `${source.name}: HTTP ${res.status}${busy} from ${pathOf(url)}`,
        res.status,
        retryAfterMs,
      );
    }
    if (req.idempotent !== false && res.status >= 200 && res.status < 300) {
      const garbled = garbledReason(res);
      if (garbled)
        throw new VendorGarbledReplyError(`${source.name}: reply from ${pathOf(url)} ${garbled}`);
    }
    return res;
  };
  return withRetries(
    attempt,
    req.idempotent === false ? { ...retry, attempts: 1 } : retry,
    req.signal,
  );
}

/**
 * Five tries: on an appliance that drops or garbles a few replies in a hundred, a step of hundreds
 * of reads must still complete; backoff keeps the extra tries to a few seconds.
 */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseDelayMs: 250, maxDelayMs: 2_000 };

/**
 * Why a successful reply to a read cannot be what it claims, checked cheaply before the connector
 * parses it: JSON that does not parse, XML that is an HTML page or stops before its closing tag.
 */
function garbledReason(res: VendorResponse): string | null {
  const type = res.headers["content-type"] ?? "";
  const body = res.text.trim();
  // An empty body is the connector's to judge (some replies are legitimately empty).
  if (body === "") return null;
  if (/json/i.test(type)) {
    try {
      JSON.parse(body);
      return null;
    } catch {
      return `is not complete JSON (${res.text.length} bytes)`;
    }
  }
  if (/xml/i.test(type)) {
    if (/^<(!doctype html|html)/i.test(body)) return "is an HTML page, not XML";
    if (!body.endsWith(">")) return `is cut off (${res.text.length} bytes)`;
  }
  return null;
}

async function sendOnce(
  source: Pick<SourceConfig, "tls" | "timeoutMs" | "name">,
  url: string,
  req: VendorRequest,
): Promise<VendorResponse> {
  const timeout = AbortSignal.timeout(source.timeoutMs);
  const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
  try {
    const res = await request(url, {
      method: req.method,
      headers: req.headers,
      body: req.body,
      dispatcher: agentFor(source.tls),
      signal,
      headersTimeout: source.timeoutMs,
      bodyTimeout: source.timeoutMs,
    });
    const text = await readCapped(res.body, source.name, url);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(res.headers)) {
      if (typeof v === "string") headers[k] = v;
      else if (Array.isArray(v)) headers[k] = v.join(", ");
    }
    return { status: res.statusCode, headers, text, url };
  } catch (err) {
    throw toVendorError(err, source.name, url, timeout.aborted);
  }
}

/** Retry-After in seconds or as an HTTP date (RFC 9110 10.2.3); null when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

async function readCapped(
  body: AsyncIterable<Buffer | Uint8Array> & { destroy?: () => void },
  name: string,
  url: string,
): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      body.destroy?.();
      throw new VendorProtocolError(
        `${name}: reply from ${pathOf(url)} is larger than ${MAX_BODY_BYTES / 1024 / 1024} MiB; lower the source's page size`,
      );
    }
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks).toString("utf8");
}
