import { countJobsByVendor } from "@/lib/data/job-counts";
import { route } from "@/lib/http/route";
import { sharedRead } from "@/lib/live/shared-reads";

/** GET /api/jobs/counts: jobs per vendor, for the explorer's tabs. */
export const jobCountsEndpoint = route({}, async () =>
  sharedRead("job counts", null, () => countJobsByVendor()),
);
