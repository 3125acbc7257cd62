import { Pace } from "@/lib/simulators/engine/clock";
import { Rng } from "@/lib/simulators/engine/rng";
import { Spawner } from "@/lib/simulators/engine/scenario";
import type { SimulatorOptions } from "@/lib/simulators/engine/simulator";
import { createReadinessJob, createReplicationJob, type CheckJob } from "./check-jobs";
import {
  createFailoverJob,
  type FailoverJob,
  type FailoverRequest,
  type Timing,
} from "./failover-jobs";
import type { Fate } from "./failover-plan";
import { placeJobs, type Placed, type PlannedJob } from "./planned-job";
import { randomFailoverRequest, scriptedRequest, seedDemoFailovers } from "./history";
import type { RenderOptions } from "./render";
import { parseScenario, type EyeglassScenario } from "./scenario";

export type Family = "failover" | "readiness" | "replication";
const FAMILY_INDEX: Record<Family, number> = { failover: 1, readiness: 2, replication: 3 };

/** All jobs Eyeglass knows about, created by seeded spawners as the clock moves. */
export class EyeglassEstate {
  readonly scenario: EyeglassScenario;
  private readonly failovers: FailoverJob[] = [];
  private readonly readiness: CheckJob[] = [];
  private readonly replication: CheckJob[] = [];
  private readonly counters: Record<Family, number> = { failover: 0, readiness: 0, replication: 0 };
  private readonly spawners: Spawner[] = [];
  private readonly pace: Pace;

  constructor(private readonly options: SimulatorOptions) {
    this.scenario = parseScenario(options.scenario);
    const s = this.scenario;
    const pace = (this.pace = new Pace(options.speed));
    const clock = options.clock;
    const start = clock.now();
    if (s.randomFailovers) {
      this.spawners.push(
        new Spawner(
          {
            clock,
            rng: new Rng(options.seed),
            historyMs: pace.span(s.historyMs),
            meanIntervalMs: pace.span(s.failoverMeanIntervalMs),
          },
          (at, rng) => {
            const { request, fate } = randomFailoverRequest(rng);
            this.addFailover(request, { submittedAt: at, immediate: false }, fate, {
              rtoMs: s.fixedRtoMs,
            });
          },
        ),
      );
    }
    this.spawners.push(
      new Spawner(
        {
          clock,
          rng: new Rng(options.seed + 1),
          historyMs: pace.span(s.readinessRetentionMs),
          meanIntervalMs: pace.span(s.readinessIntervalMs),
        },
        (at) => this.addReadiness(at),
      ),
      new Spawner(
        {
          clock,
          rng: new Rng(options.seed + 2),
          historyMs: pace.span(s.replicationRetentionMs),
          meanIntervalMs: pace.span(s.replicationIntervalMs),
        },
        (at) => this.addReplication(at),
      ),
    );
    if (s.demoFailovers)
      seedDemoFailovers(start, pace, (req, at, fate, timing, cancelAfterMs) => {
        const job = this.addFailover(req, at, fate, timing);
        if (cancelAfterMs !== undefined)
          job.stop = {
            at: at.submittedAt + cancelAfterMs,
            kind: "cancel",
            info: "Cancelled by user",
          };
      });
    s.scriptedFailovers.forEach((script, i) => {
      this.addFailover(
        scriptedRequest(script.kind, i),
        { submittedAt: script.startsAt, immediate: true },
        "success",
        {
          rtoMs: script.rtoMs,
          totalMs: script.durationMs,
          failWritable: script.outcome === "failed",
        },
      );
    });
  }

  /** Brings the estate up to the clock; call before answering anything. */
  now(): number {
    for (const spawner of this.spawners) spawner.advance();
    return this.options.clock.now();
  }

  private nextId(family: Family): { id: string; rng: Rng } {
    const n = ++this.counters[family];
    const rng = new Rng(
      (this.options.seed * 2654435761 + FAMILY_INDEX[family] * 40503 + n * 97) >>> 0,
    );
    return { id: `${rng.hex(10)}${n.toString(16).padStart(4, "0")}`, rng };
  }

  addFailover(
    req: FailoverRequest,
    at: { submittedAt: number; immediate: boolean },
    fate: Fate,
    timing: Timing = {},
  ): FailoverJob {
    const { id, rng } = this.nextId("failover");
    const job = createFailoverJob(id, req, at, fate, rng, timing, this.pace);
    insertSorted(this.failovers, job);
    return job;
  }

  addReadiness(at: number, durationMs?: number): CheckJob {
    const { id, rng } = this.nextId("readiness");
    const job = createReadinessJob(id, at, rng, this.pace, durationMs);
    insertSorted(this.readiness, job);
    return job;
  }

  addReplication(at: number, durationMs?: number): CheckJob {
    const { id, rng } = this.nextId("replication");
    const job = createReplicationJob(id, at, rng, this.pace, durationMs);
    insertSorted(this.replication, job);
    return job;
  }

  placedFailovers(now: number): Placed<FailoverJob>[] {
    return this.retained(
      this.failovers,
      placeJobs(this.failovers, this.scenario.serialFailovers),
      now,
      this.pace.span(this.scenario.failoverRetentionMs),
    );
  }

  placedReadiness(now: number): Placed<CheckJob>[] {
    return this.retained(
      this.readiness,
      placeJobs(this.readiness, false),
      now,
      this.pace.span(this.scenario.readinessRetentionMs),
    );
  }

  placedReplication(now: number): Placed<CheckJob>[] {
    return this.retained(
      this.replication,
      placeJobs(this.replication, false),
      now,
      this.pace.span(this.scenario.replicationRetentionMs),
    );
  }

  /** Jobs submitted in the future (scripted ones) do not exist yet; jobs past retention are gone. */
  private retained<J extends PlannedJob>(
    store: J[],
    placed: Placed<J>[],
    now: number,
    retentionMs: number,
  ): Placed<J>[] {
    const expired = new Set(
      placed.filter((p) => p.timeline.end < now - retentionMs).map((p) => p.job),
    );
    if (expired.size > 0) {
      const keep = store.filter((j) => !expired.has(j));
      store.splice(0, store.length, ...keep);
    }
    return placed.filter((p) => !expired.has(p.job) && p.job.submittedAt <= now);
  }

  renderOptions(family: Family): RenderOptions {
    return {
      timeUnit: this.scenario.timeUnit,
      pendingSteps: this.scenario.pendingSteps,
      okWord: family === "readiness" ? "OK" : "SUCCESS",
    };
  }
}

function insertSorted<J extends PlannedJob>(list: J[], job: J): void {
  let i = list.length;
  while (i > 0 && (list[i - 1]?.submittedAt ?? 0) > job.submittedAt) i--;
  list.splice(i, 0, job);
}
