import { Pace, type Clock } from "@/lib/simulators/engine/clock";
import { Rng } from "@/lib/simulators/engine/rng";
import { Spawner } from "@/lib/simulators/engine/scenario";
import { buildDrGroups, type DrGroup } from "./estate";
import { buildJob, pickFailures, type JobPlan } from "./generate";
import { isFinished, pairPhasesAt, statusAt, type SimJob } from "./job";
import type { GroundTruthJob } from "@/lib/simulators/engine/simulator";
import type { CreateJobRequest, DrJobType, Scenario } from "./options";
import { failureReason } from "./sequences";

/** Jobs newer than this are all kept; older history is thinned to `historyDensity`. */
const LIVE_WINDOW_MS = 3 * 3_600_000;
const USERS = ["admin", "dr-operator", "svc-orchestrator"];
const TYPE_WEIGHTS: Array<[DrJobType, number]> = [
  ["test-failover", 0.4],
  ["planned-failover", 0.25],
  ["failback", 0.2],
  ["unplanned-failover", 0.15],
];

const ceilSecond = (ms: number) => Math.ceil(ms / 1000) * 1000;
/** Times go out in whole seconds; a job asked for "now" must already be running when next read. */
const floorSecond = (ms: number) => Math.floor(ms / 1000) * 1000;

export type ActionOutcome = { ok: true } | { ok: false; code: number; message: string };

/** The CommServe's DR jobs: a pure function of seed, clock and the actions taken on them. */
export class DrJobStore {
  readonly groups: DrGroup[];
  private readonly jobs = new Map<number, SimJob>();
  /** Final statuses of jobs that aged out of the CommServe's history, for the ground truth. */
  private readonly expired = new Map<number, string>();
  private readonly spawner: Spawner;
  private readonly extraRng: Rng;
  private readonly createdAt: number;
  private nextId: number;
  private seeded = false;

  constructor(
    private readonly clock: Clock,
    seed: number,
    private readonly scenario: Scenario,
    private readonly pace: Pace = new Pace(),
  ) {
    this.createdAt = clock.now();
    this.groups = buildDrGroups(new Rng(seed ^ 0x5bd1e995));
    this.extraRng = new Rng(seed + 101);
    this.nextId = 2400 + this.extraRng.int(0, 99);
    this.spawner = new Spawner(
      {
        clock,
        rng: new Rng(seed),
        historyMs: pace.span(scenario.historyMs),
        meanIntervalMs: pace.span(scenario.meanIntervalMs),
      },
      (at, rng) => this.spawn(at, rng),
    );
  }

  /** Brings the estate up to the clock: new jobs, seeded live work, expired history dropped. */
  advance(): void {
    this.spawner.advance();
    if (!this.seeded) {
      this.seeded = true;
      if (this.scenario.liveJobs) this.seedLiveJobs();
    }
    const oldest = this.clock.now() - this.pace.span(this.scenario.historyMs);
    for (const [id, job] of this.jobs) {
      if (job.startAt >= oldest) continue;
      this.jobs.delete(id);
      this.expired.set(id, statusAt(job, this.clock.now()));
    }
  }

  /** A scenario's deliberately unreadable job (brokenJobEvery). */
  isBroken(jobId: number): boolean {
    return this.scenario.brokenJobEvery > 0 && jobId % this.scenario.brokenJobEvery === 0;
  }

  groundTruth(): GroundTruthJob[] {
    this.advance();
    const now = this.clock.now();
    const live = this.list().map((job): GroundTruthJob => {
      const status = statusAt(job, now);
      return {
        vendorId: String(job.jobId),
        vendorState: status,
        final: isFinished(status),
        broken: this.isBroken(job.jobId),
      };
    });
    const gone = [...this.expired].map(([id, status]): GroundTruthJob => ({
      vendorId: String(id),
      vendorState: status,
      final: true,
      expired: true,
      broken: this.isBroken(id),
    }));
    return [...live, ...gone];
  }

  list(): SimJob[] {
    return [...this.jobs.values()];
  }

  get(jobId: number): SimJob | undefined {
    return this.jobs.get(jobId);
  }

  create(req: CreateJobRequest): SimJob {
    const group =
      this.groups.find((g) => g.id === req.drGroupId) ?? this.extraRng.pick(this.groups);
    return this.add(
      {
        type: req.type ?? this.extraRng.pick(["planned-failover", "test-failover"] as const),
        group,
        user: USERS[0] ?? "admin",
        startAt: floorSecond(this.clock.now()),
        failures: new Map(),
        durationMs: req.durationMs,
        rtoMs: req.rtoMs ?? this.scenario.fixedRtoMs,
      },
      this.extraRng,
    );
  }

