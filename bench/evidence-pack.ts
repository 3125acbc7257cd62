import type { BenchDatabase } from "./bench-db";
import { createSource } from "@/lib/data/sources";
import { setTarget } from "@/lib/data/targets";
import type { Actor } from "@/lib/domain/actor";
import { issuePack } from "@/lib/evidence/issue-pack";
import { packPdf } from "@/lib/evidence/pack-pdf";
import { getPackHtml, getPackJson } from "@/lib/evidence/packs";
import { closePdfBrowser } from "@/lib/pdf/render-pdf";
import { quarterPeriod } from "@/lib/evidence/period";
import { verifyBytes } from "@/lib/evidence/verify";

export interface EvidencePackBenchResult {
  runs: number;
  previousQuarterRuns: number;
  phasesPerRun: number;
  eventsPerRun: number;
  logLinesPerRun: number;
  /** Build every run's evidence, hash, store and chain it. */
  generateMs: number;
  packBytes: number;
  htmlMs: number;
  htmlBytes: number;
  /** Print the PDF from the issued JSON with headless Chromium, store and chain it. */
  pdfMs: number;
  pdfBytes: number;
  verifyMs: number;
}

const ADMIN: Actor = { kind: "user", id: "bench", name: "Bench Admin", role: "admin" };
const PHASES = [
  "Prepare",
  "Replicate data",
  "Make target writable",
  "Post VM Failover",
  "DR Approval",
  "Finalize",
];

/**
 * A quarter of `runs` DR runs (Eyeglass, Commvault, DFM; every outcome) with their steps, warnings,
 * log lines and a pause/resume each tenth run, made with SQL; then the pack issued as the app does.
 */
