import type { SimResponse } from "@/lib/simulators/engine/server";
import { endAt, pairPhasesAt, percentAt, statusAt, type SimJob, type SimPair } from "./job";
import { JOB_TYPE_LABEL, type Scenario } from "./options";
import { PHASE_NAMES, failureReason } from "./sequences";

export type Format = "json" | "xml";

/** A reply body as Commvault's serializer shapes it: nested objects, arrays for repeated elements. */
export type Node = { [key: string]: string | number | boolean | Node | Node[] };

const seconds = (ms: number) => Math.floor(ms / 1000);
const time = (ms: number): Node => ({ _type_: 55, time: seconds(ms) });

/** The doc's Accept header: application/xml selects XML; anything else gets JSON. */
export function formatOf(accept: string | string[] | undefined): Format {
  const value = Array.isArray(accept) ? accept.join(",") : (accept ?? "");
  return /application\/xml|text\/xml/i.test(value) ? "xml" : "json";
}

export function reply(format: Format, root: string, body: Node, status = 200): SimResponse {
  if (format === "json") {
    return {
      status,
      headers: { "content-type": "application/json;charset=utf-8" },
      body: JSON.stringify(body),
    };
  }
  return {
    status,
    headers: { "content-type": "application/xml;charset=utf-8" },
    body: toXml(root, body),
  };
}

/** Scalars become attributes and objects child elements, as in the doc's XML sample. */
function toXml(name: string, node: Node): string {
  const attrs: string[] = [];
  const children: string[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (Array.isArray(value)) for (const item of value) children.push(toXml(key, item));
    else if (typeof value === "object") children.push(toXml(key, value));
    else attrs.push(` ${key}="${escapeXml(String(value))}"`);
  }
  const open = `<${name}${attrs.join("")}`;
  return children.length ? `${open}>${children.join("")}</${name}>` : `${open} />`;
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

function pairNode(job: SimJob, pair: SimPair, now: number, scenario: Scenario): Node {
  const phases = pairPhasesAt(job, pair, now).map((p): Node => {
    const node: Node = {
      phase: p.code,
      status: p.end === null ? scenario.runningPhaseStatus : p.failed ? 1 : 0,
      startTime: time(p.start),
    };
    if (p.end !== null) node.endTime = time(p.end);
    else if (scenario.runningEndTime === "zero") node.endTime = { _type_: 55, time: 0 };
    return node;
  });
  const node: Node = { jobId: job.jobId, replicationId: pair.replicationId };
  if (phases.length) node.phase = phases;
  node.client = { clientId: pair.clientId, clientName: pair.clientName };
  node.vapp = { vAppId: job.group.id };
  return node;
}

/** One `job` element per replication pair, as DRGroups/JobStats answers. */
export function jobStatsBody(
  entries: Array<{ job: SimJob; pair: SimPair }>,
  now: number,
  scenario: Scenario,
): Node {
  if (entries.length === 0) return {};
  return { job: entries.map(({ job, pair }) => pairNode(job, pair, now, scenario)) };
}

function currentPhaseName(job: SimJob, now: number): string {
  for (const pair of job.pairs) {
    const last = pairPhasesAt(job, pair, now).at(-1);
    if (last && last.end === null) return PHASE_NAMES[last.code] ?? `Phase ${last.code}`;
  }
  return "";
}

function pendingReason(job: SimJob, now: number, status: string): string {
  if (status === "Killed") return `Job was killed by user [${job.killedBy ?? "admin"}].`;
  if (status === "Failed" && job.failReason) return job.failReason;
  if (status === "Waiting")
    return "The job is waiting for the DR group's previous operation to finish.";
  for (const pair of job.pairs) {
    const failed = pairPhasesAt(job, pair, now).find((p) => p.failed);
    if (failed) return failureReason(failed.code, pair.clientName);
  }
  return "";
}

/** GET Job/{id}: the parent job's summary, as the Job Manager reports it. */
export function jobSummaryBody(job: SimJob | undefined, now: number): Node {
  if (!job) return { totalRecordsWithoutPaging: 0 };
  const status = statusAt(job, now);
  const end = endAt(job, now);
  const summary: Node = {
    jobId: job.jobId,
    status,
    jobType: JOB_TYPE_LABEL[job.type],
    appTypeName: "Virtual Server",
    subclientName: job.group.name,
    percentComplete: percentAt(job, now),
    currentPhaseName: currentPhaseName(job, now),
    pendingReason: pendingReason(job, now, status),
    jobStartTime: status === "Waiting" ? 0 : seconds(job.startAt),
    jobEndTime: end === null ? 0 : seconds(end),
    lastUpdateTime: seconds(end ?? now),
    userName: { userName: job.user },
  };
  return { totalRecordsWithoutPaging: 1, jobs: [{ jobSummary: summary }] };
}
