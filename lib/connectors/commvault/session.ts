import { VendorAuthError, VendorHttpError, VendorProtocolError } from "@/lib/connectors/errors";
import { parseJsonReply } from "@/lib/connectors/http/parse-reply";
import { vendorRequest, type VendorResponse } from "@/lib/connectors/http/vendor-request";
import type { SourceConfig } from "@/lib/connectors/types";
import type { CommvaultOptions } from "./options";
import { errorFieldsSchema, errorMessageOf, loginSchema } from "./schemas";

/** An errList that says the session is gone, whatever the HTTP status carrying it. */
const SESSION_GONE = /session|token|log ?in again|relogin|access denied/i;

/**
 * One Commvault web-service session: logs in on first use and once more when a token has expired
 * (401), never in a loop. The token lives only in this object; it is never logged or returned.
 */
export class CommvaultSession {
  private token: string | null = null;
  private pendingLogin: Promise<string> | null = null;

  constructor(
    private readonly source: SourceConfig,
    private readonly options: CommvaultOptions,
  ) {}

  /** Sends a request with the session's token, logging in first or once more as needed. */
  async send(
    method: "GET" | "POST",
    path: string,
    what: string,
    idempotent: boolean,
    signal?: AbortSignal,
  ): Promise<VendorResponse> {
    const accept = this.options.format === "xml" ? "application/xml" : "application/json";
    const send = (token: string) =>
      vendorRequest(this.source, {
        method,
        url: this.path(path),
        headers: { Accept: accept, Authtoken: token },
        idempotent,
        signal,
      });
    const token = await this.currentToken(signal);
    const res = await send(token);
    if (res.status !== 401 && !this.sessionGone(res)) return res;
    // An expired token comes back as 401, or as HTTP 200 with an errList asking for a new login;
    // either way log in once more and repeat the call once (cvpysdk renews the token the same way).
    if (this.token === token) this.token = null;
    const retried = await send(await this.currentToken(signal));
    if (retried.status === 401 || this.sessionGone(retried))
      throw new VendorAuthError(`${what}: Commvault rejected a fresh login token`);
    return retried;
  }

  private sessionGone(res: VendorResponse): boolean {
    if (res.status !== 200 || this.options.format === "xml") return false;
    try {
      const parsed = errorFieldsSchema.safeParse(JSON.parse(res.text));
      const error = parsed.success ? errorMessageOf(parsed.data) : null;
      return (
        error !== null &&
        (parsed.data?.errList?.length ?? 0) > 0 &&
        SESSION_GONE.test(error.message)
      );
    } catch {
      return false;
    }
  }

  /** Concurrent calls that all meet an expired token share one login. */
  private currentToken(signal?: AbortSignal): Promise<string> {
    if (this.token) return Promise.resolve(this.token);
    this.pendingLogin ??= this.login(signal).finally(() => {
      this.pendingLogin = null;
    });
    return this.pendingLogin;
  }

  private async login(signal?: AbortSignal): Promise<string> {
    const { username, secret, name } = this.source;
    if (!username || !secret)
      throw new VendorAuthError(`${name}: a Commvault source needs a user name and password`);
    const res = await vendorRequest(this.source, {
      method: "POST",
      url: this.path("Login"),
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ username, password: Buffer.from(secret, "utf8").toString("base64") }),
      signal,
    });
    const what = `${name}: login`;
    if (res.status === 401 || res.status === 403) {
      throw new VendorAuthError(`${what} refused: ${bodyMessage(res) ?? `HTTP ${res.status}`}`);
    }
    if (res.status !== 200) throw commvaultHttpError(res, what);
    const reply = parseJsonReply(res.text, loginSchema, what);
    if (reply.token?.startsWith("QSDK ")) {
      this.token = reply.token;
      return reply.token;
    }
    const error = errorMessageOf(reply);
    if (error) throw new VendorAuthError(`${what} refused: ${error.message}`);
    throw new VendorProtocolError(`${what}: reply has neither a QSDK token nor an error`);
  }

  private path(relative: string): string {
    return `${this.options.webServiceRoot}${relative}`;
  }

  /** Ends the session; best effort, a token that already expired is gone anyway. */
  async logout(): Promise<void> {
    const token = this.token;
    this.token = null;
    if (!token) return;
    await vendorRequest(this.source, {
      method: "POST",
      url: this.path("Logout"),
      headers: { Authtoken: token },
      idempotent: false,
    }).catch(() => undefined);
  }
}

/** A non-200 reply as an HTTP error, with Commvault's own message when the body has one. */
export function commvaultHttpError(res: VendorResponse, what: string): VendorHttpError {
  const detail = bodyMessage(res);
  return new VendorHttpError(
    `${what}: HTTP ${res.status}${detail ? `: ${detail}` : ""}`,
    res.status,
  );
}

function bodyMessage(res: VendorResponse): string | null {
  try {
    const parsed = errorFieldsSchema.safeParse(JSON.parse(res.text));
    return parsed.success ? (errorMessageOf(parsed.data)?.message ?? null) : null;
  } catch {
    return null;
  }
}
