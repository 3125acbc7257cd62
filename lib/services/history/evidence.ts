import { toAuditLine, toEventView } from "@/lib/data/job-detail";
import {
  addSignOff,
  getHistoryRow,
  getRunEvidence,
  lastReadinessBefore,
  listSignOffs,
} from "@/lib/data/history";
import { getDb, type Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/domain/actor";
import { buildPhaseTree, flattenPhaseTree, phaseTiming } from "@/lib/domain/phase-tree";
import { Forbidden, NotFound } from "@/lib/domain/errors";
import { canSignOff } from "@/lib/domain/roles";
import { measureRuns } from "./measure-runs";
import type {
  AuditTrailLine,
  EvidenceReport,
  PhaseTiming,
  SignOffView,
} from "@/lib/contracts/history";

const iso = (d: Date | null) => d?.toISOString() ?? null;
const toSignOff = (s: {
  id: string;
  author: string;
  authorEmail: string | null;
  authorId: string | null;
  note: string;
  createdAt: Date;
}): SignOffView => ({
  id: s.id,
  author: s.author,
  authorEmail: s.authorEmail,
  authorId: s.authorId,
  note: s.note,
  createdAt: s.createdAt.toISOString(),
});

/** Everything an auditor asks about one failover or test, in one read. */
export async function getEvidenceReport(
  id: string,
  db: Tx = getDb(),
  now: Date = new Date(),
): Promise<EvidenceReport | null> {
  const row = await getHistoryRow(id, db);
  if (!row) return null;
  const [measured] = await measureRuns([row], { rpo: true }, db);
  if (!measured) return null;
  const { run } = measured;
  const [evidence, signOffs, readinessRun] = await Promise.all([
    getRunEvidence(id, db),
    listSignOffs(id, db),
    row.kind === "eyeglass" && row.startedAt
      ? lastReadinessBefore(row.sourceId, run.group, row.startedAt, db)
      : null,
  ]);
  const events = (evidence?.events ?? []).map(toEventView);
  const tree = buildPhaseTree(
    row.phases.map((p) => ({ ...p, key: p.vendorKey, order: p.sortOrder })),
  );
  const phases: PhaseTiming[] = flattenPhaseTree(tree).map(({ phase: p, depth }) => ({
    key: p.key,
    ...phaseTiming(p, depth),
    service: run.rtoPhase !== null && p.name.trim().toLowerCase() === run.rtoPhase.toLowerCase(),
  }));
  const audit: AuditTrailLine[] = (evidence?.actions ?? []).map((a) => ({
    ...toAuditLine(a),
    stages: a.audit.map((s) => ({ at: s.at.toISOString(), stage: s.stage, detail: s.detail })),
  }));
  return {
    run,
    message: row.message,
    readiness: {
      atSubmission: events.filter((e) => e.type === "readiness"),
      lastRun: readinessRun
        ? {
            id: readinessRun.id,
            name: readinessRun.name,
            state: readinessRun.state,
            endedAt: iso(readinessRun.endedAt),
            findings: readinessRun.events.map(toEventView),
          }
        : null,
    },
    phases,
    problems: events.filter(
      (e) => e.type !== "readiness" && (e.severity === "warning" || e.severity === "error"),
    ),
    audit,
    signOffs: signOffs.map(toSignOff),
    generatedAt: now.toISOString(),
  };
}

/** A manager's sign-off note: kept with the author's name, email and id as they were when signed. */
export async function signOffRun(
  jobId: string,
  actor: Actor,
  note: string,
  db: Tx = getDb(),
): Promise<SignOffView> {
  if (actor.kind === "display" || !canSignOff(actor.role))
    throw new Forbidden(
      `Signing off needs the operator, admin or auditor role; you are ${actor.role}.`,
    );
  const row = await getHistoryRow(jobId, db);
  if (!row) throw new NotFound(`No run ${jobId}.`);
  const created = await addSignOff(
    {
      jobId,
      userId: actor.kind === "user" ? actor.id : null,
      authorId: actor.id,
      authorEmail: actor.email ?? null,
      author: actor.name,
      note,
    },
    db,
  );
  return toSignOff(created);
}
