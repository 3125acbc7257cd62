import { formatDataSize } from "./data-size";
import type { ResourcePlan, SessionPlan } from "./plan";
import { protectedVmdks, resourceState, sessionState } from "./timeline";

type Json = Record<string, unknown>;

export function link(href: string, rel = "self"): Json {
  return { rel, href, hreflang: null, media: null, title: null, type: null, deprecation: null };
}

const seconds = (ms: number | null) => (ms === null ? 0 : Math.floor(ms / 1000));

/** One /api/progress summary, every field the document shows, with `resourceSummary` repeating it. */
export function renderSummary(
  plan: SessionPlan,
  r: ResourcePlan,
  now: number,
  cancelingMs: number,
  origin: string,
): Json {
  const s = resourceState(plan, r, now, cancelingMs);
  const running = s.status === "running";
  const elapsedEnd = s.endMs ?? now;
  const body: Json = {
    name: r.name,
    type: plan.progressType,
    association: null,
    protectionInfo: null,
    recoveryInfo: null,
    recoveryPoint: null,
    siteId: "1000",
    autoProvisionedsubPolicyName: null,
    rbacPath: null,
    rbacPathId: null,
    extInfo: null,
    location: r.location,
    metadataPath: null,
    inHLO: true,
    jobPK: `${plan.jobId}_${plan.id}`,
    resourceName: r.name,
    resourcePk: r.pk,
    proxyUsed: plan.proxy,
    proxyUsedId: "2102",
    isBase: true,
    vmdkIds: null,
    vmdkName: null,
    transportMethod: plan.progressType === "HYPERVISORVM" ? "[hotadd]" : null,
    vmdkCount: r.vmdkCount,
    protectedVmdkCount: protectedVmdks(r, s),
    totalDataTransferred: formatDataSize(s.bytesDone),
    total: 0,
    throughput: String(s.bytesPerSec),
    queueTimeStart: seconds(plan.startMs),
    queueTimeEnd: seconds(s.startMs),
    isSuccess: s.status === "complete" || s.status === "partial",
    summaryStatus: s.status,
    vSnapUsed: plan.vsnap,
    vSnapUsedId: null,
    percentageCompleted: s.percent,
    vsnapVolumes:
      s.startMs === null ? {} : { [`spp_${plan.jobId}_${r.pk.slice(0, 12)}`]: "2102.volume.3" },
    groupParentPk: null,
    groupPercentageCompleted: 0,
    resourcePhaseName: running ? (r.phases[s.phaseNumber - 1] ?? null) : null,
    resourcePhaseProgressPercentage: s.phasePercent,
    phaseNumber: s.phaseNumber,
    totalPhases: running ? r.phases.length : 0,
    Name: r.name,
    partitionId: null,
    message: s.message,
    backupStartTime: seconds(s.startMs),
    backupEndTime: seconds(s.endMs),
    errorCode: s.errorCode,
    elapsedTime: s.startMs === null ? 0 : Math.floor((elapsedEnd - s.startMs) / 1000),
    base: true,
    success: s.status === "complete" || s.status === "partial",
    protected: s.status === "complete",
    failed: s.status === "failed",
    systemHold: false,
    id: `${plan.id}.${r.pk}`,
    host: plan.proxy,
  };
  return {
    links: { up: link(`${origin}/api/progress`) },
    ...body,
    resourceType: "resourcesummary",
    resourceSummary: body,
  };
}

export function renderSession(
  plan: SessionPlan,
  now: number,
  cancelingMs: number,
  origin: string,
): Json {
  const state = sessionState(plan, now, cancelingMs);
  const states = plan.resources.map((r) => resourceState(plan, r, now, cancelingMs));
  const count = (status: string) => states.filter((s) => s.status === status).length;
  const href = `${origin}/api/endeavour/jobsession/${plan.id}`;
  return {
    links: {
      self: link(href),
      log: link(
        `${origin}/api/endeavour/log/job?filter=${encodeURIComponent(JSON.stringify([{ property: "jobsessionId", value: plan.id }]))}`,
        "log",
      ),
      cancel: link(`${href}?action=cancel`, "cancel"),
    },
    id: plan.id,
    jobName: plan.jobName,
    jobId: plan.jobId,
    type: "protection",
    subPolicyType: plan.subPolicyType,
    serviceId: plan.serviceId,
    start: plan.startMs,
    end: state.endMs,
    duration: (state.endMs ?? now) - plan.startMs,
    status: state.status,
    results:
      state.status === "RUNNING" || state.status === "PENDING" ? null : resultsText(state.status),
    percent: state.percent,
    numTasks: plan.resources.length,
    completedTasks: count("complete") + count("partial"),
    indexStatus: null,
    properties: {
      statistics: [
        {
          resourceType: plan.resourceType,
          total: plan.resources.length,
          success: count("complete") + count("partial"),
          failed: count("failed"),
          skipped: count("skipped"),
        },
      ],
    },
  };
}

function resultsText(status: string): string {
  switch (status) {
    case "COMPLETED":
      return "Completed";
    case "PARTIAL":
      return "Partially completed";
    case "FAILED":
      return "Failed";
    case "CANCELING":
      return "Canceling";
    default:
      return "Canceled";
  }
}
