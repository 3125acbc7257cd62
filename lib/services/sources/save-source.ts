import {
  countSourceHistory,
  createSource,
  deleteSource,
  getSource,
  getSourceByName,
  getSourceWithSecret,
  updateSource,
  type SourceInput,
} from "@/lib/data/sources";
import { getDb, type Db } from "@/lib/db/client";
import type { SourceKind } from "@/lib/domain/source-kind";
import { Conflict, Invalid, NotFound } from "@/lib/domain/errors";
import { notifySourceChange, pokeSource } from "@/lib/sync/notify";
import { getSourceView } from "./list-sources";
import type { NewSourceBody, SourcePatchBody } from "@/lib/contracts/sources";
import type { SourceView } from "@/lib/contracts/sources";
import { credentialBindingChanged } from "./credential-binding";
import { vendorOptionIssues } from "@/lib/connectors/vendor-options";

export async function addSource(body: NewSourceBody, db: Db = getDb()): Promise<SourceView> {
  if (await getSourceByName(body.name, db))
    throw new Conflict(`A source named ${body.name} already exists.`);
  const created = await db.$transaction(async (tx) => {
    const row = await createSource(
      { ...toInput(body), kind: body.kind, name: body.name, baseUrl: body.baseUrl },
      tx,
    );
    await announce(tx, row.id);
    return row;
  });
  return getSourceView(created.id, db);
}

/**
 * A blank secret keeps the stored one (the form never receives it, so it cannot send it back),
 * but only while the credential keeps going where it was entered for: a new base URL or TLS
 * setting needs the secret typed again, or an admin session could redirect the stored
 * storage-admin password to any host.
 */
export async function editSource(
  id: string,
  body: SourcePatchBody,
  db: Db = getDb(),
): Promise<SourceView> {
  const current = await getSourceWithSecret(id, db);
  if (!current) throw new NotFound(`No source ${id}.`);
  if (current.secretEnc && !body.secret && credentialBindingChanged(current, body)) {
    throw new Invalid(
      "Enter the password or token again: the stored one is only sent to the address and TLS settings it was entered for.",
      [{ parameter: "secret", message: "is required when the base URL or TLS settings change" }],
    );
  }
  if (body.enabled && current.archivedAt && body.archived !== false) {
    throw new Conflict(`${current.name} is archived; unarchive it before enabling it.`);
  }
  if (body.options) {
    const issues = vendorOptionIssues(current.kind as SourceKind, body.options);
    if (issues.length)
      throw new Invalid(
        `Invalid options: ${issues.map((i) => `${i.parameter}: ${i.message}`).join("; ")}`,
        issues,
      );
  }
  if (body.name && body.name !== current.name) {
    const clash = await getSourceByName(body.name, db);
    if (clash && clash.id !== id) throw new Conflict(`A source named ${body.name} already exists.`);
  }
  const tls = {
    insecure: body.tlsInsecure ?? current.tlsInsecure,
    caPem: body.tlsCaPem === undefined ? current.tlsCaPem : body.tlsCaPem,
  };
  if (tls.insecure && tls.caPem) {
    throw new Invalid("Choose a CA bundle or insecure, not both.", [
      { parameter: "tlsInsecure", message: "choose a CA bundle or insecure, not both" },
    ]);
  }
  await db.$transaction(async (tx) => {
    await updateSource(id, toInput(body), tx);
    await announce(tx, id);
  });
  return getSourceView(id, db);
}

/**
 * Only a source with no history can be deleted. One with jobs or audit rows is refused (the
 * database would refuse too: nothing cascades onto history); archive it instead.
 */
export async function removeSource(id: string, db: Db = getDb()): Promise<void> {
  const source = await getSource(id, db);
  if (!source) throw new NotFound(`No source ${id}.`);
  const { jobs, actions } = await countSourceHistory(id, db);
  if (jobs > 0 || actions > 0) {
    const held = [
      jobs ? `${jobs} job${jobs === 1 ? "" : "s"} of history` : "",
      actions ? `${actions} audit row${actions === 1 ? "" : "s"}` : "",
    ]
      .filter(Boolean)
      .join(" and ");
    throw new Conflict(
      `${source.name} has ${held}, which Jobdeck keeps. Archive it instead: it stops being polled and leaves the lists, and its history stays.`,
    );
  }
  await db.$transaction(async (tx) => {
    await deleteSource(id, tx);
    await notifySourceChange(tx, id);
  });
}

function toInput(body: SourcePatchBody): Partial<SourceInput> {
  const input: Partial<SourceInput> = {};
  if (body.name !== undefined) input.name = body.name;
  if (body.baseUrl !== undefined) input.baseUrl = body.baseUrl;
  if (body.username !== undefined) input.username = body.username || null;
  if (body.secret) input.secret = body.secret;
  if (body.tlsInsecure !== undefined) input.tlsInsecure = body.tlsInsecure;
  if (body.tlsCaPem !== undefined) input.tlsCaPem = body.tlsCaPem || null;
  if (body.options !== undefined) input.options = body.options;
  if (body.enabled !== undefined) input.enabled = body.enabled;
  if (body.archived !== undefined) {
    input.archivedAt = body.archived ? new Date() : null;
    // Archived means no longer polled; unarchiving leaves it disabled until an admin enables it.
    input.enabled = body.archived ? false : (body.enabled ?? false);
  }
  if (body.timeoutMs !== undefined) input.timeoutMs = body.timeoutMs;
  if (body.pollIntervalMs !== undefined) {
    input.pollIntervalMs = body.pollIntervalMs;
    // The fast cadence while jobs run must never be slower than the idle one.
    input.fastPollIntervalMs = Math.min(3_000, body.pollIntervalMs);
  }
  return input;
}

async function announce(tx: Parameters<typeof pokeSource>[0], id: string): Promise<void> {
  await notifySourceChange(tx, id);
  await pokeSource(tx, id);
}
