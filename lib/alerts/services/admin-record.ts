import type { Actor } from "@/lib/domain/actor";
import { recordAdminAction } from "@/lib/data/admin-audit";
import type { Db, Tx } from "@/lib/db/client";
import { Conflict, NotFound } from "@/lib/domain/errors";

/*
 * Alert rules and channels are records an admin names and manages by hand: a save replaces a
 * record that exists (or creates one), a name is unique among its kind, and every change leaves an
 * audit row saying what it was.
 */

/**
 * The checks a save makes before writing, inside its transaction: the record an edit replaces
 * (null when creating); NotFound or Conflict (a name taken) otherwise.
 */
export async function checkNamedSave<T>(
  noun: "rule" | "channel",
  id: string | null,
  name: string,
  find: (id: string) => Promise<T | null>,
  findOther: (where: { name: string; id?: { not: string } }) => Promise<unknown>,
): Promise<T | null> {
  const before = id ? await find(id) : null;
  if (id && !before) throw new NotFound(`No alert ${noun} ${id}.`);
  if (await findOther({ name, ...(id ? { id: { not: id } } : {}) }))
    throw new Conflict(`Another ${noun} is already called "${name}".`);
  return before;
}

/** An audit row's content: what was done, its parameters, and the sentence /audit shows. */
export interface AdminChange {
  action: string;
  params: Record<string, unknown>;
  detail: string;
}

/** Deletes the record `find` returns and audits it in one transaction; false when there is none. */
export async function deleteAudited<T>(
  db: Db,
  actor: Actor,
  find: (tx: Tx) => Promise<T | null>,
  remove: (tx: Tx) => Promise<unknown>,
  audit: (record: T) => AdminChange,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const record = await find(tx);
    if (!record) return false;
    await remove(tx);
    const { action, params, detail } = audit(record);
    await recordAdminAction(tx, actor, action, params, detail);
    return true;
  });
}
