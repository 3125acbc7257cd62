import { optBool, optInt, optString, type Args } from "./args";
import { findDataset } from "./catalog";
import type { DfmContext } from "./context";
import { eventsAt, type SimEvent } from "./events";
import { renderEvent } from "./render";
import { isBroken } from "./scenario";
import { passed, type XmlNode } from "./xml";
import { ZapiError } from "./zapi-error";

const TS_MAX = 2 ** 31 - 1;

export function eventIterStart(ctx: DfmContext, args: Args): XmlNode {
  const datasetArg = optString(args, "dataset-name-or-id");
  const jobId = optInt(args, "job-id", 1);
  const startSec = optInt(args, "start-time", 0, TS_MAX);
  const endSec = optInt(args, "end-time", 0, TS_MAX);
  const history = optBool(args, "history") ?? false;
  if (datasetArg !== undefined && jobId !== undefined) {
    throw new ZapiError(
      "EINVALIDINPUT",
      "Only dataset-name-or-id or job-id may be supplied, but not both.",
    );
  }
  const dataset = datasetArg === undefined ? null : findDataset(datasetArg);
  if (datasetArg !== undefined && dataset === null)
    throw new ZapiError("EINVALIDINPUT", `No dataset named ${datasetArg}.`);
  if (jobId !== undefined && !ctx.estate.get(jobId))
    throw new ZapiError("EJOBDOESNOTEXIST", `Job ${jobId} does not exist.`);
  const now = ctx.estate.now();
  const jobs = ctx.estate
    .list()
    .filter(
      (j) =>
        (jobId === undefined || j.id === jobId) &&
        (dataset === null || j.dataset.id === dataset.id),
    )
    .sort((a, b) => a.id - b.id);
  const selected: SimEvent[] = [];
  for (const job of jobs) {
    const events = eventsAt(job, now).filter((e) => {
      const s = Math.floor(e.atMs / 1000);
      return (startSec === undefined || s >= startSec) && (endSec === undefined || s <= endSec);
    });
    const current = events.at(-1);
    if (history) selected.push(...events);
    else if (current) selected.push(current);
  }
  selected.sort((a, b) => a.atMs - b.atMs || a.id - b.id);
  return passed({
    records: String(selected.length),
    tag: ctx.tags.events.start(selected.map((e) => renderBroken(ctx, e))),
  });
}

/** An event as rendered, with an empty event-timestamp where the scenario breaks it. */
function renderBroken(ctx: DfmContext, e: SimEvent): XmlNode {
  const node = renderEvent(e);
  if (isBroken(ctx.estate.scenario.brokenEventEvery, e.id)) node["event-timestamp"] = "";
  return node;
}
