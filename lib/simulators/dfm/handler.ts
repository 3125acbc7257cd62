import type { SimHandler, SimRequest, SimResponse } from "@/lib/simulators/engine/server";
import type { Args } from "./args";
import { eventIterStart } from "./api-events";
import { abortJob, iterEnd, iterNext, listIterStart, purgeJobs } from "./api-jobs";
import { scheduleIterStart, scheduleLastChanged } from "./api-schedule";
import type { DfmContext } from "./context";
import { buildReply, failed, parseRequest, type XmlNode } from "./xml";
import { ZapiError } from "./zapi-error";

export const ZAPI_PATH = "/apis/XMLrequest";

type Api = (ctx: DfmContext, args: Args) => XmlNode;

const APIS: Record<string, Api> = {
  "dp-job-list-iter-start": listIterStart,
  "dp-job-list-iter-next": (ctx, a) => iterNext(ctx.tags.jobs, "jobs", "dp-job-info", a),
  "dp-job-list-iter-end": (ctx, a) => iterEnd(ctx.tags.jobs, a),
  "dp-job-progress-event-list-iter-start": eventIterStart,
  "dp-job-progress-event-list-iter-next": (ctx, a) =>
    iterNext(ctx.tags.events, "progress-events", "dp-job-progress-event-info", a),
  "dp-job-progress-event-list-iter-end": (ctx, a) => iterEnd(ctx.tags.events, a),
  "dp-job-abort": abortJob,
  "dp-job-purge": purgeJobs,
  "dp-job-schedule-list-iter-start": scheduleIterStart,
  "dp-job-schedule-list-iter-next": (ctx, a) =>
    iterNext(ctx.tags.schedule, "scheduled-jobs", "dp-scheduled-job", a),
  "dp-job-schedule-list-iter-end": (ctx, a) => iterEnd(ctx.tags.schedule, a),
  "dp-job-schedule-get-last-changed": (ctx) => scheduleLastChanged(ctx),
};

/** The DFM server's one endpoint: Basic auth, then one ZAPI call per POST. */
export function createHandler(ctx: DfmContext, password: string): SimHandler {
  const expected = `Basic ${Buffer.from(`${ctx.user}:${password}`).toString("base64")}`;
  return (req: SimRequest): SimResponse => {
    const date = new Date(ctx.estate.now()).toUTCString();
    if (req.path !== ZAPI_PATH) return html(404, "Not Found", date);
    if (req.method !== "POST") return html(405, "Method Not Allowed", date);
    if (req.headers.authorization !== expected) {
      return {
        ...html(401, "Unauthorized", date),
        headers: {
          "content-type": "text/html",
          date,
          "www-authenticate": 'Basic realm="DataFabric Manager"',
        },
      };
    }
    ctx.estate.advance();
    const errnos = ctx.estate.scenario.errnos;
    const withName = ctx.estate.scenario.reasonWithName;
    const fail = (name: string, detail: string) =>
      failed(errnos[name] ?? errnos.EAPIERROR ?? 13001, withName ? `${name}: ${detail}` : detail);
    const parsed = parseRequest(req.body);
    let results: XmlNode;
    if (!parsed.ok) results = fail("EAPIERROR", parsed.reason);
    else {
      const api = APIS[parsed.api];
      if (!api) results = fail("EAPINOTFOUND", `Unable to find API: ${parsed.api}`);
      else {
        try {
          results = api(ctx, parsed.args);
        } catch (err) {
          if (!(err instanceof ZapiError)) throw err;
          results = fail(err.errnoName, err.detail);
        }
      }
    }
    return {
      status: 200,
      headers: { "content-type": 'text/xml; charset="UTF-8"', date },
      body: buildReply(results),
    };
  };
}

function html(status: number, title: string, date: string): SimResponse {
  return {
    status,
    headers: { "content-type": "text/html", date },
    body: `<html><head><title>${status} ${title}</title></head><body><h1>${title}</h1></body></html>`,
  };
}
