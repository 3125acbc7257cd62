import type { Pace } from "@/lib/simulators/engine/clock";
import type { Rng } from "@/lib/simulators/engine/rng";
import { NO_FLAGS, type FailoverRequest, type Timing } from "./failover-jobs";
import type { Fate, FailoverFlags } from "./failover-plan";
import type { FailoverKind } from "./scenario";
import { PAIRS, type ClusterPair, type Zone } from "./topology";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

function pickFate(rng: Rng): Fate {
  const r = rng.next();
  if (r < 0.07) return "failed";
  if (r < 0.12) return "partial";
  if (r < 0.25) return "warning";
  return "success";
}

function randomFlags(rng: Rng): FailoverFlags {
  const controlled = rng.chance(0.7);
  return {
    controlled,
    datasync: controlled && rng.chance(0.8),
    configsync: rng.chance(0.9),
    resyncprep: rng.chance(0.6),
    disablemirror: rng.chance(0.2),
    quotasync: rng.chance(0.5),
    blockonwarnings: rng.chance(0.2),
    rollbackrenamedshares: rng.chance(0.5),
    smbdataintegrity: rng.chance(0.3),
  };
}

function request(
  pair: ClusterPair,
  zone: Zone,
  kind: FailoverKind,
  enter: boolean,
  flags: FailoverFlags,
  scope: FailoverRequest["scope"] = "zone",
): FailoverRequest {
  const back = kind === "failback";
  const source = back ? pair.dr : pair.production;
  const target = back ? pair.production : pair.dr;
  const firstPolicy = zone.policies.slice(0, 1);
  const base = { source, target, zone, pool: null, flags };
  if (kind === "drtest")
    return {
      ...base,
      mode: enter ? "drtest-enter" : "drtest-exit",
      scope: "policy",
      policies: firstPolicy,
    };
  if (kind === "rehearsal")
    return {
      ...base,
      mode: enter ? "rehearsal-enter" : "rehearsal-exit",
      scope: "zone",
      policies: zone.policies,
    };
  if (scope === "policy") return { ...base, mode: "failover", scope, policies: firstPolicy };
  const pool = scope === "pool" ? `groupnet0:subnet0:${zone.name.replace("zone-", "pool-")}` : null;
  return { ...base, mode: "failover", scope, policies: zone.policies, pool };
}

/** One job of the generated history: mostly DR tests and rehearsals, some real failovers and failbacks. */
export function randomFailoverRequest(rng: Rng): { request: FailoverRequest; fate: Fate } {
  const pair = rng.pick(PAIRS);
  const zone = rng.pick(pair.zones);
  const r = rng.next();
  const kind: FailoverKind =
    r < 0.35 ? "drtest" : r < 0.5 ? "rehearsal" : r < 0.85 ? "failover" : "failback";
  const scope = rng.pick(["zone", "zone", "zone", "policy", "pool"] as const);
  const flags =
    kind === "drtest"
      ? { ...NO_FLAGS, configsync: rng.chance(0.7), datasync: rng.chance(0.7) }
      : randomFlags(rng);
  return { request: request(pair, zone, kind, rng.chance(0.6), flags, scope), fate: pickFate(rng) };
}

const ALL_ZONES = PAIRS.flatMap((pair) => pair.zones.map((zone) => ({ pair, zone })));

/** The i-th scripted failover: zones in turn, with the options a careful operator would pick. */
export function scriptedRequest(kind: FailoverKind, i: number): FailoverRequest {
  const entry = ALL_ZONES[i % ALL_ZONES.length] ?? ALL_ZONES[0];
  if (!entry) throw new Error("eyeglass topology has no zones");
  return request(entry.pair, entry.zone, kind, true, {
    ...NO_FLAGS,
    controlled: true,
    configsync: true,
    datasync: true,
  });
}

type AddDemo = (
  req: FailoverRequest,
  at: { submittedAt: number; immediate: boolean },
  fate: Fate,
  timing: Timing,
  cancelAfterMs?: number,
) => void;

/** A failover running now with a DR test queued behind it, and a few notable ones in the past weeks (all at the appliance's pace). */
export function seedDemoFailovers(now: number, pace: Pace, add: AddDemo): void {
  const [p1, p2] = PAIRS;
  const zones = p1?.zones ?? [];
  const [finance, eng, hr] = zones;
  const media = p2?.zones[0];
  if (!p1 || !p2 || !finance || !eng || !hr || !media) return;
  const careful: FailoverFlags = {
    ...NO_FLAGS,
    controlled: true,
    configsync: true,
    datasync: true,
    quotasync: true,
    resyncprep: true,
    rollbackrenamedshares: true,
  };
  const past = (daysAgo: number) => ({
    submittedAt: now - pace.span(daysAgo * DAY),
    immediate: true,
  });
  add(request(p2, media, "failback", true, careful), past(12), "success", {});
  add(request(p1, eng, "failover", true, careful), past(9), "partial", {});
  add(
    request(p1, finance, "drtest", true, { ...NO_FLAGS, datasync: true }),
    past(5),
    "success",
    {},
    pace.span(90_000),
  );
  add(request(p1, hr, "failover", true, careful), past(2), "failed", {});
  add(
    request(p1, finance, "failover", true, careful),
    { submittedAt: now - pace.span(6 * MINUTE), immediate: false },
    "success",
    { durationMs: pace.span(20 * MINUTE) },
  );
  add(
    request(p1, eng, "drtest", true, { ...NO_FLAGS, configsync: true, datasync: true }),
    { submittedAt: now - pace.span(2 * MINUTE), immediate: false },
    "success",
    {},
  );
}
