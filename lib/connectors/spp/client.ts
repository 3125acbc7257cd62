import type { z } from "zod";
import {
  VendorAuthError,
  VendorHttpError,
  VendorNotFoundError,
  VendorProtocolError,
  VendorRefusedError,
} from "@/lib/connectors/errors";
import { parseJsonReply } from "@/lib/connectors/http/parse-reply";
import { vendorRequest, type VendorResponse } from "@/lib/connectors/http/vendor-request";
import type { SourceConfig } from "@/lib/connectors/types";
import { errorReplySchema, loginReplySchema, type PageEnvelope } from "./schemas";

const SESSION_PATH = "/api/endeavour/session";
const SESSION_HEADER = "X-Endeavour-Sessionid";
/** A runaway `nextPage` chain (or one that loops) must end in an error, not a hang. */
const MAX_PAGES = 10_000;

export interface SppCall {
  method: "GET" | "POST" | "DELETE";
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  idempotent?: boolean;
}

/** HTTP to one SPP server: logs in with Basic auth, sends the session id, logs in again after a 401. */
export class SppClient {
  private sessionId: string | null = null;
  private loggingIn: Promise<string> | null = null;
  userName: string | null = null;

  constructor(private readonly config: SourceConfig) {}

  async login(signal?: AbortSignal): Promise<string> {
    this.loggingIn ??= this.freshLogin(signal).finally(() => {
      this.loggingIn = null;
    });
    return this.loggingIn;
  }

  private async freshLogin(signal?: AbortSignal): Promise<string> {
    const basic = Buffer.from(`${this.config.username ?? ""}:${this.config.secret ?? ""}`).toString(
      "base64",
    );
    const res = await vendorRequest(this.config, {
      method: "POST",
      url: SESSION_PATH,
      headers: { Authorization: `Basic ${basic}`, Accept: "application/json" },
      idempotent: true,
      signal,
    });
    if (res.status === 401 || res.status === 403) {
      throw new VendorAuthError(
        `${this.config.name}: SPP rejected the user name or password (HTTP ${res.status})`,
      );
    }
    if (res.status !== 200) throw this.errorFor(res, "login");
    const reply = parseJsonReply(res.text, loginReplySchema, `${this.config.name}: SPP login`);
    this.sessionId = reply.sessionid;
    this.userName = reply.user?.name ?? this.config.username;
    return reply.sessionid;
  }

  /** Sends a call with the session id; on 401 (idle expiry, server restart) logs in once more and retries. */
  async send(call: SppCall, signal?: AbortSignal): Promise<VendorResponse> {
    const first = await this.sendOnce(call, this.sessionId ?? (await this.login(signal)), signal);
    if (first.status !== 401) return first;
    this.sessionId = null;
    const second = await this.sendOnce(call, await this.login(signal), signal);
    if (second.status === 401) {
      throw new VendorAuthError(
        `${this.config.name}: SPP refused a fresh session for ${call.path} (HTTP 401)`,
      );
    }
    return second;
  }

  private sendOnce(
    call: SppCall,
    sessionId: string,
    signal?: AbortSignal,
  ): Promise<VendorResponse> {
    const search = call.query ? `?${new URLSearchParams(call.query).toString()}` : "";
    return vendorRequest(this.config, {
      method: call.method,
      url: `${call.path}${search}`,
      headers: {
        [SESSION_HEADER]: sessionId,
        Accept: "application/json",
        ...(call.body !== undefined ? { "Content-Type": "application/json" } : {}),
      },
      body: call.body !== undefined ? JSON.stringify(call.body) : undefined,
      idempotent: call.idempotent ?? call.method === "GET",
      signal,
    });
  }

  async getJson<S extends z.ZodType>(
    call: SppCall,
    schema: S,
    what: string,
    signal?: AbortSignal,
  ): Promise<z.infer<S>> {
    const res = await this.send(call, signal);
    if (res.status !== 200) throw this.errorFor(res, what);
    return parseJsonReply(res.text, schema, `${this.config.name}: ${what}`);
  }

