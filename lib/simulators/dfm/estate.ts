import { Pace, type Clock } from "@/lib/simulators/engine/clock";
import { Rng } from "@/lib/simulators/engine/rng";
import { Spawner } from "@/lib/simulators/engine/scenario";
import { DATASETS, findDataset } from "./catalog";
import type { SimJob } from "./job";
import { paceJob } from "./pace";
import { planJob } from "./plan";
import type { DfmScenario, DpJobType } from "./scenario";
import { jobAt } from "./timeline";
import { ZapiError } from "./zapi-error";

const TYPE_WEIGHTS: ReadonlyArray<[DpJobType, number]> = [
  ["remote_backup", 34],
  ["local_backup", 26],
  ["mirror", 20],
  ["on_demand_backup", 7],
  ["restore", 6],
  ["create_relationship", 4],
  ["destroy_relationship", 3],
];

export interface NewJob {
  type?: DpJobType;
  durationMs?: number;
  bytes?: bigint;
  dataset?: string;
}

/** Every job the server knows, created by the spawner (history, then live) or on request. */
export class Estate {
  private readonly jobs = new Map<number, SimJob>();
  private nextId = 5001;
  private readonly spawner: Spawner;

  constructor(
    private readonly seed: number,
    readonly clock: Clock,
    readonly scenario: DfmScenario,
    private readonly pace: Pace = new Pace(),
  ) {
    const rng = new Rng(seed);
    this.spawner = new Spawner(
      {
        clock,
        rng,
        historyMs: pace.span(scenario.historyHours * 3_600_000),
        meanIntervalMs: pace.span(scenario.meanIntervalMs),
      },
      (submittedAt, r) => this.spawn(submittedAt, r),
    );
  }

  advance(): void {
    this.spawner.advance();
  }

  /**
   * Right after start, makes sure a demo shows live work whatever the seed: at least two running
   * jobs and one queued behind them.
   */
  ensureLiveWork(): void {
    const now = this.clock.now();
    const states = this.list().map((j) => jobAt(j, now).state);
    const rng = new Rng(this.seed * 104_729 + 1);
    for (let running = states.filter((s) => s === "running").length; running < 2; running++) {
      this.add(
        { type: "remote_backup", dataset: rng.pick(DATASETS).name },
        now - this.pace.span(rng.int(30_000, 120_000)),
        rng,
        this.pace.span(240_000),
      );
    }
    if (!states.includes("queued"))
      this.add(
        { type: "mirror", dataset: rng.pick(DATASETS).name },
        now + this.pace.span(rng.int(120_000, 240_000)),
        rng,
        this.pace.span(300_000),
      );
  }

  now(): number {
    return this.clock.now();
  }

  list(): SimJob[] {
    return [...this.jobs.values()].filter((j) => !j.purged);
  }

  get(id: number): SimJob | undefined {
    const job = this.jobs.get(id);
    return job && !job.purged ? job : undefined;
  }

  /** A job that starts now (control endpoint): no random failures, so tests decide its fate. */
  create(req: NewJob): SimJob {
    return this.add(req, this.clock.now(), new Rng(this.seed * 7919 + this.nextId), req.durationMs);
  }

  private add(req: NewJob, startMs: number, rng: Rng, durationMs: number | undefined): SimJob {
    const id = this.nextId++;
    const dataset = (req.dataset ? findDataset(req.dataset) : null) ?? rng.pick(DATASETS);
    const type = req.type ?? "remote_backup";
    const perTransfer =
      durationMs === undefined
        ? undefined
        : Math.max(1_000, Math.round(durationMs / transferCount(type, dataset.qtrees.length)));
    const planned = planJob(
      { id, type, dataset, startMs, transferMs: perTransfer, bytes: req.bytes, mishaps: false },
      rng,
    );
    // A length the caller chose is taken as given; otherwise the job runs at the server's pace.
    const job = durationMs === undefined ? paceJob(planned, this.pace) : planned;
    this.jobs.set(id, job);
    return job;
  }

