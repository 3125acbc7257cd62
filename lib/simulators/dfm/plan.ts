import type { Rng } from "@/lib/simulators/engine/rng";
import { objectId, type Dataset } from "./catalog";
import type { PointStep, SimJob, Transfer, TransferKind } from "./job";
import type { DpJobType } from "./scenario";

export interface JobSpec {
  id: number;
  type: DpJobType;
  dataset: Dataset;
  startMs: number;
  /** Overrides the planned length of each transfer (control endpoint, demos). */
  transferMs?: number;
  /** Overrides the bytes of each transfer (exercises the 2^63 range). */
  bytes?: bigint;
  /** Whether transfers may fail and the job may be aborted on its own; off for jobs a test creates. */
  mishaps: boolean;
}

const GB = 1024n ** 3n;
const USERS = ["NYC\\jsmith", "NYC\\akumar", "root", "NYC\\svc-backup"];
const ERRORS = [
  "destination volume is full",
  "source qtree is not online",
  "transfer aborted: connection to the destination filer timed out",
  "snapshot reserve exhausted on source volume",
];

/** What a job will do, decided once when it is created: everything later is derived from time. */
export function planJob(spec: JobSpec, rng: Rng): SimJob {
  const { dataset: ds, type } = spec;
  const onDemand = type === "on_demand_backup" || type === "restore";
  const job: SimJob = {
    id: spec.id,
    type,
    dataset: ds,
    fromPolicy: !onDemand,
    sourceNode: type === "mirror" && ds.policyName.startsWith("Back up,") ? ds.backup : ds.primary,
    destinationNode: type === "local_backup" ? null : type === "mirror" ? ds.mirror : ds.backup,
    description: describe(type, ds),
    submittedBy: onDemand || rng.chance(0.1) ? rng.pick(USERS) : null,
    startMs: spec.startMs,
    transfers: [],
    points: [],
    endOffsetMs: 0,
    abortRequestedMs: null,
    abortDoneMs: null,
    abortedBy: null,
    failedMs: null,
    purged: false,
  };
  let at = 4_000;
  const add = (
    kind: TransferKind,
    from: string,
    to: string,
    minMs: number,
    maxMs: number,
    maxBytes: bigint,
  ) => {
    const fails = spec.mishaps && rng.chance(0.07);
    const pace = spec.transferMs === undefined ? rng.next() : 0;
    const share = changeShare(`${kind}|${from}`, spec.bytes === undefined ? rng.next() : 0);
    const full =
      spec.transferMs ?? Math.round((minMs + (maxMs - minMs) * share) * (0.9 + 0.2 * pace));
    const durationMs = fails ? Math.round(full * (0.3 + rng.next() * 0.6)) : full;
    const planned = spec.bytes ?? (maxBytes * BigInt(Math.round(share * 1000))) / 1000n;
    const bytes =
      fails && spec.bytes === undefined ? (planned * BigInt(durationMs)) / BigInt(full) : planned;
    job.transfers.push(
      transfer(kind, from, to, at, durationMs, bytes, fails ? rng.pick(ERRORS) : null, rng),
    );
    at += durationMs + rng.int(1_000, 6_000);
  };
  const point = (step: Omit<PointStep, "offsetMs">) => {
    job.points.push({ ...step, offsetMs: at });
    at += rng.int(1_000, 4_000);
  };
  const vol = `${ds.primaryFiler}:/${ds.volume}`;
  const snapshot = `dfpm_${ds.name}.${spec.id}`;
  const backupId = String(spec.id * 3);
  const backupVersion = String(Math.floor(spec.startMs / 1000));
  const snapshotDetail = {
    "snapshot-name": snapshot,
    "volume-id": String(objectId(vol)),
    "volume-name": vol,
  };
  const backupDetail = {
    "backup-id": backupId,
    "backup-version": backupVersion,
    retention: "daily",
  };

  switch (type) {
    case "local_backup":
      point({
        type: "snapshot-create",
        message: `Created snapshot ${snapshot} on ${vol}`,
        detail: snapshotDetail,
        countsAsSuccess: true,
      });
      point({
        type: "backup-create",
        message: `Registered backup version ${backupVersion}`,
        detail: { ...backupDetail, retention: "hourly" },
        countsAsSuccess: false,
      });
      if (rng.chance(0.5)) point(expiry(ds, spec.id, vol));
      break;
    case "remote_backup":
    case "on_demand_backup":
      if (type === "on_demand_backup")
        point({
          type: "snapshot-create",
          message: `Created snapshot ${snapshot} on ${vol}`,
          detail: snapshotDetail,
          countsAsSuccess: false,
        });
      for (const qt of ds.qtrees)
        add(
          "snapvault",
          `${vol}/${qt}`,
          `${ds.backupFiler}:/${ds.name}_backup/${qt}`,
          45_000,
          480_000,
          50n * GB,
        );
      point({
        type: "backup-create",
        message: `Registered backup version ${backupVersion} on ${ds.backupFiler}`,
        detail: backupDetail,
        countsAsSuccess: false,
      });
      if (rng.chance(0.4)) {
        point(expiry(ds, spec.id, `${ds.backupFiler}:/${ds.name}_backup`));
        point({
          type: "backup-delete",
          message: `Deleted expired backup version of ${ds.name}`,
          detail: { ...backupDetail, "backup-id": String(spec.id * 3 - 120) },
          countsAsSuccess: false,
        });
      }
      break;
    case "mirror":
      add("snapmirror", vol, `${ds.mirrorFiler}:/${ds.volume}_mirror`, 60_000, 600_000, 200n * GB);
      point({
        type: "backup-create",
        message: `Registered mirror backup version ${backupVersion}`,
        detail: { ...backupDetail, retention: "weekly" },
        countsAsSuccess: false,
      });
      break;
    case "restore": {
      const migrate = rng.chance(0.35);
      const qt = rng.pick(ds.qtrees);
      add(
        migrate ? "migrate" : "restore",
        `${ds.backupFiler}:/${ds.name}_backup/${qt}`,
        `${vol}/${qt}`,
        60_000,
        600_000,
        30n * GB,
      );
      break;
    }
    case "create_relationship":
      add(
        "rel-create",
        `${vol}/${ds.qtrees[0] ?? "-"}`,
        `${ds.backupFiler}:/${ds.name}_backup/${ds.qtrees[0] ?? "-"}`,
        120_000,
        900_000,
        400n * GB,
      );
      break;
    case "destroy_relationship":
      add(
        "rel-destroy",
        `${vol}/${ds.qtrees[0] ?? "-"}`,
        `${ds.mirrorFiler}:/${ds.volume}_old`,
        8_000,
        30_000,
        0n,
      );
      break;
  }
  job.endOffsetMs = at;
  if (spec.mishaps && rng.chance(0.03)) {
    job.abortRequestedMs = spec.startMs + Math.round(at * rng.next() * 0.8);
    job.abortDoneMs = job.abortRequestedMs + rng.int(5_000, 40_000);
    job.abortedBy = rng.pick(USERS);
  }
  return job;
}

