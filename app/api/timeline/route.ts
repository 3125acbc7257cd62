import { timelineEndpoint } from "@/lib/endpoints/timeline";

export const dynamic = "force-dynamic";

export const GET = timelineEndpoint;
