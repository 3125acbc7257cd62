import { Pace, type Clock } from "@/lib/simulators/engine/clock";
import type { GroundTruthJob } from "@/lib/simulators/engine/simulator";
import { Rng } from "@/lib/simulators/engine/rng";
import { Spawner } from "@/lib/simulators/engine/scenario";
import { JOB_DEFINITIONS, naturalEndMs, paceSession, planSession, type SessionPlan } from "./plan";
import type { SppScenario } from "./scenario";
import { isStoppable, sessionState } from "./timeline";

const MAX_CONCURRENT = 3;
/** Sessions that ended longer ago than this cannot hold a slot for a session being placed now. */
const SLOT_LOOKBACK_MS = 24 * 3_600_000;

/** All job sessions the simulated SPP server knows, created by seed and clock. */
export class SppEstate {
  private readonly sessions = new Map<string, SessionPlan>();
  /** Final statuses of sessions retention has removed, for the ground truth. */
  private readonly expired = new Map<string, string>();
  private readonly spawner: Spawner;
  private readonly controlRng: Rng;
  /**
   * Sessions that may still hold a run slot, oldest first: placing a session looks only at these,
   * so building a year of history (~44,000 sessions) is linear, not quadratic.
   */
  private recent: SessionPlan[] = [];
  private retainedAt = Number.NaN;

  constructor(
    private readonly clock: Clock,
    seed: number,
    readonly scenario: SppScenario,
    private readonly pace: Pace = new Pace(),
  ) {
    this.controlRng = new Rng(seed ^ 0xc0ffee);
    this.spawner = new Spawner(
      {
        clock,
        rng: new Rng(seed),
        historyMs: pace.span(scenario.historyMs),
        meanIntervalMs: pace.span(scenario.meanIntervalMs),
      },
      (startAt, rng) => this.spawn(startAt, rng),
    );
    this.spawner.advance();
    this.startLiveSessions(new Rng(seed ^ 0x11fe));
  }

  /** Random history may happen to be quiet right now; a console demo wants work in flight and in the queue. */
  private startLiveSessions(rng: Rng): void {
    const now = this.clock.now();
    for (const minutesAgo of [14, 9, 4, 1]) {
      const startAt = now - this.pace.span(minutesAgo * 60_000 + rng.int(0, 59_000));
      const plan = paceSession(
        planSession(this.freeId(startAt), startAt, rng, { queueMs: 0 }),
        this.pace,
      );
      const queued = minutesAgo === 1 ? now - startAt + this.pace.span(rng.int(90, 240) * 1000) : 0;
      plan.queueMs = Math.max(queued, this.waitForSlot(startAt));
      this.add(plan);
    }
  }

  now(): number {
    return this.clock.now();
  }

  /** Brings the estate up to the clock's time; call before answering anything. */
  advance(): void {
    this.spawner.advance();
    // Retention only moves with the clock: a burst of requests at one instant scans once.
    if (this.clock.now() === this.retainedAt) return;
    this.retainedAt = this.clock.now();
    const horizon = this.clock.now() - this.pace.span(this.scenario.retentionMs);
    for (const [id, plan] of this.sessions) {
      const { endMs, status } = sessionState(plan, this.clock.now(), this.scenario.cancelingMs);
      if (endMs !== null && endMs < horizon) {
        this.sessions.delete(id);
        this.expired.set(id, status);
      }
    }
  }

  all(): SessionPlan[] {
    return [...this.sessions.values()];
  }

  /** A scenario's deliberately unreadable session (brokenSessionEvery). */
  isBroken(id: string): boolean {
    const every = this.scenario.brokenSessionEvery;
    return every > 0 && Number(id) % every === 0;
  }

  groundTruth(): GroundTruthJob[] {
    this.advance();
    const now = this.clock.now();
    const live = this.all().map((plan): GroundTruthJob => {
      const state = sessionState(plan, now, this.scenario.cancelingMs);
      return {
        vendorId: plan.id,
        vendorState: state.status,
        final: state.endMs !== null,
        broken: this.isBroken(plan.id),
      };
    });
    const gone = [...this.expired].map(([vendorId, vendorState]): GroundTruthJob => ({
      vendorId,
      vendorState,
      final: true,
      expired: true,
      broken: this.isBroken(vendorId),
    }));
    return [...live, ...gone];
  }

  get(id: string): SessionPlan | undefined {
    return this.sessions.get(id);
  }

  private spawn(startAt: number, rng: Rng): void {
    const plan = paceSession(planSession(this.freeId(startAt), startAt, rng), this.pace);
    plan.queueMs = Math.max(plan.queueMs, this.waitForSlot(startAt));
    // Some history ends by hand: an operator cancel, or a failure that takes the whole session down.
    const roll = rng.next();
    const runStart = plan.startMs + plan.queueMs;
    const at = runStart + Math.round((naturalEndMs(plan) - runStart) * (0.3 + rng.next() * 0.4));
    if (roll < 0.04)
      plan.stop = {
        at,
        kind: "cancel",
        catalogCompletedObjects: rng.chance(0.5),
        reason: "user admin",
      };
    else if (roll < 0.08)
      plan.stop = {
        at,
        kind: "fail",
        catalogCompletedObjects: true,
        reason: "Job session failed: vSnap server 10.0.2.11 is not responding",
      };
    this.add(plan);
  }

  private add(plan: SessionPlan): void {
    this.sessions.set(plan.id, plan);
    this.recent.push(plan);
  }

  /** SPP runs a few sessions at once; a new one waits (PENDING) until the earliest running one ends. */
  private waitForSlot(at: number): number {
    this.recent = this.recent.filter((p) => naturalEndMs(p) > at - SLOT_LOOKBACK_MS);
    const busyUntil = this.recent
      .filter(
        (p) =>
          this.sessions.has(p.id) && !p.stop && p.startMs + p.queueMs <= at && naturalEndMs(p) > at,
      )
      .map((p) => naturalEndMs(p));
    if (busyUntil.length < MAX_CONCURRENT) return 0;
    return Math.min(...busyUntil) - at;
  }

  /** Session ids are start times in epoch ms; two sessions started in the same ms get the next free one. */
  private freeId(startAt: number): string {
    let id = startAt;
    while (this.sessions.has(String(id))) id += 1;
    return String(id);
  }

  /** A session that starts now (the /__sim/jobs control). */
  createNow(options: { durationMs?: number; type?: string }): SessionPlan {
    const now = this.clock.now();
    const wanted = options.type?.toUpperCase();
    const definition = JOB_DEFINITIONS.find(
      (d) =>
        d.progressType === wanted ||
        d.subPolicyType === wanted ||
        d.jobName.toUpperCase() === wanted,
    );
    const plan = planSession(this.freeId(now), now, this.controlRng, {
      durationMs: options.durationMs ?? this.pace.span(600_000),
      queueMs: 0,
      ...(definition ? { definition } : {}),
    });
    this.add(plan);
    return plan;
  }

  /** Stops a running or pending session; false when it has already finished. */
  stop(
    id: string,
    kind: "cancel" | "fail",
    catalogCompletedObjects: boolean,
    reason: string,
  ): boolean {
    const plan = this.sessions.get(id);
    const now = this.clock.now();
    if (!plan || !isStoppable(plan, now, this.scenario.cancelingMs)) return false;
    plan.stop = { at: now, kind, catalogCompletedObjects, reason };
    return true;
  }
}
