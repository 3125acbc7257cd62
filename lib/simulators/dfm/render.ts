import type { SimEvent } from "./events";
import type { SimJob } from "./job";
import type { JobAt } from "./timeline";
import type { XmlNode } from "./xml";

const sec = (ms: number) => String(Math.floor(ms / 1000));

/** dp-job-info, fields in the document's order, optional ones only when they apply. */
export function renderJob(job: SimJob, at: JobAt, queuedState: "queued" | "omit"): XmlNode {
  const node: XmlNode = {};
  const set = (key: string, value: string | null | undefined) => {
    if (value !== null && value !== undefined) node[key] = value;
  };
  set("abort-requested-timestamp", at.abortRequestedMs === null ? null : sec(at.abortRequestedMs));
  set("bytes-transferred", at.bytes.toString());
  set("completed-timestamp", at.completedMs === null ? null : sec(at.completedMs));
  set("dataset-id", String(job.dataset.id));
  set("dataset-name", job.dataset.name);
  set("destination-node-id", job.destinationNode ? String(job.destinationNode.id) : null);
  set("destination-node-name", job.destinationNode?.name);
  set("job-description", job.description);
  set("job-id", String(job.id));
  set("job-progress", at.progress);
  set("job-state", at.state === "queued" && queuedState === "omit" ? null : at.state);
  set("job-type", job.type);
  set("policy-id", job.fromPolicy ? String(job.dataset.policyId) : null);
  set("policy-name", job.fromPolicy ? job.dataset.policyName : null);
  set("source-node-id", String(job.sourceNode.id));
  set("source-node-name", job.sourceNode.name);
  set("started-timestamp", at.startedMs === null ? null : sec(at.startedMs));
  set("submitted-by", job.submittedBy);
  return node;
}

export function renderEvent(e: SimEvent): XmlNode {
  const node: XmlNode = {};
  if (e.detailName && e.detail) node[e.detailName] = { ...e.detail };
  if (e.error) node["error-message"] = e.error;
  node["event-id"] = String(e.id);
  node["event-message"] = e.message;
  node["event-status"] = e.status;
  node["event-timestamp"] = sec(e.atMs);
  node["event-type"] = e.type;
  node["job-id"] = String(e.jobId);
  return node;
}
