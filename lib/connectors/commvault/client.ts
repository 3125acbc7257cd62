import type { z } from "zod";
import {
  VendorAuthError,
  VendorHttpError,
  VendorNotFoundError,
  VendorProtocolError,
  VendorRefusedError,
} from "@/lib/connectors/errors";
import { field, readRecords, type ReadRecords } from "@/lib/connectors/quarantine";
import { parseJsonReply, validateReply } from "@/lib/connectors/http/parse-reply";
import { vendorRequest, type VendorResponse } from "@/lib/connectors/http/vendor-request";
import type { SourceConfig } from "@/lib/connectors/types";
import type { CommvaultOptions } from "./options";
import {
  errorFieldsSchema,
  errorMessageOf,
  genericSchema,
  jobListSchema,
  jobStatsSchema,
  loginSchema,
  pairSchema,
  type CvJobSummary,
  type CvPair,
} from "./schemas";
import { xmlToObject } from "./xml";

export interface StatsFilter {
  jobId?: string;
  drGroupId?: string;
  replicationId?: string;
  clientId?: string;
}

export type JobVerb = "pause" | "resume" | "kill";

/**
 * JobStats lives at `DR/JobStats` on current CommServes (cvpysdk's DRORCHESTRATION_JOB_STATS) and
 * at `DRGroups/JobStats` on older ones (DR_JOB_STATS); the first that answers is remembered.
 */
const JOB_STATS_PATHS = ["DR/JobStats", "DRGroups/JobStats"] as const;

/** An errList that says the session is gone, whatever the HTTP status carrying it. */
const SESSION_GONE = /session|token|log ?in again|relogin|access denied/i;

/**
 * One Commvault web-service session: logs in on first use and once more when a token has expired
 * (401), never in a loop. The token lives only in this object; it is never logged or returned.
 */
export class CommvaultClient {
  private token: string | null = null;
  private pendingLogin: Promise<string> | null = null;
  private jobStatsPath: (typeof JOB_STATS_PATHS)[number] | null = null;

  constructor(
    private readonly source: SourceConfig,
    private readonly options: CommvaultOptions,
  ) {}

  /** JobStats pairs, validated one by one: unreadable pairs come back in `bad`. */
  async jobStats(filter: StatsFilter, signal?: AbortSignal): Promise<ReadRecords<CvPair>> {
    const entries = Object.entries(filter).filter((e): e is [string, string] => e[1] !== undefined);
    const reply = await this.negotiated(async (base) => {
      const query = new URLSearchParams(entries);
      return this.getDocument(
        "GET",
        `${base}${query.size ? `?${query}` : ""}`,
        "Api_VirtualAppJobDetailsResp",
        jobStatsSchema,
        signal,
      );
    });
    const error = errorMessageOf(reply);
    if (error)
      throw new VendorRefusedError(
        `${this.source.name}: JobStats refused: ${error.message}`,
        codeOf(error.code),
      );
    return readRecords(reply.job ?? [], pairSchema, "JobStats pair", field("jobId"));
  }

  private async negotiated<T>(call: (path: string) => Promise<T>): Promise<T> {
    if (this.jobStatsPath) return call(this.jobStatsPath);
    for (const path of JOB_STATS_PATHS) {
      try {
        const out = await call(path);
        this.jobStatsPath = path;
        return out;
      } catch (err) {
        if (!(err instanceof VendorHttpError && err.status === 404)) throw err;
      }
    }
    throw new VendorNotFoundError(
      `${this.source.name}: the CommServe serves neither DR/JobStats nor DRGroups/JobStats`,
    );
  }

  /** The parent job's summary; null when the Job Manager no longer knows the job. */
  async jobSummary(jobId: string, signal?: AbortSignal): Promise<CvJobSummary | null> {
    const reply = await this.getDocument(
      "GET",
      `Job/${jobId}`,
      "JobManager_JobListResponse",
      jobListSchema,
      signal,
    );
    return reply.jobs?.find((j) => String(j.jobSummary.jobId) === jobId)?.jobSummary ?? null;
  }

  /** Commvault answers 200 either way: errorCode 0 is done, anything else is its refusal. */
  async jobAction(jobId: string, verb: JobVerb, signal?: AbortSignal): Promise<string> {
    const reply = await this.getDocument(
      "POST",
      `Job/${jobId}/action/${verb}`,
      "GenericResp",
      genericSchema,
      signal,
      false,
    );
    const error = errorMessageOf(reply);
    if (error)
      throw new VendorRefusedError(
        `Commvault refused to ${verb} job ${jobId}: ${error.message}`,
        codeOf(error.code),
      );
    return `Commvault accepted ${verb} of job ${jobId} (errorCode 0)`;
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

  private async getDocument<S extends z.ZodType>(
    method: "GET" | "POST",
    path: string,
    xmlRoot: string,
    schema: S,
    signal?: AbortSignal,
    idempotent = true,
  ): Promise<z.infer<S>> {
    const what = `${this.source.name}: ${method} ${path.split("?")[0]}`;
    const res = await this.authorized(method, path, what, idempotent, signal);
    if (res.status !== 200) throw this.httpError(res, what);
    if (this.options.format === "xml")
      return validateReply(xmlToObject(res.text, xmlRoot, what), schema, what);
    return parseJsonReply(res.text, schema, what);
  }

  private async authorized(
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
      throw new VendorAuthError(
        `${what} refused: ${this.bodyMessage(res) ?? `HTTP ${res.status}`}`,
      );
    }
    if (res.status !== 200) throw this.httpError(res, what);
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

  private httpError(res: VendorResponse, what: string): VendorHttpError {
    const detail = this.bodyMessage(res);
    return new VendorHttpError(
      `${what}: HTTP ${res.status}${detail ? `: ${detail}` : ""}`,
      res.status,
    );
  }

  private bodyMessage(res: VendorResponse): string | null {
    try {
      const parsed = errorFieldsSchema.safeParse(JSON.parse(res.text));
      return parsed.success ? (errorMessageOf(parsed.data)?.message ?? null) : null;
    } catch {
      return null;
    }
  }
}

const codeOf = (code: number | null) => (code === null ? null : String(code));
