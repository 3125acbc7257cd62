import { reqInt, reqString, optBool, optInt, optString, type Args } from "./args";
import { datasetsFor } from "./catalog";
import type { DfmContext } from "./context";
import type { TagStore } from "./iterators";
import { renderJob } from "./render";
import { isBroken, JOB_TYPES } from "./scenario";
import { jobAt } from "./timeline";
import { passed, type XmlNode } from "./xml";
import { ZapiError } from "./zapi-error";

const STATES = ["queued", "running", "completed", "aborting", "aborted"];
const TS_MAX = 2 ** 31 - 1;

export function listIterStart(ctx: DfmContext, args: Args): XmlNode {
  const jobId = optInt(args, "job-id", 1);
  const state = optString(args, "job-state");
  const type = optString(args, "job-type");
  const maxJobs = optInt(args, "max-jobs", 0) ?? 50_000;
  const object = optString(args, "object-name-or-id");
  const from = optInt(args, "started-timestamp-from", 0, TS_MAX);
  const to = optInt(args, "started-timestamp-to", 0, TS_MAX);
  if (state !== undefined && !STATES.includes(state))
    throw new ZapiError("EINVALIDINPUT", `Invalid job-state: ${state}`);
  if (type !== undefined && !(JOB_TYPES as readonly string[]).includes(type))
    throw new ZapiError("EINVALIDINPUT", `Invalid job-type: ${type}`);
  const datasets = object === undefined ? null : datasetsFor(object);
  if (object !== undefined && datasets === null)
    throw new ZapiError("EINVALIDINPUT", `No dataset or group named ${object}.`);
  const now = ctx.estate.now();
  const items: XmlNode[] = [];
  for (const job of ctx.estate.list().sort((a, b) => a.id - b.id)) {
    if (maxJobs > 0 && items.length >= maxJobs) break;
    const at = jobAt(job, now);
    const startedSec = at.startedMs === null ? null : Math.floor(at.startedMs / 1000);
    if (jobId !== undefined && job.id !== jobId) continue;
    if (state !== undefined && at.state !== state) continue;
    if (type !== undefined && job.type !== type) continue;
    if (datasets !== null && !datasets.some((d) => d.id === job.dataset.id)) continue;
    if (from !== undefined && (startedSec === null || startedSec < from)) continue;
    if (to !== undefined && (startedSec === null || startedSec > to)) continue;
    const node = renderJob(job, at, ctx.estate.scenario.queuedJobState);
    if (isBroken(ctx.estate.scenario.brokenJobEvery, job.id)) delete node["job-type"];
    items.push(node);
  }
  return passed({ records: String(items.length), tag: ctx.tags.jobs.start(items) });
}

export function iterNext(
  store: TagStore,
  arrayName: string,
  itemName: string,
  args: Args,
): XmlNode {
  const maximum = reqInt(args, "maximum", 0);
  const batch = store.next(reqString(args, "tag"), maximum);
  return batch.length === 0
    ? passed({ records: "0" })
    : passed({ records: String(batch.length), [arrayName]: { [itemName]: batch } });
}

export function iterEnd(store: TagStore, args: Args): XmlNode {
  store.end(reqString(args, "tag"));
  return passed();
}

export function abortJob(ctx: DfmContext, args: Args): XmlNode {
  ctx.estate.abort(reqInt(args, "job-id", 1), ctx.user);
  return passed();
}

export function purgeJobs(ctx: DfmContext, args: Args): XmlNode {
  const jobId = optInt(args, "job-id", 1);
  const before = optInt(args, "completed-timestamp", 0, TS_MAX);
  const withErrors = optBool(args, "purge-jobs-completed-with-error") ?? false;
  if (jobId !== undefined) ctx.estate.purgeJob(jobId, withErrors);
  else if (before !== undefined) ctx.estate.purgeCompletedBefore(before * 1000, withErrors);
  else
    throw new ZapiError("EINVALIDINPUT", "Either job-id or completed-timestamp must be specified.");
  return passed();
}
