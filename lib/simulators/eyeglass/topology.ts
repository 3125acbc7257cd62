/** The simulated PowerScale estate Eyeglass manages: two replicated cluster pairs, their access zones and SyncIQ policies. */

export interface ClusterNode {
  id: string;
  ip: string;
  name: string;
}

export interface ReadinessIssue {
  check: string;
  status: "WARNING" | "ERROR";
  reason: string;
}

export interface Zone {
  id: string;
  name: string;
  policies: Policy[];
  /** Standing readiness findings; failovers of this zone see them and blockonwarnings stops on them. */
  issues: ReadinessIssue[];
}

export interface Policy {
  id: string;
  name: string;
  zoneId: string;
}

export interface ClusterPair {
  production: ClusterNode;
  dr: ClusterNode;
  zones: Zone[];
}

function zone(
  pairKey: string,
  name: string,
  policies: string[],
  issues: ReadinessIssue[] = [],
): Zone {
  const id = `${pairKey}-${name}`;
  return {
    id,
    name,
    issues,
    policies: policies.map((p) => ({ id: `${pairKey}-${p}`, name: p, zoneId: id })),
  };
}

export const PAIRS: readonly ClusterPair[] = [
  {
    production: { id: "prod-isilon01", ip: "10.20.1.10", name: "PROD-ISILON01" },
    dr: { id: "dr-isilon01", ip: "10.40.1.10", name: "DR-ISILON01" },
    zones: [
      zone("p1", "zone-finance", ["finance-home", "finance-shares"]),
      zone(
        "p1",
        "zone-eng",
        ["eng-projects", "eng-builds", "eng-scratch"],
        [
          {
            check: "SPN validation",
            status: "WARNING",
            reason: "SPN HOST/eng.corp.example.com missing for SmartConnect alias",
          },
        ],
      ),
      zone("p1", "zone-hr", ["hr-data"]),
    ],
  },
  {
    production: { id: "bos-ps01", ip: "10.60.1.10", name: "BOS-PS01" },
    dr: { id: "nyc-ps01", ip: "10.80.1.10", name: "NYC-PS01" },
    zones: [zone("p2", "zone-media", ["media-archive", "media-render"])],
  },
];

export const PRODUCTION_CLUSTERS = PAIRS.map((p) => p.production.name);

export function allNodes(): ClusterNode[] {
  return PAIRS.flatMap((p) => [p.production, p.dr]);
}

/** The pair a source/target node combination belongs to, in either direction. */
export function pairOf(sourceId: string, targetId: string): ClusterPair | null {
  return (
    PAIRS.find(
      (p) =>
        (p.production.id === sourceId && p.dr.id === targetId) ||
        (p.dr.id === sourceId && p.production.id === targetId),
    ) ?? null
  );
}

export function findPolicy(
  policyId: string,
): { pair: ClusterPair; zone: Zone; policy: Policy } | null {
  for (const pair of PAIRS) {
    for (const z of pair.zones) {
      const policy = z.policies.find((p) => p.id === policyId);
      if (policy) return { pair, zone: z, policy };
    }
  }
  return null;
}
