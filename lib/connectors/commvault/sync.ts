import { createHash } from "node:crypto";
import { z } from "zod";
import type { SyncBatch, SyncCursor } from "@/lib/connectors/types";
import { isTerminal } from "@/lib/domain/job-state";
import type { JobRecord } from "@/lib/domain/model";
import type { CommvaultClient } from "./client";
import { mapCommvaultJob } from "./map";
import type { CvPair } from "./schemas";

/** Summaries fetched at once; the CommServe's web server is shared with its console users. */
const SUMMARY_CONCURRENCY = 6;

/** Finished jobs already reported, by a digest of their phases: they are not fetched again. */
const cursorSchema = z.object({ settled: z.record(z.string(), z.string()) });

export function groupByJob(pairs: CvPair[]): Map<string, CvPair[]> {
  const jobs = new Map<string, CvPair[]>();
  for (const pair of pairs) {
    const id = String(pair.jobId);
    const list = jobs.get(id);
    if (list) list.push(pair);
    else jobs.set(id, [pair]);
  }
  return jobs;
}

function digest(pairs: CvPair[]): string {
  const text = JSON.stringify(pairs.map((p) => [p.replicationId, p.client?.clientId, (p.phase ?? []).map((x) => [x.phase, x.status, x.startTime?.time, x.endTime?.time])]));
  return createHash("sha1").update(text).digest("hex");
}

/**
 * JobStats without filters lists every DR job the CommServe keeps, so each poll sees the whole
 * inventory; the parent summaries are fetched only for jobs not yet seen finished, unchanged.
 */
export async function listCommvaultChanges(
  client: CommvaultClient,
  cursor: SyncCursor | null,
  signal?: AbortSignal,
): Promise<SyncBatch> {
  const byJob = groupByJob(await client.jobStats({}, signal));
  const previous = cursorSchema.safeParse(cursor).data?.settled ?? {};
  const settled: Record<string, string> = {};
  const pending: Array<[string, CvPair[], string]> = [];
  for (const [id, pairs] of byJob) {
    const fingerprint = digest(pairs);
    if (previous[id] === fingerprint) settled[id] = fingerprint;
    else pending.push([id, pairs, fingerprint]);
  }
  const jobs: JobRecord[] = [];
  for (let i = 0; i < pending.length; i += SUMMARY_CONCURRENCY) {
    const batch = pending.slice(i, i + SUMMARY_CONCURRENCY);
    const mapped = await Promise.all(
      batch.map(async ([id, pairs, fingerprint]) => {
        const job = mapCommvaultJob(id, pairs, await client.jobSummary(id, signal));
        if (isTerminal(job.state)) settled[id] = fingerprint;
        return job;
      }),
    );
    jobs.push(...mapped);
  }
  return { jobs, cursor: { settled }, presentIds: [...byJob.keys()] };
}
