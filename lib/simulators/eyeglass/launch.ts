import { FAILOVER_FLAGS, type FailoverFlags } from "./failover-plan";
import type { FailoverRequest } from "./failover-jobs";
import { NO_FLAGS } from "./failover-jobs";
import { findPolicy, pairOf, type ClusterPair, type Policy, type Zone } from "./topology";

/** A 400 the way Eyeglass words it. */
export class BadRequest extends Error {}

function bool(query: URLSearchParams, name: string, fallback: boolean): boolean {
  const v = query.get(name);
  if (v === null || v === "") return fallback;
  if (v === "true") return true;
  if (v === "false") return false;
  throw new BadRequest(`Invalid request parameters: ${name} must be true or false`);
}

function required(query: URLSearchParams, name: string): string {
  const v = query.get(name);
  if (!v) throw new BadRequest(`Invalid request parameters: ${name} is required`);
  return v;
}

const POOL_FORMAT = /^[^:\s]+:[^:\s]+:[^:\s]+$/;

interface Target {
  pair: ClusterPair;
  zone: Zone;
  policies: Policy[];
  scope: FailoverRequest["scope"];
  pool: string | null;
}

/** sourceid/targetid/failovertarget/pool: a zone id, or comma-separated SyncIQ policy ids of one zone. */
function resolveTarget(query: URLSearchParams): Target & { back: boolean } {
  const sourceId = required(query, "sourceid");
  const targetId = required(query, "targetid");
  const pair = pairOf(sourceId, targetId);
  if (!pair)
    throw new BadRequest(
      `Invalid request parameters: no replication between ${sourceId} and ${targetId}`,
    );
  const back = pair.dr.id === sourceId;
  const wanted = required(query, "failovertarget");
  const pool = query.get("pool") || null;
  if (pool !== null && !POOL_FORMAT.test(pool)) {
    throw new BadRequest("Invalid request parameters: pool must be groupName:subnetName:poolName");
  }
  const zone = pair.zones.find((z) => z.id === wanted);
  if (zone)
    return { pair, zone, policies: zone.policies, scope: pool ? "pool" : "zone", pool, back };
  if (pool)
    throw new BadRequest(
      "Invalid request parameters: pool failover needs an access zone as failovertarget",
    );
  const ids = wanted
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const found = ids.map((id) => findPolicy(id));
  const policies: Policy[] = [];
  let policyZone: Zone | null = null;
  for (const [i, f] of found.entries()) {
    if (!f || f.pair !== pair)
      throw new BadRequest(`Invalid request parameters: unknown failovertarget ${ids[i] ?? ""}`);
    if (policyZone && policyZone !== f.zone)
      throw new BadRequest("Invalid request parameters: policies must belong to one access zone");
    policyZone = f.zone;
    policies.push(f.policy);
  }
  if (!policyZone)
    throw new BadRequest(`Invalid request parameters: unknown failovertarget ${wanted}`);
  return { pair, zone: policyZone, policies, scope: "policy", pool: null, back };
}

function nodes(t: { pair: ClusterPair; back: boolean }) {
  return t.back
    ? { source: t.pair.dr, target: t.pair.production }
    : { source: t.pair.production, target: t.pair.dr };
}

export function parseFailoverLaunch(query: URLSearchParams): FailoverRequest {
  const t = resolveTarget(query);
  const flags = Object.fromEntries(
    FAILOVER_FLAGS.map((f) => [f, bool(query, f, false)]),
  ) as FailoverFlags;
  return {
    mode: "failover",
    scope: t.scope,
    ...nodes(t),
    zone: t.zone,
    policies: t.policies,
    pool: t.pool,
    flags,
  };
}

export function parseRehearsalLaunch(query: URLSearchParams): FailoverRequest {
  const enable = bool(query, "enable", true);
  const t = resolveTarget(query);
  return {
    mode: enable ? "rehearsal-enter" : "rehearsal-exit",
    scope: t.scope,
    ...nodes(t),
    zone: t.zone,
    policies: t.policies,
    pool: t.pool,
    flags: NO_FLAGS,
  };
}

export function parseDrTestLaunch(query: URLSearchParams): FailoverRequest {
  const enable = bool(query, "enable", true);
  const policyId = required(query, "policy");
  const found = findPolicy(policyId);
  if (!found) throw new BadRequest(`Invalid request parameters: unknown policy ${policyId}`);
  const flags = {
    ...NO_FLAGS,
    configsync: bool(query, "configsync", false),
    datasync: bool(query, "datasync", false),
  };
  return {
    mode: enable ? "drtest-enter" : "drtest-exit",
    scope: "policy",
    source: found.pair.production,
    target: found.pair.dr,
    zone: found.zone,
    policies: [found.policy],
    pool: null,
    flags,
  };
}
