import { expect, type APIRequestContext } from "@playwright/test";
import type { JobPage, JobSummary } from "@/lib/contracts/jobs";
import type { SourceKind } from "../../lib/domain/source-kind";

/** Waits until the sync worker has stored the vendor's job, and returns Jobdeck's copy of it. */
export async function waitForJob(
  request: APIRequestContext,
  kind: SourceKind,
  vendorId: string,
  timeout = 60_000,
): Promise<JobSummary> {
  let found: JobSummary | undefined;
  await expect
    .poll(
      async () => {
        const res = await request.get(
          `/api/jobs?kind=${kind}&q=${encodeURIComponent(vendorId)}&limit=50`,
        );
        const page = (await res.json()) as JobPage;
        found = page.items.find((j) => j.vendorId === vendorId);
        return Boolean(found);
      },
      { timeout, message: `${kind} job ${vendorId} to be synced` },
    )
    .toBe(true);
  if (!found) throw new Error("unreachable: poll passed without a job");
  return found;
}

/** Finds a stored job matching `predicate`, waiting for the worker if none does yet. */
export async function findJob(
  request: APIRequestContext,
  query: string,
  predicate: (j: JobSummary) => boolean,
  timeout = 60_000,
): Promise<JobSummary> {
  let found: JobSummary | undefined;
  await expect
    .poll(
      async () => {
        const page = (await (await request.get(`/api/jobs?${query}`)).json()) as JobPage;
        found = page.items.find(predicate);
        return Boolean(found);
      },
      { timeout, message: `a job matching ${query}` },
    )
    .toBe(true);
  if (!found) throw new Error("unreachable: poll passed without a job");
  return found;
}
