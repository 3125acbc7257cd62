import { jobListQuery } from "@/lib/contracts/jobs";
import { listJobs } from "@/lib/data/jobs";
import { route } from "@/lib/http/route";
import { jobFiltersFromQuery } from "@/lib/services/jobs/job-filters";

export const dynamic = "force-dynamic";

export const GET = route({ query: jobListQuery }, async ({ query }) => listJobs(jobFiltersFromQuery(query)));
