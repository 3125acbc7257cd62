import { countJobsByVendor } from "@/lib/data/job-counts";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route({}, async () => countJobsByVendor());
