import { isInFlight } from "@/lib/domain/job-state";
import type { JobRecord, ScheduledRecord } from "@/lib/domain/model";
import type { Listed } from "./client";
import { eventsFrom, phasesFrom, rate, samplesFrom, sortEvents } from "./map-detail";
import { mapJobState, vendorStateOf } from "./map-state";
import type { DpEventInfo, DpJobInfo, DpScheduledJob } from "./schemas";

const date = (sec: number | undefined) => (sec === undefined ? null : new Date(sec * 1000));

/**
 * A DFM job as Jobdeck sees it. With its progress events it also gets phases, the event feed and
 * byte samples; `observedSec` (the server's clock) adds a sample of the job-wide count for live jobs.
 */
export function mapJob(
  job: Listed<DpJobInfo>,
  events: readonly Listed<DpEventInfo>[] | undefined,
  observedSec: number,
): JobRecord {
  const info = job.value;
  const state = mapJobState(info);
  const current = events ? sortEvents(events).at(-1)?.value : undefined;
  const record: JobRecord = {
    vendorId: String(info["job-id"]),
    type: info["job-type"],
    name: info["job-description"] || `${info["job-type"]} ${info["dataset-name"]}`,
    state,
    vendorState: vendorStateOf(info),
    progress: null,
    bytesDone: info["bytes-transferred"],
    bytesTotal: null,
    throughputBps: null,
    startedAt: date(info["started-timestamp"]),
    endedAt: date(info["completed-timestamp"]),
    submittedBy: info["submitted-by"] ?? null,
    dataset: info["dataset-name"],
    policy: info["policy-name"] ?? null,
    cluster: null,
    drGroup: null,
    message: current ? (current["error-message"] ?? current["event-message"]) : null,
    raw: job.raw,
  };
  if (!events) return record;
  const samples = samplesFrom(events);
  if (isInFlight(state)) {
    const when = new Date(observedSec * 1000);
    const last = samples.at(-1);
    if (!last || last.at < when)
      samples.push({
        at: when,
        bytesDone: info["bytes-transferred"],
        bytesPerSec: rate(last, when, info["bytes-transferred"]),
        percent: null,
      });
    record.throughputBps = samples.at(-1)?.bytesPerSec ?? null;
  }
  return { ...record, phases: phasesFrom(events, state), events: eventsFrom(events), samples };
}

const SCHEDULED_KINDS = [
  ["dp-local-snapshot-job-data", "local_backup", "Local snapshot"],
  ["dp-snapvault-transfer-job-data", "remote_backup", "SnapVault transfer"],
  ["dp-snapmirror-transfer-job-data", "mirror", "SnapMirror transfer"],
] as const;

/**
 * A scheduled job has no id until the scheduler starts it, so its identity is what it does and when:
 * dataset, kind, node or connection, and start time.
 */
export function mapScheduled(
  item: Listed<DpScheduledJob>,
  datasetNames: Readonly<Record<string, string>>,
): ScheduledRecord {
  const s = item.value;
  const kind = SCHEDULED_KINDS.find(([element]) => s[element] !== undefined);
  const data = kind ? s[kind[0]] : undefined;
  const target =
    data?.["node-id"] !== undefined
      ? `node ${data["node-id"]}`
      : data?.["connection-id"] !== undefined
        ? `connection ${data["connection-id"]}`
        : "";
  const dataset = datasetNames[String(s["dataset-id"])] ?? `dataset ${s["dataset-id"]}`;
  const retention = data?.["retention-type"] ? ` (${data["retention-type"]})` : "";
  return {
    vendorId: [
      s["dataset-id"],
      kind?.[1] ?? "job",
      target.replace(" ", "-") || "-",
      s["start-time"],
    ].join(":"),
    name: `${kind?.[2] ?? "Scheduled job"} of ${dataset}${retention}`,
    type: kind?.[1] ?? "scheduled",
    dataset,
    policy: null,
    startsAt: new Date(s["start-time"] * 1000),
    raw: item.raw,
  };
}
