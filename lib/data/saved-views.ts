import type { SavedViewItem } from "@/lib/contracts/explorer";
import { getDb, type Tx } from "@/lib/db/client";

function toItem(r: { id: string; name: string; query: string; createdAt: Date }): SavedViewItem {
  return { id: r.id, name: r.name, query: r.query, createdAt: r.createdAt.toISOString() };
}

export async function listSavedViews(userId: string, db: Tx = getDb()): Promise<SavedViewItem[]> {
  const rows = await db.savedView.findMany({
    where: { userId },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return rows.map(toItem);
}

/** Saving under an existing name replaces that view's query: one name, one view, per user. */
export async function saveView(
  userId: string,
  input: { name: string; query: string },
  db: Tx = getDb(),
): Promise<SavedViewItem> {
  const row = await db.savedView.upsert({
    where: { userId_name: { userId, name: input.name } },
    create: { userId, name: input.name, query: input.query },
    update: { query: input.query },
  });
  return toItem(row);
}

/** False when the view does not exist or belongs to someone else (the caller cannot tell which). */
export async function deleteSavedView(
  userId: string,
  id: string,
  db: Tx = getDb(),
): Promise<boolean> {
  const { count } = await db.savedView.deleteMany({ where: { id, userId } });
  return count > 0;
}
