import { jobListQuery } from "@/lib/contracts/jobs";
import { listJobs } from "@/lib/data/jobs";
import { route } from "@/lib/http/route";
import { jobFiltersFromQuery, jobsWindow } from "@/lib/services/jobs/job-filters";

/** GET /api/jobs: the explorer's list, one keyset page. */
export const jobsListEndpoint = route({ query: jobListQuery }, async ({ query }) => {
  const now = new Date();
  return { ...(await listJobs(jobFiltersFromQuery(query, now))), window: jobsWindow(query, now) };
});
