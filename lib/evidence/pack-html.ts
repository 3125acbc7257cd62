import type {
  EvidencePackDoc,
  EvidenceSignOffView,
  PackRun,
  PeriodStats,
} from "@/lib/contracts/evidence";
import { formatDuration } from "@/lib/domain/durations";
import { CATEGORY_LABEL } from "@/lib/domain/rto";
import { htmlText } from "@/lib/pdf/html-text";

/**
 * Every string that reaches the HTML goes through here: vendor text is data, never markup, and
 * bidi override characters are shown visibly (lib/pdf/html-text.ts) so a name cannot reorder itself.
 */
export function escapeHtml(value: unknown): string {
  return htmlText(String(value ?? ""));
}

const e = escapeHtml;
const dur = (ms: number | null) => e(formatDuration(ms));
const when = (iso: string | null) => (iso ? e(iso.replace("T", " ").replace(".000Z", "Z")) : "—");
const met = (v: boolean | null) => (v === null ? "—" : v ? "met" : "MISSED");
const pct = (v: number | null) => (v === null ? "—" : `${Math.round(v * 1000) / 10}%`);
const signed = (n: number | null, f: (x: number) => string) =>
  n === null ? "—" : `${n > 0 ? "+" : n < 0 ? "−" : "±"}${f(Math.abs(n))}`;

function table(head: string[], rows: string[][]): string {
  return `<table><thead><tr>${head.map((h) => `<th>${e(h)}</th>`).join("")}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join("")}</tr>`)
    .join("")}</tbody></table>`;
}

const statsRow = (name: string, s: PeriodStats) => [
  e(name),
  `${when(s.from)} – ${when(s.to)}`,
  String(s.runs),
  pct(s.successRate),
  dur(s.rtoMedianMs),
  String(s.metTarget),
  String(s.missedTarget),
];

function summaryHtml(doc: EvidencePackDoc): string {
  const s = doc.summary;
  return `<section class="summary"><h2>Summary</h2>
${table(
  ["Period", "Range", "Runs", "Success rate", "Median RTO", "Met target", "Missed target"],
  [
    statsRow("This period", s.current),
    statsRow("Previous period", s.previous),
    [
      "Change",
      "",
      signed(s.trend.runs, String),
      signed(s.trend.successRate, (x) => pct(x)),
      signed(s.trend.rtoMedianMs, (x) => dur(x)),
      signed(s.trend.metTarget, String),
      signed(s.trend.missedTarget, String),
    ],
  ],
)}
<p>Outcomes: ${s.outcomes.succeeded} succeeded, ${s.outcomes.partial} partial, ${s.outcomes.failed} failed or cancelled, ${s.outcomes.running} unfinished. Time waiting on a person: ${dur(s.waitingMs)}.</p>
<h3>Per group</h3>
${table(
  [
    "Group",
    "Runs",
    "DR runs",
    "Succeeded",
    "Partial",
    "Failed",
    "RTO target",
    "Median RTO",
    "Met",
    "Missed",
    "Waiting",
  ],
  s.groups.map((g) => [
    e(g.group),
    String(g.runs),
    String(g.drRuns),
    String(g.succeeded),
    String(g.partial),
    String(g.failed),
    dur(g.rtoTargetMs),
    dur(g.rtoMedianMs),
    String(g.metTarget),
    String(g.missedTarget),
    dur(g.waitingMs),
  ]),
)}
<h3>Groups never tested in this period</h3>
<p class="never">${s.neverTested.length ? s.neverTested.map(e).join(", ") : "None: every known group had a DR test or failover."}</p>
</section>`;
}

function runHtml(r: PackRun): string {
  const m = r.milestones;
  return `<section class="run"><h2>${e(r.run.name)}</h2>