  abort(id: number, user: string): SimJob {
    const job = this.get(id);
    if (!job) throw new ZapiError("EJOBDOESNOTEXIST", `Job ${id} does not exist.`);
    const now = this.clock.now();
    const at = jobAt(job, now);
    if (at.state === "aborting" || at.state === "aborted")
      throw new ZapiError("EJOBALREADYABORTED", `Job ${id} has already been aborted.`);
    if (at.state === "completed")
      throw new ZapiError("EJOBALREADYCOMPLETED", `Job ${id} has already completed.`);
    if (this.scenario.unabortableJobTypes.includes(job.type)) {
      throw new ZapiError(
        "EJOBCANNOTBEABORTED",
        `Job ${id} of type ${job.type} cannot be aborted.`,
      );
    }
    job.abortRequestedMs = now;
    job.abortDoneMs = now + this.pace.span(this.scenario.abortDelayMs);
    job.abortedBy = user;
    return job;
  }

  /** Makes a running job fail now; false when it is not running. */
  fail(id: number): boolean {
    const job = this.get(id);
    const now = this.clock.now();
    if (!job || jobAt(job, now).state !== "running") return false;
    job.failedMs = now;
    if (job.abortRequestedMs !== null && job.abortRequestedMs > now) {
      job.abortRequestedMs = null;
      job.abortDoneMs = null;
    }
    return true;
  }

  /**
   * Per the 3.6R2 document, only successfully completed jobs are purged unless
   * purge-jobs-completed-with-error is set; a failed job asked for without it stays, silently.
   */
  purgeJob(id: number, withErrors: boolean): void {
    const job = this.get(id);
    if (!job) throw new ZapiError("EJOBDOESNOTEXIST", `Job ${id} does not exist.`);
    const at = jobAt(job, this.clock.now());
    if (at.state !== "completed" && at.state !== "aborted")
      throw new ZapiError("EINVALIDINPUT", `Job ${id} has not completed and cannot be purged.`);
    const clean =
      at.state === "completed" && (at.progress === "success" || at.progress === "in_progress");
    if (clean || withErrors) job.purged = true;
  }

  /** Jobs completed before `beforeMs`: successful ones, plus those completed with error when asked. */
  purgeCompletedBefore(beforeMs: number, withErrors: boolean): number {
    let count = 0;
    for (const job of this.list()) {
      const at = jobAt(job, this.clock.now());
      if (at.completedMs === null || at.completedMs >= beforeMs) continue;
      const clean =
        at.state === "completed" && (at.progress === "success" || at.progress === "in_progress");
      if (clean || withErrors) {
        job.purged = true;
        count += 1;
      }
    }
    return count;
  }

  private spawn(submittedAt: number, rng: Rng): void {
    const id = this.nextId++;
    const type = weighted(rng);
    const dataset = rng.pick(DATASETS);
    const queueMs = this.pace.span(
      rng.chance(0.15) ? rng.int(60_000, 300_000) : rng.int(0, 20_000),
    );
    const planRng = new Rng(rng.int(1, 2 ** 31 - 1));
    this.jobs.set(
      id,
      paceJob(
        planJob({ id, type, dataset, startMs: submittedAt + queueMs, mishaps: true }, planRng),
        this.pace,
      ),
    );
  }
}

function transferCount(type: DpJobType, qtrees: number): number {
  return type === "remote_backup" || type === "on_demand_backup" ? qtrees : 1;
}

function weighted(rng: Rng): DpJobType {
  const total = TYPE_WEIGHTS.reduce((s, [, w]) => s + w, 0);
  let roll = rng.next() * total;
  for (const [type, w] of TYPE_WEIGHTS) {
    roll -= w;
    if (roll < 0) return type;
  }
  return "remote_backup";
}
