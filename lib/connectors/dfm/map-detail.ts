import type { JobState } from "@/lib/domain/job-state";
import type { EventRecord, PhaseRecord, SampleRecord } from "@/lib/domain/model";
import type { Listed } from "./client";
import { severityOf } from "./map-state";
import type { DpEventInfo, RestoreDetail, TransferDetail } from "./schemas";

type Kind = "snapmirror" | "snapvault" | "rel-create" | "rel-destroy" | "restore" | "migrate";

const LABEL: Record<Kind, string> = {
  snapmirror: "SnapMirror",
  snapvault: "SnapVault",
  "rel-create": "Create relationship",
  "rel-destroy": "Destroy relationship",
  restore: "Restore",
  migrate: "Migrate",
};

interface Step {
  kind: Kind;
  stage: "start" | "progress" | "end";
  /** Which transfer: the same source and destination in one job are the same phase (per start). */
  identity: string;
  from: string;
  to: string;
  bytes: bigint | null;
}

const at = (e: DpEventInfo) => new Date(e["event-timestamp"] * 1000);

export function sortEvents(events: readonly Listed<DpEventInfo>[]): Listed<DpEventInfo>[] {
  return [...events].sort(
    (a, b) =>
      a.value["event-timestamp"] - b.value["event-timestamp"] ||
      a.value["event-id"] - b.value["event-id"],
  );
}

export function stepOf(e: DpEventInfo): Step | null {
  const m =
    /^(snapmirror|snapvault|rel-create|rel-destroy|restore|migrate)-(start|progress|end)$/.exec(
      e["event-type"],
    );
  if (!m) return null;
  const kind = m[1] as Kind;
  const stage = m[2] as Step["stage"];
  if (kind === "restore" || kind === "migrate") {
    const d: RestoreDetail = e["dp-progress-restore-info"] ?? {};
    return {
      kind,
      stage,
      identity: `${d["member-id"] ?? "?"}:${d.path ?? "?"}`,
      from: d.path ?? "?",
      to: d["destination-path"] ?? d["member-name"] ?? "?",
      bytes: d["bytes-transferred"] ?? null,
    };
  }
  const d: TransferDetail =
    (kind === "snapmirror"
      ? e["dp-progress-snapmirror-info"]
      : kind === "snapvault"
        ? e["dp-progress-snapvault-info"]
        : e["dp-progress-relationship-info"]) ?? {};
  const srcId = d["source-qtree-id"] ?? d["source-volume-or-qtree-id"];
  const dstId = d["destination-qtree-id"] ?? d["destination-volume-or-qtree-id"];
  const from = d["source-qtree-name"] ?? d["source-volume-or-qtree-name"] ?? String(srcId ?? "?");
  const to =
    d["destination-qtree-name"] ?? d["destination-volume-or-qtree-name"] ?? String(dstId ?? "?");
  return {
    kind,
    stage,
    identity: `${srcId ?? from}>${dstId ?? to}`,
    from,
    to,
    bytes: d["bytes-transferred"] ?? null,
  };
}

/**
 * Each transfer (start … end) becomes one Gantt phase, keyed by kind, endpoints and how many times
 * that pair started before: the history only grows, so keys stay stable across polls.
 */
export function phasesFrom(
  events: readonly Listed<DpEventInfo>[],
  jobState: JobState,
): PhaseRecord[] {
  const phases: PhaseRecord[] = [];
  const open = new Map<string, PhaseRecord>();
  const starts = new Map<string, number>();
  for (const { value: e } of sortEvents(events)) {
    const step = stepOf(e);
    if (!step) continue;
    const id = `${step.kind}:${step.identity}`;
    let phase = open.get(id);
    if (!phase || step.stage === "start") {
      const n = starts.get(id) ?? 0;
      starts.set(id, n + 1);
      phase = {
        key: `${id}#${n}`,
        parentKey: null,
        lane: step.to,
        name: `${LABEL[step.kind]} ${step.from} → ${step.to}`,
        state: "running",
        vendorStatus: e["event-type"],
        order: phases.length,
        startedAt: step.stage === "start" ? at(e) : null,
        endedAt: null,
        message: e["event-message"],
      };
      phases.push(phase);
      open.set(id, phase);
    }
    phase.vendorStatus = e["event-type"];
    phase.message = e["error-message"] ?? e["event-message"];
    if (step.stage === "end") {
      phase.endedAt = at(e);
      phase.state =
        e["event-status"] === "error"
          ? "failed"
          : e["event-status"] === "warning"
            ? "partial"
            : "succeeded";
      open.delete(id);
    }
  }
  for (const phase of open.values()) phase.state = unfinishedState(jobState);
  return phases;
}

function unfinishedState(job: JobState): JobState {
  if (job === "running" || job === "queued" || job === "paused") return "running";
  return job;
}

export function eventsFrom(events: readonly Listed<DpEventInfo>[]): EventRecord[] {
  return sortEvents(events).map(({ value: e, raw }) => ({
    key: String(e["event-id"]),
    at: at(e),
    severity: severityOf(e["event-status"]),
    type: e["event-type"],
    message: e["error-message"]
      ? `${e["event-message"]}: ${e["error-message"]}`
      : e["event-message"],
    raw,
  }));
}

/** Job-wide bytes after each transfer event: the sum of every transfer's latest count. */
export function samplesFrom(events: readonly Listed<DpEventInfo>[]): SampleRecord[] {
  const latest = new Map<string, bigint>();
  const samples: SampleRecord[] = [];
  for (const { value: e } of sortEvents(events)) {
    const step = stepOf(e);
    if (!step || step.bytes === null) continue;
    latest.set(`${step.kind}:${step.identity}`, step.bytes);
    let total = 0n;
    for (const b of latest.values()) total += b;
    const when = at(e);
    const prev = samples.at(-1);
    if (prev && prev.at.getTime() === when.getTime()) {
      prev.bytesDone = total;
      continue;
    }
    samples.push({
      at: when,
      bytesDone: total,
      bytesPerSec: rate(prev, when, total),
      percent: null,
    });
  }
  return samples;
}

export function rate(prev: SampleRecord | undefined, when: Date, total: bigint): number | null {
  if (!prev || prev.bytesDone === null) return null;
  const seconds = (when.getTime() - prev.at.getTime()) / 1000;
  return seconds > 0 && total >= prev.bytesDone ? Number(total - prev.bytesDone) / seconds : null;
}
