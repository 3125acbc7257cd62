import { packIdParams } from "@/lib/contracts/evidence";
import { route } from "@/lib/http/route";
import { getPackHtml } from "@/lib/evidence/packs";

export const dynamic = "force-dynamic";

/** The printable pack (the PDF's source). A strict CSP: the document runs no script and loads nothing. */
export const GET = route({ params: packIdParams }, async ({ params }) => {
  return new Response(await getPackHtml(params.id), {
    headers: {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
      "cache-control": "no-store",
    },
  });
});
