import type { Tx } from "@/lib/db/client";

export const CHANGE_CHANNEL = "jobdeck_changes";
/** Asks workers to poll a source now (after an operator acted on one of its jobs). */
export const POKE_CHANNEL = "jobdeck_poke";

export type ChangeMessage =
  | { t: "jobs"; s: string; ids: string[] }
  | { t: "source"; s: string }
  /** An incident opened, changed, was acknowledged or resolved: raised by a trigger on "Incident" (migration incident_change_notify). */
  | { t: "incidents" }
  /** An RTO or RPO target was set or removed: history's figures change, no job does. */
  | { t: "targets" };

/** PostgreSQL caps a NOTIFY payload at 8000 bytes: ~150 uuids per message stays well under it. */
const IDS_PER_MESSAGE = 150;

/** Raised inside the writing transaction, so listeners hear of a change only once it is committed. */
export async function notifyJobChanges(tx: Tx, sourceId: string, jobIds: string[]): Promise<void> {
  if (jobIds.length === 0) return;
  const messages: string[] = [];
  for (let i = 0; i < jobIds.length; i += IDS_PER_MESSAGE) {
    const message: ChangeMessage = {
      t: "jobs",
      s: sourceId,
      ids: jobIds.slice(i, i + IDS_PER_MESSAGE),
    };
    messages.push(JSON.stringify(message));
  }
  // One round trip for the whole step, however many messages its changes take.
  await tx.$executeRaw`SELECT pg_notify(${CHANGE_CHANNEL}, m) FROM unnest(${messages}::text[]) AS m`;
}

export async function notifySourceChange(tx: Tx, sourceId: string): Promise<void> {
  await notifyChange(tx, { t: "source", s: sourceId });
}

export async function notifyTargetChange(tx: Tx): Promise<void> {
  await notifyChange(tx, { t: "targets" });
}

async function notifyChange(tx: Tx, message: ChangeMessage): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${CHANGE_CHANNEL}, ${JSON.stringify(message)})`;
}

export async function pokeSource(tx: Tx, sourceId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${POKE_CHANNEL}, ${sourceId})`;
}

/** Whether a change-channel payload only says incidents changed (what the trigger sends). */
export function isIncidentChange(payload: string): boolean {
  try {
    return (JSON.parse(payload) as Partial<ChangeMessage>).t === "incidents";
  } catch {
    return false;
  }
}
