import type { EvidencePackDoc } from "@/lib/contracts/evidence";
import { getDb, type Db } from "@/lib/db/client";
import { NotFound } from "@/lib/domain/errors";
import { pdfPrintLimitMs } from "@/lib/domain/evidence-print";
import { logger } from "@/lib/log";
import { renderPdf } from "@/lib/pdf/render-pdf";
import { sha256Hex } from "./canonical";
import { appendChainEntry } from "./chain-store";
import { packHtml } from "./pack-html";

export interface PackPdf {
  label: string;
  pdf: Uint8Array;
  sha256: string;
}

/** Prints under way in this process, by pack: a download during the print waits for it instead of printing again. */
const printing = new Map<string, Promise<PackPdf>>();

/**
 * The pack's PDF as issued: printed once from the issued JSON (sign-offs come later and stay on
 * the pack page, so the file an auditor holds never changes), stored, and chained, so a PDF
 * swapped in the database together with its recorded hash still breaks the chain.
 */
export async function packPdf(id: string, db: Db = getDb()): Promise<PackPdf> {
  const stored = await readPdf(id, db);
  if (stored) return stored;
  const running = printing.get(id);
  if (running) return running;
  const print = printAndStore(id, db).finally(() => printing.delete(id));
  printing.set(id, print);
  return print;
}

async function printAndStore(id: string, db: Db): Promise<PackPdf> {
  const row = await db.evidencePack.findUnique({
    where: { id },
    select: { label: true, canonical: true, sha256: true, runCount: true },
  });
  if (!row) throw new NotFound(`No evidence pack ${id}.`);
  const pdf = await renderPdf(
    packHtml({
      doc: JSON.parse(row.canonical) as EvidencePackDoc,
      sha256: row.sha256,
      signOffs: [],
    }),
    {
      footerText: `Jobdeck evidence pack ${row.label} · SHA-256 of its JSON ${row.sha256}`,
      timeoutMs: pdfPrintLimitMs(row.runCount),
    },
  );
  const sha256 = sha256Hex(pdf);
  await db.$transaction(async (tx) => {
    // Two processes may print at once: the first stored wins, the other serves that one.
    const attached = await tx.$executeRaw`
      UPDATE "EvidencePack" SET "pdf" = ${Buffer.from(pdf)}, "pdfSha256" = ${sha256}
      WHERE "id" = ${id}::uuid AND "pdfSha256" IS NULL`;
    if (attached === 1)
      await appendChainEntry(tx, { kind: "pdf", subjectId: id, sha256, at: new Date() });
  });
  const issued = await readPdf(id, db);
  if (!issued) throw new NotFound(`No evidence pack ${id}.`);
  return issued;
}

/** Prints the PDF right after issue; a failure (no Chromium) leaves the pack valid and the PDF to the first download. */
export async function printIssuedPack(id: string, db: Db = getDb()): Promise<void> {
  try {
    await packPdf(id, db);
  } catch (err) {
    logger.warn({ err, pack: id }, "evidence pack PDF not printed at issue");
  }
}

/**
 * Starts printing a just-issued pack without waiting for it: the issuer gets the pack (and its
 * JSON) at once, the pack page shows the PDF's hash when it is stored, and a download meanwhile
 * waits for this print (packPdf).
 */
export function startPrintingIssuedPack(id: string, db: Db = getDb()): void {
  void printIssuedPack(id, db);
}

async function readPdf(id: string, db: Db): Promise<PackPdf | null> {
  const row = await db.evidencePack.findUnique({
    where: { id },
    select: { label: true, pdf: true, pdfSha256: true },
  });
  return row?.pdf && row.pdfSha256
    ? { label: row.label, pdf: new Uint8Array(row.pdf), sha256: row.pdfSha256 }
    : null;
}
