import { getSource, listSources, sourceIdsWithSecret } from "@/lib/data/sources";
import { quarantineBySource } from "@/lib/data/quarantine";
import { getDb, type Tx } from "@/lib/db/client";
import { NotFound } from "@/lib/domain/errors";
import { toSourceView } from "./source-view";
import type { SourceView } from "@/lib/contracts/sources";

export async function listSourceViews(
  opts: { includeArchived?: boolean } = {},
  db: Tx = getDb(),
): Promise<SourceView[]> {
  const [rows, withSecret] = await Promise.all([listSources(opts, db), sourceIdsWithSecret(db)]);
  const quarantine = await quarantineBySource(
    rows.map((r) => r.id),
    db,
  );
  const now = new Date();
  return rows.map((row) => toSourceView(row, withSecret.has(row.id), now, quarantine.get(row.id)));
}

export async function getSourceView(id: string, db: Tx = getDb()): Promise<SourceView> {
  const row = await getSource(id, db);
  if (!row) throw new NotFound(`No source ${id}.`);
  const withSecret = await sourceIdsWithSecret(db);
  const quarantine = await quarantineBySource([id], db);
  return toSourceView(row, withSecret.has(id), new Date(), quarantine.get(id));
}
