import { jobListQuery } from "@/lib/contracts/jobs";
import { listJobs } from "@/lib/data/jobs";
import { route } from "@/lib/http/route";
import { sharedRead } from "@/lib/live/shared-reads";
import { jobFiltersFromQuery, jobsWindow } from "@/lib/services/jobs/job-filters";

/** GET /api/jobs: the explorer's list, one keyset page. */
export const jobsListEndpoint = route({ query: jobListQuery }, async ({ query }) =>
  sharedRead("jobs", query, async () => {
    const now = new Date();
    return { ...(await listJobs(jobFiltersFromQuery(query, now))), window: jobsWindow(query, now) };
  }),
);
