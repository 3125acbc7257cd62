import { packIdParams } from "@/lib/contracts/evidence";
import { route } from "@/lib/http/route";
import { packPdf } from "@/lib/evidence/pack-pdf";

export const dynamic = "force-dynamic";

/** The PDF exactly as issued (printed once, then stored and chained), as a file. */
export const GET = route({ params: packIdParams }, async ({ params }) => {
  const pack = await packPdf(params.id);
  const name = `evidence-${pack.label.replace(/[^A-Za-z0-9-]+/g, "_")}-${pack.sha256.slice(0, 12)}.pdf`;
  return new Response(Buffer.from(pack.pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${name}"`,
      "x-content-sha256": pack.sha256,
      "cache-control": "no-store",
    },
  });
});
