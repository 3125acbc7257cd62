import type { z } from "zod";
import {
  VendorAuthError,
  VendorError,
  VendorHttpError,
  VendorRefusedError,
} from "@/lib/connectors/errors";
import { validateReply } from "@/lib/connectors/http/parse-reply";
import { vendorRequest } from "@/lib/connectors/http/vendor-request";
import { readRecords } from "@/lib/connectors/quarantine";
import type { QuarantinedRecord, SourceConfig } from "@/lib/connectors/types";
import { errnoMeaning, errnoName } from "./errnos";
import { iterNextSchema, iterStartSchema, type DfmOptions } from "./schemas";
import { buildRequest, parseReply, type ZapiArgs } from "./xml";

export const ZAPI_PATH = "/apis/XMLrequest";

export interface ZapiReply {
  results: Record<string, unknown>;
  /** The server's clock (its Date header), so time windows follow the vendor, not this host. */
  serverTimeSec: number;
}

export interface Listed<T> {
  value: T;
  raw: unknown;
}

export interface IteratorSpec<T> {
  /** e.g. "dp-job-list-iter": the -start, -next and -end calls are derived from it. */
  api: string;
  args: ZapiArgs;
  arrayKey: string;
  itemKey: string;
  item: z.ZodType<T>;
  /**
   * When given, a record that does not match `item` is kept here with the reason (keyed by
   * `keyOf`) and the rest of its page is read; without it, one bad record fails the listing.
   */
  quarantine?: { what: string; keyOf: (raw: unknown) => unknown; into: QuarantinedRecord[] };
}

/** One DFM server: every ZAPI call is a POST of one envelope to /apis/XMLrequest with Basic auth. */
/** Fresh passes over a listing before a retryable failure in its middle is reported. */
const LISTING_ATTEMPTS = 4;

export class DfmClient {
  private readonly auth: string;
  /** The server's clock at the last reply, for callers that only see parsed records. */
  lastServerTimeSec = Math.floor(Date.now() / 1000);

  constructor(
    private readonly source: SourceConfig,
    private readonly options: DfmOptions,
  ) {
    this.auth = `Basic ${Buffer.from(`${source.username ?? ""}:${source.secret ?? ""}`).toString("base64")}`;
  }

  async call(
    api: string,
    args: ZapiArgs,
    opts: { idempotent: boolean; signal?: AbortSignal },
  ): Promise<ZapiReply> {
    const what = `${this.source.name}: ${api}`;
    const res = await vendorRequest(this.source, {
      method: "POST",
      url: ZAPI_PATH,
      headers: { "content-type": 'text/xml; charset="UTF-8"', authorization: this.auth },
      body: buildRequest(api, args),
      idempotent: opts.idempotent,
      signal: opts.signal,
    });
    if (res.status === 401 || res.status === 403) {
      throw new VendorAuthError(
        `${this.source.name}: DFM rejected the user name or password (HTTP ${res.status})`,
      );
    }
    if (res.status !== 200)
      throw new VendorHttpError(`${what}: unexpected HTTP ${res.status}`, res.status);
    const outcome = parseReply(res.text, what);
    if (outcome.status === "failed") {
      const name = errnoName(outcome.errno, outcome.reason, this.options.errnos);
      const errno = outcome.errno === null ? "no errno" : `errno ${outcome.errno}`;
      throw new VendorRefusedError(
        `${what}: ${errnoMeaning(name)} (${errno}: ${outcome.reason || "no reason given"})`,
        name,
      );
    }
    const date = Date.parse(res.headers.date ?? "");
    this.lastServerTimeSec = Math.floor((Number.isNaN(date) ? Date.now() : date) / 1000);
    return { results: outcome.results, serverTimeSec: this.lastServerTimeSec };
  }

  /**
   * Reads a whole listing. An *-iter-next cannot be sent again (the server's cursor may already
   * have moved past the page that was lost), so a listing that meets a retryable failure is read
   * again from a fresh *-iter-start, a few times, before the failure is reported.
   */
  async iterate<T>(spec: IteratorSpec<T>, signal?: AbortSignal): Promise<Array<Listed<T>>> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.iterateOnce(spec, signal);
      } catch (err) {
        if (
          !(err instanceof VendorError && err.retryable) ||
          attempt >= LISTING_ATTEMPTS ||
          signal?.aborted
        )
          throw err;
      }
    }
  }

  /** One *-iter-start/next/end pass; always ends the iterator it started. */
  private async iterateOnce<T>(
    spec: IteratorSpec<T>,
    signal?: AbortSignal,
  ): Promise<Array<Listed<T>>> {
    const start = await this.call(`${spec.api}-start`, spec.args, { idempotent: true, signal });
    const { records, tag } = validateReply(
      start.results,
      iterStartSchema,
      `${this.source.name}: ${spec.api}-start`,
    );
    const out: Array<Listed<T>> = [];
    const bad: QuarantinedRecord[] = [];
    const nextSchema = iterNextSchema(spec.arrayKey, spec.itemKey);
    try {
      let seen = 0;
      while (seen < records) {
        const what = `${this.source.name}: ${spec.api}-next`;
        const next = await this.call(
          `${spec.api}-next`,
          { tag, maximum: String(this.options.pageSize) },
          { idempotent: false, signal },
        );
        const page = validateReply(next.results, nextSchema, what);
        const wrapper = page[spec.arrayKey];
        const items =
          typeof wrapper === "object" && wrapper !== null
            ? ((wrapper as Record<string, unknown[]>)[spec.itemKey] ?? [])
            : [];
        if (items.length === 0) break;
        if (spec.quarantine) {
          const read = readRecords(items, spec.item, spec.quarantine.what, spec.quarantine.keyOf);
          out.push(...read.good);
          bad.push(...read.bad);
        } else {
          for (const raw of items)
            out.push({ value: validateReply(raw, spec.item, `${what} ${spec.itemKey}`), raw });
        }
        seen += items.length;
      }
    } finally {
      await this.endQuietly(`${spec.api}-end`, tag, signal);
    }
    // Only a pass that completed reports its bad records, so a retried listing does not repeat them.
    spec.quarantine?.into.push(...bad);
    return out;
  }

  /** A failed -end only leaves a tag the server expires on its own; it must not mask the listing's outcome. */
  private async endQuietly(api: string, tag: string, signal?: AbortSignal): Promise<void> {
    await this.call(api, { tag }, { idempotent: true, signal }).catch(() => undefined);
  }
}
