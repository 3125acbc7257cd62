import type { JobNow, SimJob } from "./job";
import type { RecordMember } from "./fields";

export const JOBS_PATH = "/api/cluster/jobs";

/** ONTAP prints local time with its offset at second resolution: `2021-04-10T09:51:13+00:00`. */
export function formatTime(ms: number, offsetMinutes: number): string {
  const local = new Date(Math.floor(ms / 1000) * 1000 + offsetMinutes * 60_000)
    .toISOString()
    .slice(0, 19);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, "0");
  const mm = String(abs % 60).padStart(2, "0");
  return `${local}${sign}${hh}:${mm}`;
}

export interface RenderOptions {
  members: ReadonlySet<RecordMember>;
  hal: boolean;
  selfLink: boolean;
  offsetMinutes: number;
}

/** One job as ONTAP prints it, with only the requested members; absent values are left out. */
export function renderJob(
  job: SimJob,
  now: JobNow,
  options: RenderOptions,
): Record<string, unknown> {
  const { members, offsetMinutes } = options;
  const out: Record<string, unknown> = {};
  const want = (m: RecordMember) => members.has(m);
  if (want("uuid")) out.uuid = job.uuid;
  if (want("description")) out.description = job.description;
  if (want("state")) out.state = now.state;
  if (want("message")) out.message = now.message;
  if (want("code")) out.code = now.code;
  if (want("start_time") && now.startTime !== null)
    out.start_time = formatTime(now.startTime, offsetMinutes);
  if (want("end_time") && now.endTime !== null)
    out.end_time = formatTime(now.endTime, offsetMinutes);
  if (want("svm")) {
    out.svm = {
      name: job.svm.name,
      uuid: job.svm.uuid,
      ...(options.hal ? { _links: { self: { href: `/api/svm/svms/${job.svm.uuid}` } } } : {}),
    };
  }
  if (want("node")) out.node = { name: job.node };
  if (want("error") && now.error)
    out.error = { message: now.error.message, code: now.error.code, arguments: [] };
  if (options.selfLink) out._links = { self: { href: `${JOBS_PATH}/${job.uuid}` } };
  return out;
}

export function ontapError(
  message: string,
  code: string,
  target?: string,
): { error: Record<string, unknown> } {
  return { error: { message, code, ...(target ? { target } : {}) } };
}
