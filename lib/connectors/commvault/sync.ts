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
  const text = JSON.stringify(
    pairs.map((p) => [
      p.replicationId,
      p.client?.clientId,
      (p.phase ?? []).map((x) => [x.phase, x.status, x.startTime?.time, x.endTime?.time]),
    ]),
  );
  return createHash("sha1").update(text).digest("hex");
}

/** Job summaries fetched per step; the rest follow in the next steps, newest first. */
const STEP_SUMMARIES = 100;

/**
 * JobStats without filters lists every DR job the CommServe keeps, so each step sees the whole
 * inventory; the parent summaries are fetched, newest job first and a bounded number per step, only
 * for jobs not yet seen finished with unchanged phases. A job with an unreadable pair is
 * quarantined as a whole, since its other pairs alone would show a wrong state.
 */
export async function listCommvaultChanges(
  client: CommvaultClient,
  cursor: SyncCursor | null,
  signal?: AbortSignal,
): Promise<SyncBatch> {
  const stats = await client.jobStats({}, signal);
  const broken = new Set(stats.bad.map((b) => b.key));
  const byJob = groupByJob(
    stats.good.map((g) => g.value).filter((p) => !broken.has(String(p.jobId))),
  );
  const previous = cursorSchema.safeParse(cursor).data?.settled ?? {};
  const settled: Record<string, string> = {};
  const pending: Array<[string, CvPair[], string]> = [];
  for (const [id, pairs] of byJob) {
    const fingerprint = digest(pairs);
    if (previous[id] === fingerprint) settled[id] = fingerprint;
    else pending.push([id, pairs, fingerprint]);
  }
  pending.sort((a, b) => Number(b[0]) - Number(a[0]));
  const now = pending.slice(0, STEP_SUMMARIES);
  const jobs: JobRecord[] = [];
  for (let i = 0; i < now.length; i += SUMMARY_CONCURRENCY) {
    const batch = now.slice(i, i + SUMMARY_CONCURRENCY);
    const mapped = await Promise.all(
      batch.map(async ([id, pairs, fingerprint]) => {
        const job = mapCommvaultJob(id, pairs, await client.jobSummary(id, signal));
        if (isTerminal(job.state)) settled[id] = fingerprint;
        return job;
      }),
    );
    jobs.push(...mapped);
  }
  const left = pending.length - now.length;
  return {
    jobs,
    cursor: { settled },
    presentIds: [...byJob.keys(), ...broken],
    quarantined: stats.bad,
    more: left > 0,
    backfill: left > 0 ? { done: byJob.size - left, total: byJob.size } : null,
  };
}
