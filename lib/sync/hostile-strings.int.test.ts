import { describe, expect, it } from "vitest";
import { SOURCE_KINDS } from "@/lib/domain/source-kind";
import { hostileCorpus } from "@/lib/testing/hostile-corpus";
import { startSimulatedSource } from "@/lib/testing/sim-source";
import { appTestDatabase } from "@/lib/testing/test-db";
import { INDEXED_TEXT_MAX } from "./clean";
import { pollSource } from "./poll-source";

const t = appTestDatabase();
const DURATION = {
  ontap: 60_000,
  dfm: 60_000,
  eyeglass: 60_000,
  commvault: 600_000,
  spp: 60_000,
} as const;

/** Everything Jobdeck stored about one job, as one string per field. */
async function storedTexts(jobId: string) {
  const job = await t.db.job.findUniqueOrThrow({ where: { id: jobId } });
  const phases = await t.db.phase.findMany({
    where: { jobId },
    select: { name: true, lane: true, message: true },
  });
  const events = await t.db.jobEvent.findMany({ where: { jobId }, select: { message: true } });
  return {
    job: [
      job.name,
      job.dataset,
      job.policy,
      job.cluster,
      job.drGroup,
      job.message,
      job.submittedBy,
    ].filter((v): v is string => v !== null),
    detail: [
      ...phases.flatMap((p) => [p.name, p.lane ?? "", p.message ?? ""]),
      ...events.map((e) => e.message),
    ],
  };
}

describe.each(SOURCE_KINDS)("hostile vendor strings from the %s simulator", (kind) => {
  it("reach the database through the connector and sync, as text, with NUL removed and names cut", async () => {
    const corpus = hostileCorpus(`hostile-${kind}-${Date.now()}`);
    const fx = await startSimulatedSource(t.db, kind, { name: `${kind}-hostile` });
    try {
      const start = async (text: string) => {
        const created = await fetch(`${fx.server.url}/__sim/jobs`, {
          method: "POST",
          body: JSON.stringify({ text, durationMs: DURATION[kind] }),
        });
        expect(created.status, await created.clone().text()).toBe(201);
        return ((await created.json()) as { vendorId: string }).vendorId;
      };
      const vendorId = await start(corpus.formula);
      const hugeId = await start(corpus.long);
      fx.clock.advance(5_000);
      const stored = async (id: string) =>
        (
          await t.db.job.findFirst({
            where: { sourceId: fx.sourceId, vendorId: id },
            select: { id: true },
          })
        )?.id;
      for (
        let poll = 0;
        poll < 10 && !((await stored(vendorId)) && (await stored(hugeId)));
        poll++
      ) {
        const outcome = await pollSource(
          t.db,
          await t.db.source.findUniqueOrThrow({ where: { id: fx.sourceId } }),
        );
        expect(outcome.error ?? null).toBeNull();
        fx.clock.advance(5_000);
      }
      // The jobs run to their end: every later poll (new phases, events, log lines, the finished
      // job's timeline density cells keyed by its dataset) must be stored too.
      for (let poll = 0; poll < 3; poll++) {
        fx.clock.advance(DURATION[kind] / 2);
        const outcome = await pollSource(
          t.db,
          await t.db.source.findUniqueOrThrow({ where: { id: fx.sourceId } }),
        );
        expect(outcome.error ?? null, `${kind}, poll ${poll} after both were stored`).toBeNull();
      }
      const jobId = await stored(vendorId);
      const hugeJobId = await stored(hugeId);
      if (!jobId || !hugeJobId)
        throw new Error(`${kind} jobs ${vendorId} and ${hugeId} were not both stored`);

      // A 40,000-character name (and dataset, group, keys) is cut to what a B-tree index holds; the batch around it is stored.
      const huge = await t.db.job.findUniqueOrThrow({
        where: { id: hugeJobId },
        select: { name: true },
      });
      expect(Array.from(huge.name).length).toBeLessThanOrEqual(INDEXED_TEXT_MAX);
      for (const phase of await t.db.phase.findMany({
        where: { jobId: hugeJobId },
        select: { name: true },
      })) {
        expect(Array.from(phase.name).length).toBeLessThanOrEqual(INDEXED_TEXT_MAX);
      }

      const { job: fields, detail } = await storedTexts(jobId);
      const all = [...fields, ...detail];
      // Markup and controls arrive verbatim (escaped on the wire, decoded exactly once), NUL never.
      expect(
        fields.some((f) =>
          f.startsWith("=cmd|' /C calc'!A0 <script>window.__xss='script'</script>"),
        ),
        fields.join("\n"),
      ).toBe(true);
      for (const piece of [
        "\u202Efdp.exe\u202C",
        "&lt;b&gt;not-bold&lt;/b&gt; &amp;amp;",
        "<![CDATA[x]]>",
        corpus.mark,
      ]) {
        expect(
          all.some((f) => f.includes(piece)),
          `${kind}: ${JSON.stringify(piece)} in ${JSON.stringify(fields)}`,
        ).toBe(true);
      }
      expect(all.some((f) => f.includes("\u0000"))).toBe(false);
      expect(
        detail.some((d) => d.includes(corpus.mark)),
        `${kind}: a phase or event carries the text`,
      ).toBe(true);
      expect(await t.db.quarantinedRecord.count({ where: { sourceId: fx.sourceId } })).toBe(0);
    } finally {
      await fx.close();
    }
  }, 180_000);
});
