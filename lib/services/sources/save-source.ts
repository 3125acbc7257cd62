import { countSourceActions, createSource, deleteSource, getSource, getSourceByName, updateSource, type SourceInput } from "@/lib/data/sources";
import { getDb, type Db } from "@/lib/db/client";
import type { SourceKind } from "@/lib/domain/source-kind";
import { badRequest, conflict, notFound } from "@/lib/http/problem";
import { notifySourceChange, pokeSource } from "@/lib/sync/notify";
import { getSourceView } from "./list-sources";
import type { NewSourceBody, SourcePatchBody } from "./source-input";
import type { SourceView } from "./source-view";
import { vendorOptionIssues } from "./vendor-options";

export async function addSource(body: NewSourceBody, db: Db = getDb()): Promise<SourceView> {
  if (await getSourceByName(body.name, db)) throw conflict(`A source named ${body.name} already exists.`);
  const created = await db.$transaction(async (tx) => {
    const row = await createSource({ ...toInput(body), kind: body.kind, name: body.name, baseUrl: body.baseUrl }, tx);
    await announce(tx, row.id);
    return row;
  });
  return getSourceView(created.id, db);
}

/** A blank secret keeps the stored one: the form never receives it, so it cannot send it back. */
export async function editSource(id: string, body: SourcePatchBody, db: Db = getDb()): Promise<SourceView> {
  const current = await getSource(id, db);
  if (!current) throw notFound(`No source ${id}.`);
  if (body.options) {
    const issues = vendorOptionIssues(current.kind as SourceKind, body.options);
    if (issues.length) throw badRequest(`Invalid options: ${issues.map((i) => `${i.parameter}: ${i.message}`).join("; ")}`, issues);
  }
  if (body.name && body.name !== current.name) {
    const clash = await getSourceByName(body.name, db);
    if (clash && clash.id !== id) throw conflict(`A source named ${body.name} already exists.`);
  }
  const tls = { insecure: body.tlsInsecure ?? current.tlsInsecure, caPem: body.tlsCaPem === undefined ? current.tlsCaPem : body.tlsCaPem };
  if (tls.insecure && tls.caPem) {
    throw badRequest("Choose a CA bundle or insecure, not both.", [{ parameter: "tlsInsecure", message: "choose a CA bundle or insecure, not both" }]);
  }
  await db.$transaction(async (tx) => {
    await updateSource(id, toInput(body), tx);
    await announce(tx, id);
  });
  return getSourceView(id, db);
}

export async function removeSource(id: string, db: Db = getDb()): Promise<void> {
  if (!(await getSource(id, db))) throw notFound(`No source ${id}.`);
  const actions = await countSourceActions(id, db);
  if (actions > 0) {
    throw conflict(`This source has ${actions} action(s) in the audit trail, which must be kept: disable it instead.`);
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
