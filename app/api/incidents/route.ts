import { incidentListQuery } from "@/lib/contracts/incidents";
import { route } from "@/lib/http/route";
import { listIncidents } from "@/lib/alerts/services/incidents";

export const dynamic = "force-dynamic";

export const GET = route({ query: incidentListQuery }, async ({ query }) => listIncidents(query));
