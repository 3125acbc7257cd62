import { jobCountsEndpoint } from "@/lib/endpoints/job-counts";

export const dynamic = "force-dynamic";

export const GET = jobCountsEndpoint;
