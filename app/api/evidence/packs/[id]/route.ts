import { packIdParams } from "@/lib/contracts/evidence";
import { route } from "@/lib/http/route";
import { getPack } from "@/lib/evidence/packs";

export const dynamic = "force-dynamic";

export const GET = route({ params: packIdParams }, async ({ params }) => getPack(params.id));
