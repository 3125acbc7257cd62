import type { z } from "zod";
import { VendorHttpError, VendorNotFoundError, VendorRefusedError } from "@/lib/connectors/errors";
import { field, readRecords, type ReadRecords } from "@/lib/connectors/quarantine";
import { parseJsonReply, validateReply } from "@/lib/connectors/http/parse-reply";
import type { SourceConfig } from "@/lib/connectors/types";
import type { CommvaultOptions } from "./options";
import {
  errorMessageOf,
  genericSchema,
  jobListSchema,
  jobStatsSchema,
  pairSchema,
  type CvJobSummary,
  type CvPair,
} from "./schemas";
import { commvaultHttpError, CommvaultSession } from "./session";
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

/** The Commvault calls Jobdeck makes (JobStats, a job's summary, job actions), over one session. */
export class CommvaultClient {
  private readonly session: CommvaultSession;
  private jobStatsPath: (typeof JOB_STATS_PATHS)[number] | null = null;

  constructor(
    private readonly source: SourceConfig,
    private readonly options: CommvaultOptions,
  ) {
    this.session = new CommvaultSession(source, options);
  }

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
  logout(): Promise<void> {
    return this.session.logout();
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
    const res = await this.session.send(method, path, what, idempotent, signal);
    if (res.status !== 200) throw commvaultHttpError(res, what);
    if (this.options.format === "xml")
      return validateReply(xmlToObject(res.text, xmlRoot, what), schema, what);
    return parseJsonReply(res.text, schema, what);
  }
}

const codeOf = (code: number | null) => (code === null ? null : String(code));
