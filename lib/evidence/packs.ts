import type {
  CreatePackBody,
  EvidencePackDoc,
  EvidencePackList,
  EvidencePackView,
} from "@/lib/contracts/evidence";
import { getDb, type Tx } from "@/lib/db/client";
import { Invalid, NotFound } from "@/lib/domain/errors";
import { packHtml } from "./pack-html";
import { quarterPeriod, rangePeriod, type Period } from "./period";
import { toPackView } from "./pack-view";

const viewSelect = {
  id: true,
  label: true,
  periodFrom: true,
  periodTo: true,
  params: true,
  createdBy: true,
  createdAt: true,
  runCount: true,
  sha256: true,
  pdfSha256: true,
  signOffs: { orderBy: [{ createdAt: "asc" as const }, { id: "asc" as const }] },
};

export function periodOf(body: CreatePackBody): Period {
  return "quarter" in body ? quarterPeriod(body.quarter) : rangePeriod(body.from, body.to);
}

const encodeCursor = (p: { createdAt: Date; id: string }) =>
  Buffer.from(`${p.createdAt.toISOString()}|${p.id}`).toString("base64url");

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, "base64url").toString().split("|");
  const createdAt = new Date(at ?? "");
  if (!id || Number.isNaN(createdAt.getTime()) || !/^[0-9a-f-]{36}$/.test(id))
    throw new Invalid("Bad cursor.", [
      { parameter: "cursor", message: "not a cursor this list gave" },
    ]);
  return { createdAt, id };
}

/** Newest first, keyset on (createdAt, id). */
export async function listPacks(
  q: { cursor?: string; limit: number },
  db: Tx = getDb(),
): Promise<EvidencePackList> {
  const after = q.cursor ? decodeCursor(q.cursor) : null;
  const rows = await db.evidencePack.findMany({
    where: after
      ? {
          OR: [
            { createdAt: { lt: after.createdAt } },
            { createdAt: after.createdAt, id: { lt: after.id } },
          ],
        }
      : {},
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
    select: viewSelect,
  });
  const items = rows.slice(0, q.limit);
  const last = items.at(-1);
  return {
    items: items.map(toPackView),
    nextCursor: rows.length > q.limit && last ? encodeCursor(last) : null,
  };
}

export async function getPack(id: string, db: Tx = getDb()): Promise<EvidencePackView> {
  const row = await db.evidencePack.findUnique({ where: { id }, select: viewSelect });
  if (!row) throw new NotFound(`No evidence pack ${id}.`);
  return toPackView(row);
}

/** The pack's canonical JSON exactly as issued: the bytes its SHA-256 is over. */
export async function getPackJson(
  id: string,
  db: Tx = getDb(),
): Promise<{ label: string; canonical: string; sha256: string }> {
  const row = await db.evidencePack.findUnique({
    where: { id },
    select: { label: true, canonical: true, sha256: true },
  });
  if (!row) throw new NotFound(`No evidence pack ${id}.`);
  return row;
}

/** The pack as one printable HTML document, with its current sign-offs (outside the hashed JSON). */
export async function getPackHtml(id: string, db: Tx = getDb()): Promise<string> {
  const [json, view] = await Promise.all([getPackJson(id, db), getPack(id, db)]);
  return packHtml({
    doc: JSON.parse(json.canonical) as EvidencePackDoc,
    sha256: json.sha256,
    signOffs: view.signOffs,
  });
}