<p class="meta">${e(CATEGORY_LABEL[r.run.category])} · ${e(r.run.source.name)} (${e(r.run.source.kind)}) · vendor job ${e(r.run.vendorId)} · group ${e(r.run.group ?? "—")} · ${e(r.run.state)} (vendor: ${e(r.run.vendorState)})</p>
${r.run.message ? `<p class="message">${e(r.run.message)}</p>` : ""}
${table(
  [
    "RTO",
    "Target",
    "RTO result",
    "RPO",
    "RPO target",
    "RPO result",
    "Waiting on a person",
    "Duration",
  ],
  [
    [
      `<strong>${dur(r.rto.ms)}</strong>${r.rto.phase ? ` to end of “${e(r.rto.phase)}”` : ""}`,
      dur(r.rto.targetMs),
      met(r.rto.met),
      dur(r.rpo.ms),
      dur(r.rpo.targetMs),
      met(r.rpo.met),
      dur(r.waiting.totalMs),
      dur(r.durationMs),
    ],
  ],
)}
<p class="refs">RTO traced to vendor job ${e(r.rto.ref.jobId)}${r.rto.ref.stepKey ? `, step ${e(r.rto.ref.stepKey)}` : ""}${r.rto.ref.logLines?.length ? `, log lines ${r.rto.ref.logLines.map(String).join(", ")}` : ""}. Cut-over ${when(r.rpo.cutoverAt)}; last replication before it ended ${when(r.rpo.lastReplicationEndedAt)}.</p>
${table(
  ["Declared", "First step", "Service restored", "Last step", "Ended"],
  [
    [
      `${when(m.declaredAt)}${m.declaredBy ? ` by ${e(m.declaredBy)}` : ""}`,
      when(m.firstStepAt),
      when(m.serviceRestoredAt),
      when(m.lastStepAt),
      when(m.endedAt),
    ],
  ],
)}
<h3>Steps</h3>
${table(
  ["Step", "Vendor key", "State", "Started", "Ended", "Time", "Log lines"],
  r.steps.map((s) => [
    `${"&nbsp;&nbsp;".repeat(s.depth)}${e(s.name)}${s.service ? " <em>(service restored)</em>" : ""}${s.waitsOnPerson ? " <em>(waits on a person)</em>" : ""}`,
    e(s.vendorKey),
    e(s.state),
    when(s.startedAt),
    when(s.endedAt),
    dur(s.durationMs),
    e(s.logLines.join(", ")),
  ]),
)}
${
  r.waiting.intervals.length
    ? `<h3>Waiting on a person</h3>${table(
        ["What", "From", "To", "Time", "Source"],
        r.waiting.intervals.map((w) => [
          e(w.label),
          when(w.from),
          when(w.to),
          dur(w.ms),
          e(
            w.ref.stepKey ? `step ${w.ref.stepKey}` : `audit ${(w.ref.actionIds ?? []).join(", ")}`,
          ),
        ]),
      )}`
    : ""
}
<h3>People</h3>
<p>Launched by ${e(r.people.launchedBy?.name ?? "— (not launched from Jobdeck)")} · vendor submitter ${e(r.people.vendorSubmitter ?? "—")} · approved by ${e(r.people.approvedBy.map((p) => p.name).join(", ") || "—")} · acted: ${e(r.people.actedBy.map((p) => p.name).join(", ") || "—")}</p>
${
  r.actions.length
    ? table(
        ["Action", "By", "Status", "Requested", "Completed", "Reason", "Audit id"],
        r.actions.map((a) => [
          e(a.action),
          e(a.actor.name),
          e(a.status),
          when(a.requestedAt),
          when(a.completedAt),
          e(a.reason ?? ""),
          e(a.id),
        ]),
      )
    : ""
}
${
  r.events.length
    ? `<h3>Warnings and errors</h3>${table(
        ["At", "Severity", "Event key", "Message"],
        r.events.map((ev) => [when(ev.at), e(ev.severity), e(ev.vendorKey), e(ev.message)]),
      )}`
    : ""
}
<p class="hash">Run report SHA-256: <code>${e(r.sha256)}</code></p>
</section>`;
}

function signOffsHtml(signOffs: readonly EvidenceSignOffView[]): string {
  return `<section class="signoffs"><h2>Sign-offs</h2>
<p class="note">Sign-offs are recorded after the pack was issued. They are not part of the hashed content above; each is chained separately in Jobdeck's evidence chain.</p>
${
  signOffs.length
    ? table(
        ["Signed by", "Role", "At", "Note", "Sign-off SHA-256"],
        signOffs.map((s) => [
          e(`${s.author.name}${s.author.email ? ` <${s.author.email}>` : ""}`),
          e(s.role),
          when(s.createdAt),
          e(s.note),
          `<code>${e(s.sha256)}</code>`,
        ]),
      )
    : "<p>Not signed off yet.</p>"
}
</section>`;
}

const STYLE = `body{font:10pt/1.4 system-ui,sans-serif;color:#111;margin:0 16px}h1{font-size:18pt}h2{font-size:13pt;margin-top:18px;border-bottom:1px solid #999}h3{font-size:10.5pt}table{border-collapse:collapse;width:100%;margin:6px 0}th,td{border:1px solid #bbb;padding:2px 4px;text-align:left;vertical-align:top;word-break:break-word}th{background:#eee}.run{page-break-before:always}code{font-size:8.5pt;word-break:break-all}.note,.refs,.meta{color:#333}`;

/**
 * The whole pack as one printable HTML document (the PDF is rendered from it): summary, then every
 * run, then the sign-offs, which are outside the hashed JSON. Pure; every vendor string is escaped.
 */
export function packHtml(pack: {
  doc: EvidencePackDoc;
  sha256: string;
  signOffs: readonly EvidenceSignOffView[];
}): string {
  const { doc } = pack;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Evidence pack ${e(doc.period.label)}</title><style>${STYLE}</style></head><body>
<h1>DR evidence pack ${e(doc.period.label)}</h1>
<p>Period ${when(doc.period.from)} to ${when(doc.period.to)} (end excluded) · ${doc.runs.length} runs · generated ${when(doc.generatedAt)} by ${e(doc.generatedBy.name)}</p>
<p>Pack SHA-256 (of its canonical JSON, RFC 8785): <code>${e(pack.sha256)}</code>. Verify it in Jobdeck under Evidence → Verify.</p>
${summaryHtml(doc)}
${doc.runs.map(runHtml).join("\n")}
${signOffsHtml(pack.signOffs)}
<section class="definitions"><h2>Definitions</h2>${table(
    ["Term", "Meaning"],
    Object.entries(doc.definitions).map(([k, v]) => [e(k), e(v)]),
  )}</section>
</body></html>`;
}
