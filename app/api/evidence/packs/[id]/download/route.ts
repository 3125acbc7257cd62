import { packIdParams } from "@/lib/contracts/evidence";
import { route } from "@/lib/http/route";
import { getPackJson } from "@/lib/evidence/packs";

export const dynamic = "force-dynamic";

/** The canonical JSON exactly as issued (the bytes the SHA-256 is over), as a file. */
export const GET = route({ params: packIdParams }, async ({ params }) => {
  const pack = await getPackJson(params.id);
  const name = `evidence-${pack.label.replace(/[^A-Za-z0-9-]+/g, "_")}-${pack.sha256.slice(0, 12)}.json`;
  return new Response(pack.canonical, {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${name}"`,
      "x-content-sha256": pack.sha256,
      "cache-control": "no-store",
    },
  });
});
