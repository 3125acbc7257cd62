import { Pace, type Clock } from "@/lib/simulators/engine/clock";
import { Rng } from "@/lib/simulators/engine/rng";
import { Spawner } from "@/lib/simulators/engine/scenario";
import { ADMIN_SVM, NODES, SVMS, describeKind, pickKind, type JobKind } from "./catalogue";
import type { GroundTruthJob } from "@/lib/simulators/engine/simulator";
import { endAt, type Outcome, type SimJob, SUCCESS_MESSAGE, viewAt } from "./job";
import { cancelOutcome, isBrokenJob, type OntapScenario } from "./scenario";

const MINUTE = 60_000;

/**
 * The cluster's job table. Kept sorted by uuid (ONTAP's key, so its default order and the key of
 * its `next` cursor); state is derived from the clock, and `advance()` spawns and deletes jobs.
 */
export class OntapEstate {
  private jobs: SimJob[] = [];
  /** Final states of jobs already deleted, for the ground truth. */
  private readonly deleted = new Map<string, string>();
  private readonly byUuid = new Map<string, SimJob>();
  private readonly rng: Rng;
  private readonly spawner: Spawner;
  /** How long after it ends a job is deleted, at the cluster's pace. */
  private readonly retentionMs: number;
  /** Bumped on every insert or delete, so sorted views can be cached. */
  version = 0;

  constructor(
    private readonly clock: Clock,
    seed: number,
    private readonly scenario: OntapScenario,
    private readonly pace: Pace = new Pace(),
  ) {
    this.rng = new Rng(seed);
    this.retentionMs = pace.span(scenario.retentionMs);
    const now = clock.now();
    this.preloadBulk(now);
    for (let i = 0; i < scenario.initialJobs; i++) this.addInitial(now);
    this.spawner = new Spawner(
      { clock, rng: this.rng, historyMs: 0, meanIntervalMs: pace.span(scenario.meanIntervalMs) },
      (at, rng) => this.insert(this.plan(pickKind(rng), at, rng)),
    );
  }

  advance(): void {
    this.spawner.advance();
    if (!this.scenario.retainFinished) this.purge(this.clock.now());
  }

  get(uuid: string): SimJob | undefined {
    return this.byUuid.get(uuid);
  }

  groundTruth(): GroundTruthJob[] {
    this.advance();
    const now = this.clock.now();
    const live = this.jobs.map((job): GroundTruthJob => {
      const state = viewAt(job, now).state;
      return {
        vendorId: job.uuid,
        vendorState: state,
        final: state === "success" || state === "failure",
        broken: isBrokenJob(this.scenario, job.uuid),
      };
    });
    const gone = [...this.deleted].map(([vendorId, vendorState]): GroundTruthJob => ({
      vendorId,
      vendorState,
      final: true,
      expired: true,
      broken: isBrokenJob(this.scenario, vendorId),
    }));
    return [...live, ...gone];
  }

  /** All jobs, sorted by uuid. */
  all(): readonly SimJob[] {
    return this.jobs;
  }

  /** A job that starts now (control endpoint). */
  startNow(kind: JobKind, workMs: number | null): SimJob {
    const now = this.clock.now();
    const job = this.plan(kind, now, this.rng);
    job.startAt = now;
    if (workMs !== null) job.workMs = workMs;
    job.planned = this.success();
    this.insert(job);
    return job;
  }

  private plan(kind: JobKind, createdAt: number, rng: Rng): SimJob {
    const svm = kind.clusterScoped ? ADMIN_SVM : rng.pick(SVMS);
    const failure = rng.chance(kind.failureRate) ? rng.pick(kind.failures) : null;
    return {
      uuid: rng.uuid(),
      kind,
      description: describeKind(kind, rng),
      svm: { ...svm },
      node: rng.pick(NODES),
      createdAt,
      startAt: createdAt + (rng.chance(0.25) ? this.pace.span(rng.int(5_000, 60_000)) : 0),
      workMs: this.pace.span(rng.int(kind.minMs, kind.maxMs)),
      planned: failure ? { state: "failure", ...failure } : this.success(),
      pauses: [],
      forced: null,
    };
  }

  private success(): Outcome {
    return { state: "success", code: 0, message: SUCCESS_MESSAGE };
  }

  /** Recent history: short jobs from the retention window, long ones started up to 15 min ago. */
  private addInitial(now: number): void {
    const kind = pickKind(this.rng);
    const reach = kind.maxMs > MINUTE ? 15 * MINUTE : 4.5 * MINUTE;
    const job = this.plan(kind, now - this.pace.span(this.rng.int(0, reach)), this.rng);
    const ran = now - job.startAt;
    if (ran > 0 && kind.pausable && this.rng.chance(0.25) && ran < job.workMs) {
      job.pauses.push({ from: job.startAt + Math.floor(ran * this.rng.next()), to: null });
    } else if (ran > 0 && kind.cancellable && this.rng.chance(0.1)) {
      const at = job.startAt + Math.floor(Math.min(ran, job.workMs) * this.rng.next());
      job.forced = { ...cancelOutcome(this.scenario), at };
    }
    const end = endAt(job);
    if (end !== null && end + this.retentionMs <= now) return;
    this.insert(job);
  }

  private preloadBulk(now: number): void {
    const count = this.scenario.bulkJobs;
    for (let i = 0; i < count; i++) {
      const kind = pickKind(this.rng);
      const job = this.plan(
        kind,
        now - this.pace.span((count - i) * 3_000 + kind.maxMs + 2 * MINUTE),
        this.rng,
      );
      this.jobs.push(job);
      this.byUuid.set(job.uuid, job);
    }
    this.jobs.sort(byUuid);
    this.version++;
  }

  private insert(job: SimJob): void {
    let lo = 0;
    let hi = this.jobs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const at = this.jobs[mid];
      if (at && at.uuid < job.uuid) lo = mid + 1;
      else hi = mid;
    }
    this.jobs.splice(lo, 0, job);
    this.byUuid.set(job.uuid, job);
    this.version++;
  }

  private purge(now: number): void {
    const expired = (job: SimJob) => {
      const end = endAt(job);
      return end !== null && end + this.retentionMs <= now;
    };
    if (!this.jobs.some(expired)) return;
    this.jobs = this.jobs.filter((job) => {
      if (!expired(job)) return true;
      this.byUuid.delete(job.uuid);
      this.deleted.set(job.uuid, viewAt(job, now).state);
      return false;
    });
    this.version++;
  }
}

const byUuid = (a: SimJob, b: SimJob) => (a.uuid < b.uuid ? -1 : a.uuid > b.uuid ? 1 : 0);