export async function benchEvidencePack(
  bench: BenchDatabase,
  opts: { runs: number; log: (line: string) => void },
): Promise<EvidencePackBenchResult> {
  const { db } = bench;
  const sources = [
    await createSource({ kind: "eyeglass", name: "bench-eg", baseUrl: "http://a" }, db),
    await createSource({ kind: "commvault", name: "bench-cv", baseUrl: "http://b" }, db),
    await createSource({ kind: "dfm", name: "bench-dfm", baseUrl: "http://c" }, db),
  ];
  const ids = sources.map((s) => s.id);
  const q = quarterPeriod("2026-Q3");
  const prevRuns = Math.round(opts.runs / 2);
  // This quarter's runs, then half as many in the quarter before (the trend's baseline).
  for (const [count, from, prefix] of [
    [opts.runs, q.from, "q"],
    [prevRuns, new Date(Date.UTC(2026, 3, 1)), "p"],
  ] as const) {
    const spacing = Math.floor((90 * 86_400) / count);
    await db.$executeRaw`
      INSERT INTO "Job" (id, "sourceId", kind, "vendorId", type, name, state, "vendorState", "startedAt", "endedAt", "sortAt", "drGroup", raw, "updatedAt", "submittedBy")
      SELECT gen_random_uuid(), (${ids}::uuid[])[1 + i % 3], k.kind::"SourceKind", ${prefix} || i, k.type, 'DR run ' || i,
        (ARRAY['succeeded','succeeded','failed','partial','succeeded','canceled','aborted','succeeded'])[1 + i % 8]::"JobState", 'x',
        s, s + make_interval(secs => 1800 + i % 900), s,
        CASE WHEN i % 3 = 2 THEN NULL ELSE 'group-' || (i % 40) END, '{}'::jsonb, now(), 'svc-dr'
      FROM generate_series(0, ${count - 1}::int) i
      CROSS JOIN LATERAL (SELECT ${from.toISOString().replace("Z", "")}::timestamp + make_interval(secs => i * ${spacing}::int) AS s) st
      CROSS JOIN LATERAL (SELECT (ARRAY['eyeglass','commvault','dfm'])[1 + i % 3] AS kind,
        (ARRAY['failover','test-failover','restore','dr-test','planned-failover','restore'])[1 + i % 6] AS type) k`;
  }
  await db.$executeRaw`
    INSERT INTO "Phase" (id, "jobId", "vendorKey", name, state, depth, "sortOrder", "startedAt", "endedAt")
    SELECT gen_random_uuid(), j.id, 'p' || k, (${PHASES}::text[])[1 + k], 'succeeded'::"JobState", 0, k,
      j."startedAt" + make_interval(secs => k * 240), j."startedAt" + make_interval(secs => k * 240 + 200)
    FROM "Job" j CROSS JOIN generate_series(0, ${PHASES.length - 1}::int) k`;
  await db.$executeRaw`
    INSERT INTO "JobEvent" ("jobId", "vendorKey", at, severity, type, message)
    SELECT j.id, 'e' || k, j."startedAt" + make_interval(secs => k * 100), (ARRAY['info','warning','error','info'])[1 + k % 4]::"Severity", 'progress', 'event ' || k
    FROM "Job" j CROSS JOIN generate_series(0, 19) k`;
  await db.$executeRaw`
    INSERT INTO "JobLogLine" ("jobId", "jobSeenAt", seq, at, text)
    SELECT j.id, j."firstSeenAt", k, j."startedAt" + make_interval(secs => k * 30), 'Step ' || (${PHASES}::text[])[1 + k % ${PHASES.length}::int] || ' line ' || k
    FROM "Job" j CROSS JOIN generate_series(1, 60) k`;
  await db.$executeRaw`
    INSERT INTO "Action" (id, "idempotencyKey", "jobId", "sourceId", actor, action, status, "requestedAt", "completedAt")
    SELECT gen_random_uuid(), 'bench-' || a.action || '-' || j.id, j.id, j."sourceId", 'Olaf Operator', a.action, 'succeeded'::"ActionStatus",
      j."startedAt" + make_interval(secs => a.off), j."startedAt" + make_interval(secs => a.off + 1)
    FROM (SELECT * FROM "Job" WHERE substring("vendorId" FROM 2)::int % 10 = 0) j
    CROSS JOIN (VALUES ('pause', 300), ('resume', 900)) a(action, off)`;
  for (let g = 0; g < 40; g += 4)
    await setTarget("rto", { sourceId: null, group: `group-${g}`, targetMs: 900_000 }, db);
  opts.log(`seeded ${opts.runs} runs in ${q.label} and ${prevRuns} in the quarter before`);

  const t0 = performance.now();
  const pack = await issuePack(q, ADMIN, { trigger: "manual" }, db);
  const generateMs = performance.now() - t0;
  if (!pack || pack.runCount !== opts.runs)
    throw new Error(`expected ${opts.runs} runs in the pack, got ${pack?.runCount}`);
  const json = await getPackJson(pack.id, db);
  const t1 = performance.now();
  const html = await getPackHtml(pack.id, db);
  const htmlMs = performance.now() - t1;
  const t3 = performance.now();
  const pdf = await packPdf(pack.id, db);
  const pdfMs = performance.now() - t3;
  await closePdfBrowser();
  const t2 = performance.now();
  const verified = await verifyBytes(new TextEncoder().encode(json.canonical), db);
  const verifyMs = performance.now() - t2;
  if (!verified.issued || !verified.chain.intact) throw new Error("the pack did not verify");
  const result: EvidencePackBenchResult = {
    runs: opts.runs,
    previousQuarterRuns: prevRuns,
    phasesPerRun: PHASES.length,
    eventsPerRun: 20,
    logLinesPerRun: 60,
    generateMs: Math.round(generateMs),
    packBytes: Buffer.byteLength(json.canonical),
    htmlMs: Math.round(htmlMs),
    htmlBytes: Buffer.byteLength(html),
    pdfMs: Math.round(pdfMs),
    pdfBytes: pdf.pdf.byteLength,
    verifyMs: Math.round(verifyMs),
  };
  opts.log(JSON.stringify(result));
  return result;
}
