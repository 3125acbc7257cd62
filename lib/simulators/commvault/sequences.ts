import type { DrJobType } from "./options";

/** The codes this simulator scripts, named as in Commvault's phase table (cvpysdk). */
export const PHASE_NAMES: Record<number, string> = {
  1: "Power On",
  5: "Create Network Switch",
  7: "Replication",
  8: "Backup",
  9: "Configure Network Switch",
  13: "Initialization",
  14: "Wait On IP Assignment",
  15: "Disable Sync",
  16: "Enable Sync",
  17: "Create Snapshot",
  24: "Shutdown",
  26: "Finalize",
  30: "Get VM Info",
  32: "Post VM Failover",
  42: "Clone VM",
  44: "Check VM Boot Status",
  52: "Pre Script Execution",
  53: "Post Script Execution",
};

/** The step after which the VM serves users again: what a measured RTO ends on. */
export const SERVICE_PHASE = 32;

interface PhaseStep {
  code: number;
  /** Typical duration range in seconds. */
  min: number;
  max: number;
}

const step = (code: number, min: number, max: number): PhaseStep => ({ code, min, max });

/**
 * Per replication pair, in order. A planned failover quiesces and syncs the source first (the doc's
 * sample: Disable Sync, Shutdown, Backup, Replication); an unplanned one cannot reach the source; a
 * test failover clones into an isolated network; a failback reverses a planned failover.
 */
export const SEQUENCES: Record<DrJobType, PhaseStep[]> = {
  "planned-failover": [
    step(52, 10, 60),
    step(15, 1, 5),
    step(24, 20, 120),
    step(8, 180, 600),
    step(7, 240, 900),
    step(1, 30, 120),
    step(32, 60, 240),
    step(14, 20, 90),
    step(53, 10, 60),
    step(26, 5, 20),
  ],
  "unplanned-failover": [
    step(30, 5, 30),
    step(15, 1, 5),
    step(1, 30, 150),
    step(32, 60, 300),
    step(14, 20, 120),
    step(26, 5, 20),
  ],
  "test-failover": [
    step(13, 5, 20),
    step(5, 10, 40),
    step(9, 10, 40),
    step(17, 20, 90),
    step(42, 120, 600),
    step(1, 30, 120),
    step(32, 30, 180),
    step(44, 30, 180),
    step(26, 5, 20),
  ],
  failback: [
    step(52, 10, 60),
    step(15, 1, 5),
    step(24, 20, 120),
    step(8, 180, 600),
    step(7, 240, 900),
    step(1, 30, 120),
    step(32, 60, 240),
    step(16, 5, 30),
    step(26, 5, 20),
  ],
};

/** The reason Commvault gives when a phase fails, shown as the job's pending reason. */
export function failureReason(code: number, vm: string): string {
  switch (code) {
    case 1:
      return `Failed to power on virtual machine [${vm}] on the destination host.`;
    case 7:
      return `Replication of virtual machine [${vm}] failed: the destination datastore does not have enough free space.`;
    case 8:
      return `Backup of virtual machine [${vm}] failed: unable to quiesce the guest file system.`;
    case 14:
      return `Timed out waiting for an IP address on virtual machine [${vm}].`;
    case 24:
      return `Failed to shut down virtual machine [${vm}] on the source: VMware Tools is not running.`;
    case 42:
      return `Failed to clone virtual machine [${vm}]: the snapshot could not be mounted.`;
    default:
      return `Phase [${PHASE_NAMES[code] ?? `Phase ${code}`}] failed for virtual machine [${vm}].`;
  }
}
