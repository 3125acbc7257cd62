import { createHash } from "node:crypto";
import { z } from "zod";
import { VendorNotFoundError, VendorProtocolError } from "@/lib/connectors/errors";
import { field, readRecords } from "@/lib/connectors/quarantine";
import type { QuarantinedRecord, SyncBatch, SyncCursor } from "@/lib/connectors/types";
import { isUnfinished } from "@/lib/domain/job-state";
import type { JobRecord, LogLine } from "@/lib/domain/model";
import type { EyeglassClient } from "./client";
import { parseFailoverLog } from "./log";
import { mapFailoverJob, parseVendorId, vendorIdOf, type Family, type MapOptions } from "./map";
import { mapReadinessJob, mapReplicationJob } from "./map-checks";
import { checkJobSchema, failoverJobSchema } from "./schemas";

const cursorSchema = z.object({
  v: z.literal(1),
  /** vendorId → fingerprint of the reply last reported. */
  seen: z.record(z.string(), z.string()),
  /** Failovers whose log must be fetched: running last time, or not reached yet in a step. */
  logDue: z.array(z.string()),
  /** Failovers whose last log fetch failed: tried again after the others, never the reason for more. */
  logRetry: z.array(z.string()).default([]),
});
type Cursor = z.infer<typeof cursorSchema>;

const fingerprint = (raw: unknown) =>
  createHash("sha1").update(JSON.stringify(raw)).digest("hex").slice(0, 16);

/** The log, or undefined when it cannot be read this time (kept due, so the next poll tries again). */
async function fetchLog(
  client: EyeglassClient,
  id: string,
  signal?: AbortSignal,
): Promise<LogLine[] | undefined> {
  try {
    return parseFailoverLog(
      await client.getText(
        `v2/jobs/failover/${encodeURIComponent(id)}/log`,
        `failover job ${id} log`,
        signal,
      ),
    );
  } catch (err) {
    if (err instanceof VendorProtocolError || err instanceof VendorNotFoundError) return undefined;
    throw err;
  }
}

/** Failover logs fetched per step; a year of failovers' logs is read over several committed steps. */
const STEP_LOGS = 25;

/**
 * Eyeglass lists are whole arrays with no change feed, so every step reads all three families and
 * reports only what changed since the cursor. Failover logs are fetched for new and running jobs
 * and once more after a job ends, at most STEP_LOGS per step, running jobs first, then newest
 * first: the rest stay due in the cursor and the step says there is more.
 */
export async function listEyeglassChanges(
  client: EyeglassClient,
  options: MapOptions,
  cursorIn: SyncCursor | null,
  signal?: AbortSignal,
): Promise<SyncBatch> {
  const previous: Cursor = cursorSchema.safeParse(cursorIn).data ?? {
    v: 1,
    seen: {},
    logDue: [],
    logRetry: [],
  };
  const bad: QuarantinedRecord[] = [];
  // Each list is read record by record: one job that does not match the document is quarantined.
  const list = async <S extends z.ZodType>(family: Family, schema: S) => {
    const got = await client.get(
      `v2/jobs/${family}`,
      z.array(z.unknown()),
      `list ${family} jobs`,
      signal,
      { state: "all" },
    );
    const keyOf = (raw: unknown) => {
      const id = field("id")(raw);
      return typeof id === "string" || typeof id === "number"
        ? vendorIdOf(family, String(id))
        : undefined;
    };
    const read = readRecords(got.data, schema, `${family} job`, keyOf);
    bad.push(...read.bad);
    return read.good;
  };
  const failovers = await list("failover", failoverJobSchema);
  const readiness = await list("readiness", checkJobSchema);
  const replication = await list("replication", checkJobSchema);

  const next: Cursor = { v: 1, seen: {}, logDue: [], logRetry: [] };
  const jobs: JobRecord[] = [];
  const retry = new Set(previous.logRetry);
  const wasDue = new Set([...previous.logDue, ...retry]);
  const due: Array<{ record: JobRecord; id: string }> = [];
  for (const { value: job, raw } of failovers) {
    const record = mapFailoverJob(job, raw, options);
    const print = fingerprint(raw);
    next.seen[record.vendorId] = print;
    const isNew = previous.seen[record.vendorId] === undefined;
    const needsLog = isNew || isUnfinished(record.state) || wasDue.has(record.vendorId);
    if (needsLog && record.state !== "queued") due.push({ record, id: job.id });
    else if (isUnfinished(record.state)) next.logDue.push(record.vendorId);
    if (needsLog || previous.seen[record.vendorId] !== print) jobs.push(record);
  }
  // Running first, then newest first; logs that failed last time after those.
  const rank = ({ record }: { record: JobRecord }) => [
    isUnfinished(record.state) ? 0 : retry.has(record.vendorId) ? 2 : 1,
    -(record.startedAt?.getTime() ?? 0),
  ];
  due.sort((a, b) => {
    const [x, y] = [rank(a), rank(b)];
    return (x[0] ?? 0) - (y[0] ?? 0) || (x[1] ?? 0) - (y[1] ?? 0);
  });
  for (const { record, id } of due.slice(0, STEP_LOGS)) {
    const log = await fetchLog(client, id, signal);
    if (log) record.log = log;
    if (!log) next.logRetry.push(record.vendorId);
    else if (isUnfinished(record.state)) next.logDue.push(record.vendorId);
  }
  const left = due.slice(STEP_LOGS);
  for (const { record } of left)
    (retry.has(record.vendorId) ? next.logRetry : next.logDue).push(record.vendorId);
  const deferred = left.filter(({ record }) => !retry.has(record.vendorId));
  const families = [
    { list: readiness, map: mapReadinessJob },
    { list: replication, map: mapReplicationJob },
  ];
  for (const { list, map } of families) {
    for (const { value: job, raw } of list) {
      const record = map(job, raw);
      const print = fingerprint(raw);
      next.seen[record.vendorId] = print;
      if (previous.seen[record.vendorId] !== print) jobs.push(record);
    }
  }
  return {
    jobs,
    cursor: next,
    presentIds: [...Object.keys(next.seen), ...bad.map((b) => b.key)],
    quarantined: bad,
    more: deferred.length > 0,
    backfill:
      deferred.length > 0
        ? { done: failovers.length - deferred.length, total: failovers.length }
        : null,
  };
}

export async function getEyeglassJob(
  client: EyeglassClient,
  options: MapOptions,
  vendorId: string,
  signal?: AbortSignal,
): Promise<JobRecord | null> {
  const parsed = parseVendorId(vendorId);
  if (!parsed) return null;
  const path = `v2/jobs/${parsed.family}/${encodeURIComponent(parsed.id)}`;
  if (parsed.family === "failover") {
    const found = await client.find(path, failoverJobSchema, `failover job ${parsed.id}`, signal);
    if (!found) return null;
    const record = mapFailoverJob(found.data, found.raw, options);
    const log = record.state === "queued" ? [] : await fetchLog(client, parsed.id, signal);
    if (log) record.log = log;
    return record;
  }
  const found = await client.find(
    path,
    checkJobSchema,
    `${parsed.family} job ${parsed.id}`,
    signal,
  );
  if (!found) return null;
  return parsed.family === "readiness"
    ? mapReadinessJob(found.data, found.raw)
    : mapReplicationJob(found.data, found.raw);
}