/**
 * The share (0..1] of a transfer kind's largest change that one run of it moves. A real dataset's
 * nightly change is about the same size night after night, and a transfer lasts as long as its
 * bytes take: each object has its own typical change (from its name, so stable across runs), a run
 * moves 75–125 % of it, and one run in twenty is a heavy day of two to three times that. `draw` is
 * one uniform random number.
 */
export function changeShare(object: string, draw: number): number {
  const typical = 0.1 + 0.9 * ((objectId(object) % 1000) / 1000);
  const day = draw < 0.95 ? 0.75 + (draw / 0.95) * 0.5 : 2 + (draw - 0.95) / 0.05;
  return Math.min(1, Math.max(0.005, (typical * day) / 2));
}

function transfer(
  kind: TransferKind,
  from: string,
  to: string,
  offsetMs: number,
  durationMs: number,
  bytes: bigint,
  errorMessage: string | null,
  rng: Rng,
): Transfer {
  const label = LABEL[kind];
  return {
    kind,
    offsetMs,
    durationMs,
    bytes: kind === "rel-destroy" ? 0n : bytes,
    fails: errorMessage !== null,
    errorMessage,
    startMessage: `${label} started: ${from} to ${to}`,
    endMessage: errorMessage
      ? `${label} failed: ${from} to ${to}`
      : `${label} completed: ${from} to ${to}`,
    detail: detailFor(kind, from, to, rng),
  };
}

const LABEL: Record<TransferKind, string> = {
  snapmirror: "SnapMirror transfer",
  snapvault: "SnapVault transfer",
  "rel-create": "Relationship creation",
  "rel-destroy": "Relationship destruction",
  restore: "Restore",
  migrate: "Migration",
};

function detailFor(kind: TransferKind, from: string, to: string, rng: Rng): Record<string, string> {
  const ids = (prefix: string, name: string) => ({
    [`${prefix}-id`]: String(objectId(name)),
    [`${prefix}-name`]: name,
  });
  switch (kind) {
    case "snapmirror":
      return {
        "bytes-transferred": "0",
        ...ids("destination-volume-or-qtree", to),
        ...ids("source-volume-or-qtree", from),
      };
    case "snapvault":
      return {
        "bytes-transferred": "0",
        ...ids("destination-qtree", to),
        ...ids("source-qtree", from),
      };
    case "rel-create":
    case "rel-destroy":
      return {
        "bytes-transferred": "0",
        ...ids("destination-volume-or-qtree", to),
        "relationship-type": kind === "rel-create" ? "snapvault" : "snapmirror",
        ...ids("source-volume-or-qtree", from),
      };
    case "restore":
    case "migrate":
      return {
        "backup-id": String(rng.int(1_000, 90_000)),
        "backup-version": String(1_700_000_000 + rng.int(0, 50_000_000)),
        "bytes-transferred": "0",
        "destination-path": to,
        "member-id": String(objectId(to)),
        "member-name": to,
        path: from,
      };
  }
}

function expiry(ds: Dataset, id: number, vol: string): Omit<PointStep, "offsetMs"> {
  const old = `dfpm_${ds.name}.${id - 40}`;
  return {
    type: "snapshot-delete",
    message: `Deleted expired snapshot ${old} on ${vol}`,
    detail: { "snapshot-name": old, "volume-id": String(objectId(vol)), "volume-name": vol },
    countsAsSuccess: false,
  };
}

function describe(type: DpJobType, ds: Dataset): string {
  switch (type) {
    case "local_backup":
      return `Local snapshot of dataset ${ds.name}`;
    case "remote_backup":
      return `Back up dataset ${ds.name} to ${ds.backupFiler}`;
    case "on_demand_backup":
      return `On-demand backup of dataset ${ds.name}`;
    case "mirror":
      return `Mirror dataset ${ds.name} to ${ds.mirrorFiler}`;
    case "restore":
      return `Restore dataset ${ds.name} member`;
    case "create_relationship":
      return `Create SnapVault relationship for dataset ${ds.name}`;
    case "destroy_relationship":
      return `Destroy obsolete SnapMirror relationship for dataset ${ds.name}`;
  }
}
