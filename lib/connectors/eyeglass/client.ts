import type { z } from "zod";
import {
  VendorAuthError,
  VendorHttpError,
  VendorNotFoundError,
  VendorProtocolError,
  VendorRefusedError,
} from "@/lib/connectors/errors";
import { validateReply } from "@/lib/connectors/http/parse-reply";
import { vendorRequest, type VendorResponse } from "@/lib/connectors/http/vendor-request";
import type { SourceConfig } from "@/lib/connectors/types";
import { errorReplySchema } from "./schemas";

type Query = Record<string, string | boolean | undefined>;

/** The REST API lives under /sera; accept a base URL given as just the host. */
export function apiBase(baseUrl: string): string {
  const url = new URL(baseUrl);
  if (url.pathname === "/" || url.pathname === "") url.pathname = "/sera/";
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return url.toString();
}

function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** The vendor's {"code","message"} error, or a short description when it sent something else. */
function vendorMessage(res: VendorResponse): { code: string | null; message: string } {
  try {
    const parsed = errorReplySchema.safeParse(JSON.parse(res.text));
    if (parsed.success && parsed.data.message) {
      return {
        code:
          parsed.data.code === null || parsed.data.code === undefined
            ? null
            : String(parsed.data.code),
        message: parsed.data.message.slice(0, 300),
      };
    }
  } catch {
    // Not JSON: fall through to the status line.
  }
  return { code: null, message: `HTTP ${res.status}` };
}

/** HTTP to one Eyeglass appliance with its api_key; maps statuses to VendorErrors. */
export class EyeglassClient {
  private readonly base: string;

  constructor(private readonly config: SourceConfig) {
    this.base = apiBase(config.baseUrl);
  }

  private async send(
    method: "GET" | "POST" | "DELETE",
    path: string,
    opts: { query?: Query; body?: string; signal?: AbortSignal; accept?: string },
  ): Promise<VendorResponse> {
    if (!this.config.secret)
      throw new VendorAuthError(`${this.config.name}: no Eyeglass API token configured`);
    const headers: Record<string, string> = {
      api_key: this.config.secret,
      accept: opts.accept ?? "application/json",
    };
    if (opts.body !== undefined) headers["content-type"] = "application/json";
    return vendorRequest(
      { ...this.config, baseUrl: this.base },
      {
        method,
        url: withQuery(path, opts.query),
        headers,
        body: opts.body,
        idempotent: method === "GET",
        signal: opts.signal,
      },
    );
  }

  /** Throws the VendorError a non-2xx status means; `what` names the request for the operator. */
  private check(res: VendorResponse, what: string): void {
    if (res.status >= 200 && res.status < 300) return;
    const name = this.config.name;
    if (res.status === 401 || res.status === 403) {
      throw new VendorAuthError(
        `${name}: Eyeglass rejected the API token (HTTP ${res.status}); check the api_key configured for this source`,
      );
    }
    const { code, message } = vendorMessage(res);
    if (res.status === 404) throw new VendorNotFoundError(`${name}: ${what}: ${message}`);
    if (res.status === 400 || res.status === 409 || res.status === 422)
      throw new VendorRefusedError(`${name}: ${what}: ${message}`, code);
    throw new VendorHttpError(`${name}: ${what}: HTTP ${res.status} ${message}`, res.status);
  }

  private parse<S extends z.ZodType>(
    res: VendorResponse,
    schema: S,
    what: string,
  ): { data: z.infer<S>; raw: unknown } {
    let raw: unknown;
    try {
      raw = JSON.parse(res.text);
    } catch {
      const body =
        res.text.length === 0
          ? "empty body"
          : `${res.text.length} bytes, starts ${JSON.stringify(res.text.slice(0, 40))}`;
      throw new VendorProtocolError(
        `${this.config.name}: ${what}: reply is not valid JSON (${body})`,
      );
    }
    return { data: validateReply(raw, schema, `${this.config.name}: ${what}`), raw };
  }

  /** GET a JSON resource; `raw` is the reply as sent, for JobRecord.raw. */
  async get<S extends z.ZodType>(
    path: string,
    schema: S,
    what: string,
    signal?: AbortSignal,
    query?: Query,
  ) {
    const res = await this.send("GET", path, { query, signal });
    this.check(res, what);
    return this.parse(res, schema, what);
  }

  /** GET a JSON resource that may be gone: null on 404. */
  async find<S extends z.ZodType>(path: string, schema: S, what: string, signal?: AbortSignal) {
    try {
      return await this.get(path, schema, what, signal);
    } catch (err) {
      if (err instanceof VendorNotFoundError) return null;
      throw err;
    }
  }

  /** The failover log is plain text; an HTML page in its place is a proxy's error, not a log. */
  async getText(path: string, what: string, signal?: AbortSignal): Promise<string> {
    // Asked for as JSON, the log resource answers 406: it produces text/plain only.
    const res = await this.send("GET", path, { signal, accept: "text/plain" });
    this.check(res, what);
    if (
      /^\s*<(!doctype|html)/i.test(res.text) ||
      /text\/html/i.test(res.headers["content-type"] ?? "")
    ) {
      throw new VendorProtocolError(
        `${this.config.name}: ${what}: got an HTML page instead of the log`,
      );
    }
    return res.text;
  }

  async post<S extends z.ZodType>(
    path: string,
    query: Query,
    schema: S,
    what: string,
    signal?: AbortSignal,
  ) {
    const res = await this.send("POST", path, { query, body: "{}", signal });
    this.check(res, what);
    return this.parse(res, schema, what);
  }

  async delete<S extends z.ZodType>(path: string, schema: S, what: string, signal?: AbortSignal) {
    const res = await this.send("DELETE", path, { body: "{}", signal });
    this.check(res, what);
    return this.parse(res, schema, what);
  }
}
