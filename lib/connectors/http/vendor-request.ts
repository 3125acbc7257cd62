import { Agent, errors as undiciErrors, request } from "undici";
import type { SourceConfig } from "../types";
import { VendorHttpError, VendorTimeoutError, VendorUnreachableError, type VendorError } from "../errors";
import { withRetries, type RetryPolicy } from "./retry";

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

const agents = new Map<string, Agent>();

/** One keep-alive pool per TLS setting, so a CA bundle or insecure flag applies only to its own source. */
function agentFor(tls: SourceConfig["tls"]): Agent {
  const key = `${tls.insecure}:${tls.caPem ?? ""}`;
  let agent = agents.get(key);
  if (!agent) {
    agent = new Agent({
      connect: { rejectUnauthorized: !tls.insecure, ...(tls.caPem ? { ca: tls.caPem } : {}) },
      keepAliveTimeout: 10_000,
      connections: 8,
    });
    agents.set(key, agent);
  }
  return agent;
}

export function resolveUrl(baseUrl: string, path: string): string {
  if (/^https?:\/\//.test(path)) return path;
  const base = baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`;
  return new URL(path.replace(/^\//, ""), base).toString();
}

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
  const url = resolveUrl(source.baseUrl, req.url);
  const attempt = async (): Promise<VendorResponse> => {
    const res = await sendOnce(source, url, req);
    if (res.status >= 500) {
      throw new VendorHttpError(`${source.name}: HTTP ${res.status} from ${pathOf(url)}`, res.status);
    }
    return res;
  };
  return withRetries(attempt, req.idempotent === false ? { ...retry, attempts: 1 } : retry, req.signal);
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 250, maxDelayMs: 2_000 };

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
    const text = await res.body.text();
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

function toVendorError(err: unknown, name: string, url: string, timedOut: boolean): VendorError {
  const where = `${name}: ${pathOf(url)}`;
  if (
    timedOut ||
    err instanceof undiciErrors.HeadersTimeoutError ||
    err instanceof undiciErrors.BodyTimeoutError ||
    err instanceof undiciErrors.ConnectTimeoutError
  ) {
    return new VendorTimeoutError(`${where} did not answer in time`);
  }
  const code = (err as { code?: string; cause?: { code?: string } }).code ??
    (err as { cause?: { code?: string } }).cause?.code;
  if (err instanceof Error && err.name === "AbortError") {
    return new VendorTimeoutError(`${where} request was cancelled`);
  }
  const reason = code ? describeCode(code) : err instanceof Error ? err.message : String(err);
  return new VendorUnreachableError(`${where} unreachable: ${reason}`);
}

function describeCode(code: string): string {
  switch (code) {
    case "ECONNREFUSED":
      return "connection refused";
    case "ENOTFOUND":
      return "host not found";
    case "ECONNRESET":
    case "UND_ERR_SOCKET":
      return "connection reset";
    case "DEPTH_ZERO_SELF_SIGNED_CERT":
    case "SELF_SIGNED_CERT_IN_CHAIN":
    case "UNABLE_TO_VERIFY_LEAF_SIGNATURE":
      return `TLS certificate not trusted (${code}); add the CA bundle or mark the source insecure`;
    default:
      return code;
  }
}

/** The path only: query strings can carry session ids, and hosts are already in the source name. */
function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return "(invalid url)";
  }
}
