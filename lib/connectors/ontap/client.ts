import { VendorProtocolError } from "@/lib/connectors/errors";
import { parseJsonReply } from "@/lib/connectors/http/parse-reply";
import { vendorRequest, type VendorResponse } from "@/lib/connectors/http/vendor-request";
import { field, readRecords } from "@/lib/connectors/quarantine";
import type { QuarantinedRecord, SourceConfig } from "@/lib/connectors/types";
import { ontapFailure } from "./errors";
import {
  ontapCountSchema,
  ontapErrorSchema,
  ontapJobSchema,
  ontapPageSchema,
  type OntapJob,
  type OntapPage,
} from "./schemas";

export const JOBS_PATH = "api/cluster/jobs";
/** A runaway `next` chain (a vendor bug) must end the poll, not hang it. */
const MAX_PAGES = 100_000;

export type OntapAction = "pause" | "resume" | "cancel";

export interface ListedJobs {
  good: OntapJob[];
  bad: QuarantinedRecord[];
}

/** HTTP to one ONTAP cluster: Basic auth, the source's TLS and timeout, retries via vendorRequest. */
export class OntapClient {
  private readonly authorization: string;

  constructor(private readonly config: SourceConfig) {
    const credentials = `${config.username ?? ""}:${config.secret ?? ""}`;
    this.authorization = `Basic ${Buffer.from(credentials).toString("base64")}`;
  }

  /** Every record the query matches, following `next` until ONTAP stops sending one. */
  async listAll(query: URLSearchParams, signal?: AbortSignal): Promise<ListedJobs> {
    return this.listPages(`${JOBS_PATH}?${query.toString()}`, MAX_PAGES, signal).then((out) => {
      if (out.next !== null)
        throw new VendorProtocolError(
          `${this.config.name}: ONTAP kept sending next links past ${MAX_PAGES} pages`,
        );
      return out;
    });
  }

  /** Up to `maxPages` pages from `url` (a query or a `next` link), and where the listing goes on. */
  async listPages(
    url: string,
    maxPages: number,
    signal?: AbortSignal,
  ): Promise<ListedJobs & { next: string | null }> {
    const out: ListedJobs & { next: string | null } = { good: [], bad: [], next: null };
    const seen = new Set<string>();
    let at: string | null = url;
    while (at !== null) {
      if (seen.size >= maxPages) {
        out.next = at;
        break;
      }
      seen.add(at);
      const page: OntapPage = parseJsonReply(
        (await this.get(at, false, signal)).text,
        ontapPageSchema,
        `${this.config.name}: job list`,
      );
      const read = readRecords(page.records, ontapJobSchema, "ONTAP job", field("uuid"));
      out.good.push(...read.good.map((g) => g.value));
      out.bad.push(...read.bad);
      const next: string | null = page._links?.next?.href ?? null;
      at = next === null ? null : this.followable(next, seen);
    }
    return out;
  }

  async count(signal?: AbortSignal): Promise<number> {
    const res = await this.get(`${JOBS_PATH}?return_records=false`, false, signal);
    return parseJsonReply(res.text, ontapCountSchema, `${this.config.name}: job count`).num_records;
  }

  /** The job, or null when ONTAP no longer has it (deleted 300 s after finishing). */
  async getJob(uuid: string, signal?: AbortSignal): Promise<OntapJob | null> {
    const res = await this.get(
      `${JOBS_PATH}/${encodeURIComponent(uuid)}?fields=*`,
      true,
      signal,
      true,
    );
    if (res.status === 404) return null;
    return parseJsonReply(res.text, ontapJobSchema, `${this.config.name}: job ${uuid}`);
  }

  /** PATCH ?action=…: not retried, since a repeated cancel or pause is not the same request twice. */
  async act(uuid: string, action: OntapAction, signal?: AbortSignal): Promise<VendorResponse> {
    const res = await vendorRequest(this.config, {
      method: "PATCH",
      url: `${JOBS_PATH}/${encodeURIComponent(uuid)}?action=${action}`,
      headers: this.headers(),
      idempotent: false,
      signal,
    });
    if (res.status < 200 || res.status >= 300) throw this.failure(res, true);
    return res;
  }

  private async get(
    url: string,
    aboutJob: boolean,
    signal?: AbortSignal,
    allowNotFound = false,
  ): Promise<VendorResponse> {
    const res = await vendorRequest(this.config, {
      method: "GET",
      url,
      headers: this.headers(),
      idempotent: true,
      signal,
    });
    if (res.status === 200) return res;
    if (allowNotFound && res.status === 404) return res;
    throw this.failure(res, aboutJob);
  }

  private failure(res: VendorResponse, aboutJob: boolean) {
    const parsed = ontapErrorSchema.safeParse(safeJson(res.text));
    return ontapFailure(
      this.config.name,
      res.status,
      parsed.success ? parsed.data.error : null,
      aboutJob,
    );
  }

  /** Only relative links into the jobs collection: an absolute link would carry our credentials elsewhere. */
  private followable(href: string, seen: Set<string>): string {
    const relative = href.replace(/^\//, "");
    if (!relative.startsWith(`${JOBS_PATH}?`)) {
      throw new VendorProtocolError(
        `${this.config.name}: job list next link points outside /api/cluster/jobs`,
      );
    }
    if (seen.has(relative))
      throw new VendorProtocolError(`${this.config.name}: job list next link repeats a page`);
    return relative;
  }

  private headers(): Record<string, string> {
    return { authorization: this.authorization, accept: "application/json" };
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