  /** Every record of a listing, following `links.nextPage` until it is absent; `total` plays no part. */
  async getAllPages<S extends z.ZodType<PageEnvelope>, T>(
    path: string,
    query: Record<string, string>,
    schema: S,
    pick: (page: z.infer<S>) => T[],
    what: string,
    signal?: AbortSignal,
  ): Promise<T[]> {
    return (await this.getPages(path, query, schema, pick, what, () => false, signal)).items;
  }

  /**
   * Pages of a listing until `enough(items so far)` or the last page. `total` is the first page's
   * (0 on releases with IBM bug IT45897, so only a hint); `complete` says the listing's end was reached.
   */
  async getPages<S extends z.ZodType<PageEnvelope>, T>(
    path: string,
    query: Record<string, string>,
    schema: S,
    pick: (page: z.infer<S>) => T[],
    what: string,
    enough: (items: readonly T[]) => boolean,
    signal?: AbortSignal,
  ): Promise<{ items: T[]; total: number; complete: boolean }> {
    const items: T[] = [];
    const seen = new Set<string>();
    let total = 0;
    let call: SppCall | null = { method: "GET", path, query };
    for (let pages = 0; call; pages++) {
      if (pages >= MAX_PAGES)
        throw new VendorProtocolError(`${this.config.name}: ${what}: more than ${MAX_PAGES} pages`);
      const page: z.infer<S> = await this.getJson(call, schema, what, signal);
      if (pages === 0) total = page.total ?? 0;
      items.push(...pick(page));
      const next = page.links?.nextPage?.href;
      if (!next) return { items, total, complete: true };
      if (enough(items)) return { items, total, complete: false };
      call = this.nextCall(next, what, seen);
    }
    return { items, total, complete: true };
  }

  /**
   * SPP's links name the host it thinks it has; only the path and query are followed, against the
   * configured base URL, so the session id never goes to a host the operator did not configure.
   */
  private nextCall(href: string, what: string, seen: Set<string>): SppCall {
    let url: URL;
    try {
      url = new URL(href, "http://spp.invalid");
    } catch {
      throw new VendorProtocolError(`${this.config.name}: ${what}: nextPage link is not a URL`);
    }
    const key = `${url.pathname}${url.search}`;
    if (seen.has(key))
      throw new VendorProtocolError(
        `${this.config.name}: ${what}: nextPage link repeats an earlier page`,
      );
    seen.add(key);
    return { method: "GET", path: url.pathname, query: Object.fromEntries(url.searchParams) };
  }

  errorFor(res: VendorResponse, what: string): Error {
    const description = describe(res.text);
    const where = `${this.config.name}: ${what}`;
    if (res.status === 404)
      return new VendorNotFoundError(
        `${where}: not found${description ? ` (${description.text})` : ""}`,
      );
    if (res.status === 400 || res.status === 409 || res.status === 403) {
      return new VendorRefusedError(
        `${where}: SPP refused${description ? `: ${description.text}` : ` (HTTP ${res.status})`}`,
        description?.id ?? null,
      );
    }
    return new VendorHttpError(`${where}: HTTP ${res.status}`, res.status);
  }

  /** Logs out; best effort, since the session lapses on its own after 45 idle minutes. */
  async close(): Promise<void> {
    const sessionId = this.sessionId;
    this.sessionId = null;
    if (!sessionId) return;
    try {
      await this.sendOnce({ method: "DELETE", path: SESSION_PATH, idempotent: false }, sessionId);
    } catch {
      // The server may already be gone; nothing is held on our side.
    }
  }
}

function describe(text: string): { id: string | null; text: string } | null {
  try {
    const parsed = errorReplySchema.safeParse(JSON.parse(text));
    if (parsed.success && parsed.data.description)
      return { id: parsed.data.id ?? null, text: parsed.data.description };
  } catch {
    return null;
  }
  return null;
}
