import { route } from "@/lib/http/route";
import { sseResponse } from "@/lib/live/sse-response";

export const dynamic = "force-dynamic";

export const GET = route({}, async ({ request }) => sseResponse(request.signal));
