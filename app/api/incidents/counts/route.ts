import { route } from "@/lib/http/route";
import { countIncidents } from "@/lib/alerts/services/incidents";

export const dynamic = "force-dynamic";

export const GET = route({}, async () => countIncidents());
