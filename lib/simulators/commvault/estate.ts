import type { Rng } from "@/lib/simulators/engine/rng";

export interface ReplicationPair {
  replicationId: number;
  clientId: number;
  clientName: string;
}

export interface DrGroup {
  /** Commvault's DR group id is the group's vApp id (the doc: drGroupId "from the vAppId"). */
  id: number;
  name: string;
  pairs: ReplicationPair[];
}

const GROUPS: Array<{ name: string; prefix: string; roles: string[] }> = [
  { name: "Finance-ERP", prefix: "fin", roles: ["app01", "app02", "db01", "web01"] },
  { name: "Web-Frontend", prefix: "web", roles: ["lb01", "node01", "node02"] },
  { name: "SQL-Prod", prefix: "sql", roles: ["node01", "node02", "witness"] },
  { name: "Exchange-DAG", prefix: "exch", roles: ["mbx01", "mbx02"] },
  { name: "File-Services", prefix: "fs", roles: ["smb01", "dfs01"] },
  { name: "HR-Portal", prefix: "hr", roles: ["app01", "db01"] },
];

/** The CommServe's DR groups: fixed names, seeded ids, two to four VMs each. */
export function buildDrGroups(rng: Rng): DrGroup[] {
  let replicationId = rng.int(18, 30);
  let clientId = rng.int(370, 400);
  let groupId = rng.int(30, 40);
  return GROUPS.map((g) => ({
    id: (groupId += rng.int(1, 3)),
    name: g.name,
    pairs: g.roles.map((role) => ({
      replicationId: replicationId++,
      clientId: (clientId += rng.int(1, 9)),
      clientName: `${g.prefix}-${role}`,
    })),
  }));
}