  pause(jobId: number): ActionOutcome {
    return this.act(jobId, ["Running", "Waiting"], "cannot be suspended", (job, now) => {
      job.pauses.push({ from: now, to: null });
    });
  }

  resume(jobId: number): ActionOutcome {
    return this.act(jobId, ["Suspended"], "cannot be resumed", (job, now) => {
      const open = job.pauses.at(-1);
      if (open) open.to = now;
    });
  }

  kill(jobId: number, user: string): ActionOutcome {
    return this.act(jobId, ["Running", "Waiting", "Suspended"], "cannot be killed", (job, now) => {
      const open = job.pauses.at(-1);
      if (open && open.to === null) open.to = now;
      job.killedAt = now;
      job.killedBy = user;
    });
  }

  /** Test control: the running job fails now, on the phase each pair is in. */
  fail(jobId: number): boolean {
    const job = this.jobs.get(jobId);
    const now = this.clock.now();
    if (!job || statusAt(job, now) !== "Running") return false;
    const running = job.pairs
      .map((pair) => ({ pair, phase: pairPhasesAt(job, pair, now).at(-1) }))
      .find((p) => p.phase && p.phase.end === null);
    job.failedAt = now;
    job.failReason = running?.phase
      ? failureReason(running.phase.code, running.pair.clientName)
      : `DR job [${jobId}] failed.`;
    return true;
  }

  private act(
    jobId: number,
    allowed: string[],
    verb: string,
    apply: (job: SimJob, now: number) => void,
  ): ActionOutcome {
    const job = this.jobs.get(jobId);
    if (!job) return { ok: false, code: 1, message: `Invalid job ID [${jobId}].` };
    const now = this.clock.now();
    const status = statusAt(job, now);
    if (!allowed.includes(status)) {
      return {
        ok: false,
        code: 2,
        message: `Job [${jobId}] ${verb} in its current state [${status}].`,
      };
    }
    apply(job, now);
    return { ok: true };
  }

  private add(plan: Omit<JobPlan, "jobId" | "unknownPhaseCode">, rng: Rng): SimJob {
    this.nextId += 1 + rng.int(0, 30);
    const job = buildJob(
      {
        ...plan,
        jobId: this.nextId,
        unknownPhaseCode: this.scenario.unknownPhaseCode,
        pace: this.pace,
      },
      rng,
    );
    this.jobs.set(job.jobId, job);
    return job;
  }

  private spawn(at: number, rng: Rng): void {
    if (
      at < this.createdAt - this.pace.span(LIVE_WINDOW_MS) &&
      !rng.chance(this.scenario.historyDensity)
    )
      return;
    const type = pickType(rng);
    const group = rng.pick(this.groups);
    const queued = rng.chance(0.15)
      ? Math.max(1, Math.round(rng.int(60, 600) / this.pace.speed)) * 1000
      : 0;
    const rtoMs = this.scenario.fixedRtoMs;
    const failures =
      rtoMs === undefined ? pickFailures(type, group.pairs.length, rng) : new Map<number, number>();
    const job = this.add(
      { type, group, user: rng.pick(USERS), startAt: ceilSecond(at) + queued, failures, rtoMs },
      rng,
    );
    if (rtoMs === undefined && failures.size === 0 && rng.chance(0.04)) {
      const length = Math.max(...job.pairs.map((p) => p.phases.at(-1)?.endMs ?? 0));
      job.killedAt = job.startAt + Math.round(length * (0.2 + rng.next() * 0.6));
      job.killedBy = rng.pick(USERS);
    }
  }

  /** A planned failover well under way, a DR test just started and a failover waiting to start. */
  private seedLiveJobs(): void {
    const now = ceilSecond(this.clock.now());
    const [first, second, third] = this.groups;
    const rtoMs = this.scenario.fixedRtoMs;
    const seeds: Array<[DrJobType, DrGroup | undefined, number]> = [
      ["planned-failover", first, now - ceilSecond(this.pace.span(8 * 60_000))],
      ["test-failover", second, now - ceilSecond(this.pace.span(2 * 60_000))],
      ["unplanned-failover", third, now + ceilSecond(this.pace.span(4 * 60_000))],
    ];
    for (const [type, group, startAt] of seeds) {
      if (group)
        this.add(
          { type, group, user: "dr-operator", startAt, failures: new Map(), rtoMs },
          this.extraRng,
        );
    }
  }
}

function pickType(rng: Rng): DrJobType {
  let roll = rng.next();
  for (const [type, weight] of TYPE_WEIGHTS) {
    roll -= weight;
    if (roll < 0) return type;
  }
  return "test-failover";
}
