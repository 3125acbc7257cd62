/** The protected estate a DFM server manages: datasets, their policy nodes and storage. */
export interface PolicyNode {
  id: number;
  name: string;
}

export interface Dataset {
  id: number;
  name: string;
  policyId: number;
  policyName: string;
  primary: PolicyNode;
  backup: PolicyNode;
  mirror: PolicyNode;
  /** Policy connections, used by the scheduler's transfer jobs. */
  backupConnectionId: number;
  mirrorConnectionId: number;
  primaryFiler: string;
  backupFiler: string;
  mirrorFiler: string;
  volume: string;
  qtrees: readonly string[];
}

export interface ResourceGroup {
  id: number;
  name: string;
  datasetIds: readonly number[];
}

const SPECS: ReadonlyArray<[string, string, string, readonly string[]]> = [
  [
    "ds_exchange_prod",
    "Back up, then mirror",
    "vol_exch",
    ["qt_mailstore1", "qt_mailstore2", "qt_logs"],
  ],
  ["ds_sql_finance", "Back up", "vol_sqlfin", ["qt_data", "qt_logs"]],
  ["ds_home_dirs", "Back up", "vol_home", ["qt_users_a_m", "qt_users_n_z"]],
  ["ds_vmware_gold", "Mirror", "vol_vmgold", ["qt_datastore1"]],
  ["ds_oracle_erp", "Back up, then mirror", "vol_erp", ["qt_oradata", "qt_redo", "qt_arch"]],
  ["ds_sharepoint", "Back up", "vol_sp", ["qt_content"]],
  ["ds_engineering", "Mirror, then back up", "vol_eng", ["qt_src", "qt_builds"]],
  ["ds_hr_records", "Remote backups only", "vol_hr", ["qt_records"]],
];

const POLICY_IDS: Readonly<Record<string, number>> = {
  "Back up": 41,
  "Back up, then mirror": 42,
  Mirror: 43,
  "Mirror, then back up": 44,
  "Remote backups only": 45,
};

export const DATASETS: readonly Dataset[] = SPECS.map(([name, policyName, volume, qtrees], i) => {
  const id = 301 + i * 7;
  return {
    id,
    name,
    policyId: POLICY_IDS[policyName] ?? 40,
    policyName,
    primary: { id: id + 1, name: "Primary data" },
    backup: { id: id + 2, name: "Backup" },
    mirror: { id: id + 3, name: "Mirror" },
    backupConnectionId: id + 4,
    mirrorConnectionId: id + 5,
    primaryFiler: i % 2 === 0 ? "fas3170-nyc-a" : "fas3170-nyc-b",
    backupFiler: "fas2050-vault-01",
    mirrorFiler: "fas3140-dr-01",
    volume,
    qtrees,
  };
});

export const GROUPS: readonly ResourceGroup[] = [
  { id: 71, name: "Production", datasetIds: [301, 308, 329, 336] },
  { id: 72, name: "Corporate", datasetIds: [315, 322, 343, 350] },
];

/** Storage objects get ids derived from their names, so the same qtree always has the same id. */
export function objectId(name: string): number {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  return 1000 + ((h >>> 0) % 900_000);
}

/** Datasets an object-name-or-id names: a dataset or a resource group, by name or id. */
export function datasetsFor(nameOrId: string): readonly Dataset[] | null {
  const ds = DATASETS.find((d) => d.name === nameOrId || String(d.id) === nameOrId);
  if (ds) return [ds];
  const group = GROUPS.find((g) => g.name === nameOrId || String(g.id) === nameOrId);
  if (!group) return null;
  return DATASETS.filter((d) => group.datasetIds.includes(d.id));
}

export function findDataset(nameOrId: string): Dataset | null {
  return DATASETS.find((d) => d.name === nameOrId || String(d.id) === nameOrId) ?? null;
}
