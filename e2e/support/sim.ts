import type { APIRequestContext } from "@playwright/test";
import type { SourceKind } from "../../lib/domain/source-kind";
import { simUrl } from "./e2e-env";

/** Tells a simulator to start a job now; returns the vendor's id for it. */
export async function startSimJob(
  request: APIRequestContext,
  kind: SourceKind,
  body: Record<string, unknown> = {},
): Promise<string> {
  const res = await request.post(`${simUrl(kind)}/__sim/jobs`, { data: body });
  if (res.status() !== 201)
    throw new Error(
      `${kind} simulator refused to start a job: ${res.status()} ${await res.text()}`,
    );
  return ((await res.json()) as { vendorId: string }).vendorId;
}

export async function failSimJob(
  request: APIRequestContext,
  kind: SourceKind,
  vendorId: string,
): Promise<void> {
  const res = await request.post(`${simUrl(kind)}/__sim/jobs/${encodeURIComponent(vendorId)}/fail`);
  if (!res.ok()) throw new Error(`${kind} simulator could not fail ${vendorId}: ${res.status()}`);
}

/** Requests the simulator has served, per "METHOD /path": how tests count vendor calls. */
export async function simRequestCounts(
  request: APIRequestContext,
  kind: SourceKind,
): Promise<Record<string, number>> {
  return (await (await request.get(`${simUrl(kind)}/__sim/requests`)).json()) as Record<
    string,
    number
  >;
}

export async function addSimFault(
  request: APIRequestContext,
  kind: SourceKind,
  fault: Record<string, unknown>,
): Promise<void> {
  const res = await request.post(`${simUrl(kind)}/__sim/faults`, { data: fault });
  if (res.status() !== 201) throw new Error(`fault refused: ${await res.text()}`);
}

export async function clearSimFaults(request: APIRequestContext, kind: SourceKind): Promise<void> {
  await request.delete(`${simUrl(kind)}/__sim/faults`);
}
