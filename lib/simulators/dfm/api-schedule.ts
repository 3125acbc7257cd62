import { optString, reqInt, type Args } from "./args";
import { DATASETS } from "./catalog";
import type { DfmContext } from "./context";
import { scheduledJobs } from "./schedule";
import { passed, type XmlNode } from "./xml";
import { ZapiError } from "./zapi-error";

export function scheduleIterStart(ctx: DfmContext, args: Args): XmlNode {
  const datasetArg = optString(args, "dataset-name-or-id");
  const from = reqInt(args, "from-time", 0, "EINVALIDINPUTERROR");
  const to = reqInt(args, "to-time", 0, "EINVALIDINPUTERROR");
  if (to < from)
    throw new ZapiError(
      "EINVALIDINPUTERROR",
      "to-time must be equal to or greater than from-time.",
    );
  let datasetId: number | undefined;
  if (datasetArg !== undefined) {
    const matches = DATASETS.filter((d) => d.name === datasetArg || String(d.id) === datasetArg);
    if (matches.length === 0)
      throw new ZapiError("EOBJECTNOTFOUND", `No dataset named ${datasetArg}.`);
    if (matches.length > 1)
      throw new ZapiError("EOBJECTAMBIGUOUS", `${datasetArg} names more than one dataset.`);
    datasetId = matches[0]?.id;
  }
  const items = scheduledJobs(from, to, ctx.schedule.edits, datasetId);
  return passed({ records: String(items.length), tag: ctx.tags.schedule.start(items) });
}

export function scheduleLastChanged(ctx: DfmContext): XmlNode {
  return passed({ "last-changed-timestamp": String(ctx.schedule.lastChangedSec) });
}
