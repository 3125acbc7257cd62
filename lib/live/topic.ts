import type { JobSummary } from "@/lib/contracts/jobs";
import type { StreamEvent, StreamTopic } from "@/lib/contracts/stream";

const searchable = (j: JobSummary) =>
  [j.name, j.dataset, j.policy, j.cluster, j.type, j.vendorId]
    .filter(Boolean)
    .join(" ")
    .toLowerCase();

/** Whether a changed job concerns a subscriber: the explorer's filters evaluated on the job as it is now. */
export function jobMatchesTopic(topic: StreamTopic, job: JobSummary): boolean {
  if (topic.job) return job.id === topic.job;
  if (topic.source?.length && !topic.source.includes(job.sourceId)) return false;
  if (topic.kind?.length && !topic.kind.includes(job.kind)) return false;
  if (topic.type?.length && !topic.type.includes(job.type)) return false;
  if (topic.q && !searchable(job).includes(topic.q.toLowerCase())) return false;
  return true;
}

/** The part of an event a subscriber should get; null when none of it concerns them. */
export function eventForTopic(topic: StreamTopic, event: StreamEvent): StreamEvent | null {
  if (event.type === "jobs") {
    const jobs = event.jobs.filter((j) => jobMatchesTopic(topic, j));
    // The event itself when all of it matches: every such subscriber then shares one encoded frame.
    if (jobs.length === event.jobs.length) return event;
    return jobs.length ? { type: "jobs", jobs } : null;
  }
  if (event.type === "source")
    return topic.job || (topic.source?.length && !topic.source.includes(event.sourceId))
      ? null
      : event;
  return event;
}
