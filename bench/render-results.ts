import type { BenchResults } from "./run";
import { renderEtaBacktest } from "./eta-backtest-render";
import type { Regularity } from "./scale-out";

const n = (v: number) => v.toLocaleString("en-US", { maximumFractionDigits: 1 });

/** The Markdown table the README quotes. */
export function renderResults(r: BenchResults): string {
  const s = r.syncIngest;
  const lines = [
    `Measured ${r.machine.at.slice(0, 10)} on ${r.machine.cpus} cores, Node ${r.machine.node}.`,
    "",
    "| what | figure |",
    "|---|---|",
  ];
  if (s) {
    lines.push(
      `| sync ingest, ${n(s.jobs)} ONTAP jobs and their ${n(s.phases)} phases (simulator process → HTTP → connector → COPY to staging → merge) | ${n(s.syncJobsPerSecond)} jobs/s (${n(s.syncSeconds)} s) |`,
      `| PostgreSQL COPY of the same rows (jobs and phases), same indexes and rollup trigger, same run | ${n(s.copyRowsPerSecond)} rows/s (sync = ${n(s.syncVsCopy * 100)}% of COPY) |`,
      `| COPY of the job rows alone | ${n(s.copyJobRowsSeconds)} s (sync = ${n(s.syncVsCopyJobRows * 100)}% of it) |`,
      `| the store step alone (same records, staged and merged in one transaction, fresh source) | ${n(s.storeJobsPerSecond)} jobs/s (${n(s.storeVsCopy * 100)}% of COPY) |`,
    );
  }
  for (const a of r.jobsApi ?? []) {
    lines.push(
      `| \`/api/jobs\` at ${n(a.jobs)} jobs, keyset pages of ${a.pageSize} | p50 ${n(a.keyset.p50Ms)} ms, p95 ${n(a.keyset.p95Ms)} ms, ${n(a.keyset.requestsPerSecond)} req/s |`,
      `| same pages with OFFSET, same data | p50 ${n(a.offset.p50Ms)} ms, p95 ${n(a.offset.p95Ms)} ms, ${n(a.offset.requestsPerSecond)} req/s (keyset ${n(a.p50Ratio)}× faster at p50) |`,
    );
  }
  const p = r.jobPage;
  if (p) {
    lines.push(
      `| job page, ${n(p.phases)} phases + ${n(p.events)} events, headless Chromium (median of ${p.loads}) | TTFB ${n(p.ttfbMs)} ms, DOM ${n(p.domContentLoadedMs)} ms, Gantt + feed ready ${n(p.ganttAndFeedReadyMs)} ms |`,
      `| same page: long tasks during load / collapse all / expand all / idle cost | ${n(p.longTasksDuringLoadMs)} ms / ${n(p.collapseAllMs)} ms / ${n(p.expandAllMs)} ms / ${n(p.idleBusyMsPerSecond)} ms per s |`,
    );
  }
  const e = r.estateHttp;
  if (e) {
    const at = `${n(e.jobs)} jobs / ${n(e.events)} events, over HTTP (production build), load average ${n(e.loadAverage)}`;
    for (const q of e.requests)
      lines.push(
        `| ${q.what} at ${at} | p50 ${n(q.p50Ms)} ms, p95 ${n(q.p95Ms)} ms, ${n(q.bytes / 1024)} KB |`,
      );
    lines.push(
      `| the list requests above mixed, ${e.mix.clients} clients for ${e.mix.seconds} s (shared reads, as Jobdeck runs) | ${n(e.mix.requestsPerSecond)} req/s, p95 ${n(e.mix.p95Ms)} ms |`,
      `| same mix, shared reads, a change heard ${n(e.mixWhileChanging.changesPerSecond)} times a second (a busy estate) | ${n(e.mixWhileChanging.requestsPerSecond)} req/s, p95 ${n(e.mixWhileChanging.p95Ms)} ms |`,
      `| same mix, shared reads off: every request reads PostgreSQL | ${n(e.mixEveryRead.requestsPerSecond)} req/s, p95 ${n(e.mixEveryRead.p95Ms)} ms |`,
    );
  }
  const ps = r.partitions;
  if (ps) {
    const at = `${n(ps.events)} events of ${n(ps.jobs)} jobs over ${ps.months} months (${ps.partitions} partitions)`;
    for (const q of ps.reads)
      lines.push(
        `| ${q.what}, ${at} | partitioned p50 ${n(q.partitioned.p50Ms)} ms, p95 ${n(q.partitioned.p95Ms)} ms; unpartitioned p50 ${n(q.flat.p50Ms)} ms, p95 ${n(q.flat.p95Ms)} ms (${n(q.ratio)}×) |`,
      );
    const rt = ps.retention;
    lines.push(
      `| payload retention (${rt.days} days): ${n(rt.payloadsDropped)} raw payloads dropped | partitioned ${n(rt.partitionedSeconds)} s (then ${n(rt.partitionedAgainSeconds)} s with none left); unpartitioned ${n(rt.flatSeconds)} s (then ${n(rt.flatAgainSeconds)} s) |`,
      `| partition upkeep round (3 months ahead, default partition checked) | ${n(ps.upkeepSeconds)} s |`,
    );
  }
  const a = r.alertEval;
  if (a) {
    lines.push(
      `| alert evaluation tick, ${a.rules} rules over ${n(a.jobs)} jobs on ${a.sources} sources (median of ${a.ticks}) | ${n(a.tickMs)} ms |`,
    );
    for (const k of a.kinds) {
      const access = [
        ...new Set(k.plans.flatMap((p) => p.access).filter((x) => x.includes("Job"))),
      ];
      lines.push(
        `| \`${k.kind}\`: ${k.rules} rules, ${n(k.firing)} firing | ${n(k.msPerTick)} ms per tick; ${k.plans.some((p) => p.seqScanOnJob) ? "**seq scan on Job**" : "no seq scan on Job"} (${access.join("; ") || "Job not read"}) |`,
      );
    }
  }
  const v = r.evidencePack;
  if (v)
    lines.push(
      `| evidence pack of a quarter: ${n(v.runs)} DR runs (${v.phasesPerRun} steps, ${v.eventsPerRun} events, ${v.logLinesPerRun} log lines each) + ${n(v.previousQuarterRuns)} in the quarter before | generated, hashed, stored and chained in ${n(v.generateMs / 1000)} s (${n(v.packBytes / 1024)} KB of canonical JSON) |`,
      `| same pack as printable HTML / verified by upload (hash lookup + chain recomputed) | ${n(v.htmlMs)} ms (${n(v.htmlBytes / 1024)} KB) / ${n(v.verifyMs)} ms |`,
      `| same pack printed to PDF by headless Chromium, stored and chained | ${n(v.pdfMs / 1000)} s (${n(v.pdfBytes / 1024)} KB) |`,
    );
  const w = r.viewers;
  if (w) {
    for (const ph of w.phases)
      lines.push(
        `| vendor requests with ${ph.viewers} viewer(s) of ${n(w.runningJobs)} running ONTAP jobs (worker on the product's cadence, ${ph.seconds} s, load average ${n(w.loadAverage)}) | ${n(ph.vendorRequestsPerMinute)} per minute, of them ${n(ph.jobReadsPerMinute)} single-job reads; ${n(ph.pageReads)} job page reads on ${n(ph.streamChanges)} streamed changes |`,
      );
    lines.push(
      `| vendor requests per minute, ${w.phases.at(-1)?.viewers ?? 0} viewers over 1 | ${n(w.ratio)}× |`,
    );
  }
  const so = r.scaleOut;
  if (so) {
    const at = `${n(so.sources)} appliances, ${so.workers} worker processes, every ${so.cadenceSeconds} s (load average ${n(so.loadAverage)})`;
    const reg = (g: Regularity) =>
      `${n(g.withinTenPercent * 100)}% of ${n(g.intervals)} intervals within ±10% of the cadence, ${n(g.sourcesAlwaysWithin * 100)}% of sources always; p50 ${g.p50Cadences.toFixed(2)}, p95 ${g.p95Cadences.toFixed(2)}, max ${g.maxCadences.toFixed(2)} cadences`;
    lines.push(
      `| scale-out, ${at}: first sync of every source | ${n(so.warmUpSeconds)} s; ${n(so.failedPolls)} failed polls afterwards |`,
      `| same, polling regularity over ${n(so.steady.seconds)} s | ${reg(so.steady)} |`,
      `| same, vendor requests per source per minute | ${Object.entries(
        so.steady.vendorRequestsPerSourcePerMinute,
      )
        .map(([k, v]) => `${k} ${n(v)}`)
        .join(", ")} |`,
      `| same, one worker SIGKILLed (holding ${so.afterKill.orphaned} leases): its sources' wait from the kill to their next poll | max ${so.afterKill.orphanWaitMaxCadences?.toFixed(2) ?? "–"}, median ${so.afterKill.orphanWaitMedianCadences?.toFixed(2) ?? "–"} cadences |`,
      `| same, polling regularity over the ${n(so.afterKill.seconds)} s after the kill | ${reg(so.afterKill)} |`,
      `| same, ${so.streams.webProcesses} web processes on one database: jobs changed in the steady window missed by each one's stream | ${so.streams.missedPerProcess.map(n).join(" / ")} of ${n(so.streams.changedJobs)} (resyncs ${so.streams.resyncsPerProcess.map(n).join(" / ")}) |`,
    );
  }
  const st = r.streams;
  if (st) {
    const d = st.delivery;
    lines.push(
      `| ${n(st.streams)} open streams on one web process for ${st.minutes} min (load average ${n(st.loadAverage)}): resident memory | first ${n(st.rssMb.first)} MB, max ${n(st.rssMb.max)} MB, last ${n(st.rssMb.last)} MB (first minute's mean ${n(st.rssMb.firstMinuteMean)}, last minute's ${n(st.rssMb.lastMinuteMean)}) |`,
      `| same: a job started on the vendor, to every subscribed stream (${n(d.changes)} changes × ${n(st.streams)} streams) | p50 ${n(d.p50Ms)} ms, p95 ${n(d.p95Ms)} ms, max ${n(d.maxMs)} ms (target: poll interval while jobs run + 500 ms = ${n(d.targetMs)} ms); ${n(d.missed)} missed |`,
    );
  }
  lines.push("");
  if (r.etaBacktest) lines.push(renderEtaBacktest(r.etaBacktest));
  return lines.join("\n");
}
