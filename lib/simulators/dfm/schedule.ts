import { DATASETS, type Dataset } from "./catalog";
import type { XmlNode } from "./xml";

interface Rule {
  dataset: Dataset;
  /** First occurrence in seconds after midnight UTC, then every `everySec`. */
  offsetSec: number;
  everySec: number;
  element: string;
  data: XmlNode;
}

const HOUR = 3600;

/** The policies' schedules: hourly local snapshots, daily SnapVault and four-hourly SnapMirror transfers. */
function rules(edits: readonly number[]): Rule[] {
  return DATASETS.flatMap((ds, i) => {
    const shift = (edits[i] ?? 0) * 5 * 60;
    const out: Rule[] = [
      {
        dataset: ds,
        offsetSec: (i * 7 * 60 + shift) % HOUR,
        everySec: HOUR,
        element: "dp-local-snapshot-job-data",
        data: { "node-id": String(ds.primary.id), "retention-type": "hourly" },
      },
    ];
    if (/back ?up/i.test(ds.policyName)) {
      out.push({
        dataset: ds,
        offsetSec: ((1 + i) % 24) * HOUR + 30 * 60,
        everySec: 24 * HOUR,
        element: "dp-snapvault-transfer-job-data",
        data: { "connection-id": String(ds.backupConnectionId), "retention-type": "daily" },
      });
    }
    if (/mirror/i.test(ds.policyName)) {
      out.push({
        dataset: ds,
        offsetSec: (i % 4) * HOUR + (15 + i) * 60,
        everySec: 4 * HOUR,
        element: "dp-snapmirror-transfer-job-data",
        data: { "connection-id": String(ds.mirrorConnectionId), "retention-type": "hourly" },
      });
    }
    return out;
  });
}

/** Occurrences starting in [fromSec, toSec], sorted by increasing start-time as the document says. */
export function scheduledJobs(
  fromSec: number,
  toSec: number,
  edits: readonly number[],
  datasetId?: number,
): XmlNode[] {
  const items: Array<{ start: number; node: XmlNode }> = [];
  for (const rule of rules(edits)) {
    if (datasetId !== undefined && rule.dataset.id !== datasetId) continue;
    const first =
      Math.ceil((fromSec - rule.offsetSec) / rule.everySec) * rule.everySec + rule.offsetSec;
    for (let t = first; t <= toSec; t += rule.everySec) {
      items.push({
        start: t,
        node: {
          "dataset-id": String(rule.dataset.id),
          [rule.element]: rule.data,
          "start-time": String(t),
        },
      });
    }
  }
  return items.sort((a, b) => a.start - b.start || compare(a.node, b.node)).map((i) => i.node);
}

function compare(a: XmlNode, b: XmlNode): number {
  return Number(a["dataset-id"]) - Number(b["dataset-id"]);
}
