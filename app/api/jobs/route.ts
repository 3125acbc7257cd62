import { jobsListEndpoint } from "@/lib/endpoints/jobs-list";

export const dynamic = "force-dynamic";

export const GET = jobsListEndpoint;
