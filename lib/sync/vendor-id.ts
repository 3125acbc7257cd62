import { createHash } from "node:crypto";
import type { QuarantinedRecord } from "@/lib/connectors/types";
import type { JobRecord } from "@/lib/domain/model";
import { clean, INDEXED_TEXT_MAX } from "./clean";

/**
 * Longest vendor id Jobdeck stores. Unlike a name, an id cannot be cut: it sits in the unique
 * (source, vendor id) index and is how the job is found at the vendor again, so a clipped id would
 * merge distinct jobs or point at none. The same bound as indexed text keeps it under what a B-tree
 * entry holds in any encoding; real ids (ONTAP uuids, SPP session ids) are under 50 characters.
 */
export const VENDOR_ID_MAX = INDEXED_TEXT_MAX;

/**
 * Splits a step's jobs into those that can be stored and those whose id cannot be (empty once
 * cleaned, or longer than VENDOR_ID_MAX), which are quarantined with the reason instead of failing
 * the whole batch on the index. The quarantine key is a digest of the id, for the same reason.
 */
export function splitByVendorId(jobs: readonly JobRecord[]): {
  storable: JobRecord[];
  bad: QuarantinedRecord[];
} {
  const storable: JobRecord[] = [];
  const bad: QuarantinedRecord[] = [];
  for (const job of jobs) {
    const id = clean(job.vendorId) ?? "";
    const length = Array.from(id).length;
    if (length > 0 && length <= VENDOR_ID_MAX) {
      storable.push(job);
      continue;
    }
    const reason =
      length === 0
        ? "the vendor gave this job an empty id, so it cannot be told apart from others"
        : `the vendor's id for this job is ${length} characters long; ids are kept whole (they identify the job at the vendor) up to ${VENDOR_ID_MAX}`;
    const digest = createHash("sha1").update(job.vendorId).digest("hex").slice(0, 20);
    bad.push({
      key: `vendor-id:sha1:${digest}`,
      reason,
      raw: job.raw ?? { vendorId: `${id.slice(0, 200)}…`, name: job.name },
    });
  }
  return { storable, bad };
}
