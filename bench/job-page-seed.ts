import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import type { JobState, Severity } from "@/lib/domain/job-state";

export interface SeedSize {
  phases: number;
  events: number;
  samples: number;
  logLines: number;
  /** Past successful runs of the same job kind, so baselines and the ETA are drawn too. */
  history: number;
}

const MIN = 60_000;
/** Root steps in the seeded job: what "Collapse all" leaves on screen. */
export const LANES = 10;
const GROUPS_PER_LANE = 7;
const BATCH = 5_000;

/** Deterministic "random" durations, so every bench run draws the same chart. */
const jitter = (i: number) => ((i * 7919) % 97) / 97;

interface PhasePlan {
  key: string;
  parentKey: string | null;
  lane: string;
  name: string;
  depth: number;
  order: number;
  start: number;
  end: number;
}

/**
 * An Eyeglass-like step tree: LANES zones, each a root step with groups of leaf steps run one after
 * another; the second half of the zones starts after an hour's wait (a compressed gap on the axis).
 */
function planPhases(count: number, startMs: number, runScale: number): PhasePlan[] {
  const perLane = Math.max(3, Math.floor(count / LANES));
  const leavesPerGroup = Math.max(1, Math.floor((perLane - 1 - GROUPS_PER_LANE) / GROUPS_PER_LANE));
  const out: PhasePlan[] = [];
  for (let lane = 0; lane < LANES && out.length < count; lane++) {
    const laneName = `zone-${String(lane + 1).padStart(2, "0")}`;
    const rootKey = `${laneName}`;
    const root: PhasePlan = {
      key: rootKey,
      parentKey: null,
      lane: laneName,
      name: `Fail over ${laneName}`,
      depth: 0,
      order: out.length,
      start: 0,
      end: 0,
    };
    out.push(root);
    let t = startMs + (lane >= LANES / 2 ? 60 * MIN : 0) + lane * 30_000;
    root.start = t;
    for (let g = 0; g < GROUPS_PER_LANE && out.length < count; g++) {
      const group: PhasePlan = {
        key: `${rootKey}/g${g}`,
        parentKey: rootKey,
        lane: laneName,
        name: `Step ${g + 1}`,
        depth: 1,
        order: out.length,
        start: t,
        end: t,
      };
      out.push(group);
      for (let l = 0; l < leavesPerGroup && out.length < count; l++) {
        const d = (20_000 + jitter(out.length) * 60_000) * runScale;
        out.push({
          key: `${group.key}/s${l}`,
          parentKey: group.key,
          lane: laneName,
          name: `Move share ${g + 1}.${l + 1}`,
          depth: 2,
          order: out.length,
          start: t,
          end: t + d,
        });
        t += d;
      }
      group.end = t;
    }
    root.end = t;
  }
  return out;
}

function phaseRows(jobId: string, plan: PhasePlan[], now: number): Prisma.PhaseCreateManyInput[] {
  return plan.map((p) => {
    const running = p.start <= now && p.end > now;
    const state: JobState = p.start > now ? "queued" : running ? "running" : "succeeded";
    return {
      jobId,
      vendorKey: p.key,
      parentKey: p.parentKey,
      lane: p.lane,
      name: p.name,
      state,
      vendorStatus: state,
      sortOrder: p.order,
      depth: p.depth,
      startedAt: p.start > now ? null : new Date(p.start),
      endedAt: running || p.start > now ? null : new Date(p.end),
    };
  });
}

async function createJob(
  db: Db,
  sourceId: string,
  vendorId: string,
  state: JobState,
  start: number,
  end: number | null,
) {
  return db.job.create({
    data: {
      sourceId,
      kind: "eyeglass",
      vendorId,
      type: "failover",
      name: "Failover bench-site-a → bench-site-b",
      state,
      vendorState: state,
      progress: end === null ? 40 : 100,
      startedAt: new Date(start),
      endedAt: end === null ? null : new Date(end),
      sortAt: new Date(start),
      submittedBy: "bench",
      dataset: "bench-site-a",
      policy: "bench-policy",
      drGroup: "bench-group",
      raw: {},
    },
  });
}

/** A running job with `size.phases` phases and `size.events` events, plus its history. Returns its id. */
export async function seedBenchJob(db: Db, size: SeedSize): Promise<string> {
  const source = await db.source.create({
    // Disabled and unreachable: the worker never polls it, and nothing leaves the machine.
    data: {
      kind: "eyeglass",
      name: `bench-job-page-${randomUUID().slice(0, 8)}`,
      baseUrl: "http://127.0.0.1:9",
      enabled: false,
    },
  });
  const now = Date.now();
  for (let h = 0; h < size.history; h++) {
    const start = now - (h + 1) * 24 * 60 * MIN;
    const plan = planPhases(size.phases, start, 0.8 + 0.1 * h);
    const end = Math.max(...plan.map((p) => p.end));
    const past = await createJob(db, source.id, `bench-past-${h}`, "succeeded", start, end);
    await db.phase.createMany({ data: phaseRows(past.id, plan, end + 1) });
  }
  const start = now - 80 * MIN;
  const job = await createJob(db, source.id, "bench-current", "running", start, null);
  await db.phase.createMany({ data: phaseRows(job.id, planPhases(size.phases, start, 1), now) });
  const severities: Severity[] = [
    "info",
    "info",
    "info",
    "info",
    "warning",
    "info",
    "info",
    "error",
  ];
  for (let from = 0; from < size.events; from += BATCH) {
    const data: Prisma.JobEventCreateManyInput[] = [];
    for (let i = from; i < Math.min(size.events, from + BATCH); i++) {
      data.push({
        jobId: job.id,
        vendorKey: `e${i}`,
        at: new Date(start + ((now - start) * i) / size.events),
        severity: severities[i % severities.length] ?? "info",
        type: "step",
        message: `Step ${i}: moved share /ifs/data/share-${i % 500} (${i % 13} files retried)`,
      });
    }
    await db.jobEvent.createMany({ data });
  }
  await db.jobSample.createMany({
    data: Array.from({ length: size.samples }, (_, i) => ({
      jobId: job.id,
      at: new Date(start + ((now - start) * i) / size.samples),
      bytesDone: BigInt(i) * 250_000_000n,
      bytesPerSec: 200_000_000 + jitter(i) * 100_000_000,
      percent: (40 * i) / size.samples,
    })),
  });
  await db.jobLogLine.createMany({
    data: Array.from({ length: size.logLines }, (_, i) => ({
      jobId: job.id,
      jobSeenAt: job.firstSeenAt,
      seq: i,
      at: new Date(start + ((now - start) * i) / size.logLines),
      level: i % 50 === 0 ? "WARN" : "INFO",
      text: `failover step ${i}: ok`,
    })),
  });
  return job.id;
}
