import type { Rng } from "@/lib/simulators/engine/rng";

/** One kind of ONTAP job the simulated cluster runs, with what the real job type allows. */
export interface JobKind {
  key: string;
  /** The description, with `{uuid}` where the real one names an object. */
  label: string;
  pausable: boolean;
  cancellable: boolean;
  /** Cluster-scoped jobs run in the admin SVM. */
  clusterScoped: boolean;
  minMs: number;
  maxMs: number;
  failureRate: number;
  /** The running message at a fraction (0..1) of the work. */
  message(fraction: number): string;
  failures: ReadonlyArray<{ code: number; message: string }>;
}

const percent = (fraction: number) => `${Math.min(99, Math.floor(fraction * 100))}%`;

export const JOB_KINDS: readonly JobKind[] = [
  {
    key: "volume-move",
    label: "Vol Move",
    pausable: true,
    cancellable: true,
    clusterScoped: false,
    minMs: 180_000,
    maxMs: 1_200_000,
    failureRate: 0.1,
    message: (f) =>
      f < 0.05
        ? "Preparing source volume"
        : f < 0.9
          ? `Replicating data: ${percent(f)} complete`
          : "Cutover in progress",
    failures: [
      {
        code: 13303812,
        message: "Volume move cutover failed: the destination aggregate is out of space.",
      },
      { code: 13303822, message: "Volume move aborted: the source volume went offline." },
    ],
  },
  {
    key: "snapmirror-initialize",
    label: "SnapMirror initialize",
    pausable: true,
    cancellable: true,
    clusterScoped: false,
    minMs: 120_000,
    maxMs: 900_000,
    failureRate: 0.12,
    message: (f) =>
      f < 0.03 ? "Creating baseline Snapshot copy" : `Transferring: ${percent(f)} complete`,
    failures: [
      { code: 13303825, message: "Transfer failed: the destination volume is not of type DP." },
    ],
  },
  {
    key: "cluster-backup",
    label: "Cluster Backup Job",
    pausable: false,
    cancellable: true,
    clusterScoped: true,
    minMs: 60_000,
    maxMs: 240_000,
    failureRate: 0.08,
    message: (f) =>
      f < 0.3 ? "collecting_files" : f < 0.8 ? "creating_node_backups" : "uploading_backup",
    failures: [
      { code: 39387137, message: "Failed to upload the backup: destination URL is unreachable." },
    ],
  },
  {
    key: "clone-split",
    label: "Vol Clone Split",
    pausable: false,
    cancellable: true,
    clusterScoped: false,
    minMs: 120_000,
    maxMs: 480_000,
    failureRate: 0.05,
    message: (f) => `Splitting clone: ${percent(f)} complete`,
    failures: [
      { code: 917536, message: "Clone split failed: insufficient space in the aggregate." },
    ],
  },
  {
    key: "app-snapshot",
    label: "App Snapshot Job",
    pausable: false,
    cancellable: false,
    clusterScoped: false,
    minMs: 3_000,
    maxMs: 30_000,
    failureRate: 0.1,
    message: () => "Creating Snapshot copies",
    failures: [{ code: 1638555, message: "Snapshot copy creation failed: the volume is offline." }],
  },
  {
    key: "volume-patch",
    label: "PATCH /api/storage/volumes/{uuid}",
    pausable: false,
    cancellable: false,
    clusterScoped: false,
    minMs: 2_000,
    maxMs: 45_000,
    failureRate: 0.1,
    message: () => "Modifying volume",
    failures: [{ code: 917927, message: "The specified volume was not found." }],
  },
  {
    key: "volume-create",
    label: "POST /api/storage/volumes",
    pausable: false,
    cancellable: false,
    clusterScoped: false,
    minMs: 2_000,
    maxMs: 20_000,
    failureRate: 0.08,
    message: () => "Creating volume",
    failures: [
      {
        code: 917888,
        message: "Failed to create volume: the aggregate does not have enough space.",
      },
    ],
  },
];

/** The vendor's `description`: REST-started jobs name the request that started them. */
export function describeKind(kind: JobKind, rng: Rng): string {
  return kind.label.includes("{uuid}") ? kind.label.replace("{uuid}", rng.uuid()) : kind.label;
}

/** By catalogue key ("volume-move") or description label ("Vol Move"). */
export function findKind(name: string): JobKind | undefined {
  const wanted = name.toLowerCase();
  return JOB_KINDS.find((k) => k.key === wanted || k.label.toLowerCase() === wanted);
}

/** Long jobs are the ones an operator can watch and act on, so they weigh more in the demo mix. */
const WEIGHTS: Readonly<Record<string, number>> = {
  "volume-move": 3,
  "snapmirror-initialize": 2,
  "cluster-backup": 1,
  "clone-split": 1,
  "app-snapshot": 3,
  "volume-patch": 4,
  "volume-create": 2,
};

const WEIGHTED: readonly JobKind[] = JOB_KINDS.flatMap((k) =>
  Array.from({ length: WEIGHTS[k.key] ?? 1 }, () => k),
);

export function pickKind(rng: Rng): JobKind {
  return rng.pick(WEIGHTED);
}

export const SVMS = [
  { name: "svm_prod", uuid: "02c9e252-41be-11e9-81d5-00a0986138f7" },
  { name: "svm_dr", uuid: "1b3f5a1e-41be-11e9-81d5-00a0986138f7" },
  { name: "svm_nas", uuid: "2a7c9d40-41be-11e9-81d5-00a0986138f7" },
] as const;

export const ADMIN_SVM = {
  name: "cluster1",
  uuid: "9f1c2e64-41bd-11e9-81d5-00a0986138f7",
} as const;

export const NODES = ["cluster1-01", "cluster1-02"] as const;
