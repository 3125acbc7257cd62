import { VERIFY_MAX_BYTES, verifyQuery } from "@/lib/contracts/evidence";
import { route } from "@/lib/http/route";
import { readUpload } from "@/lib/evidence/upload";
import { verifyBytes, verifySha256 } from "@/lib/evidence/verify";

export const dynamic = "force-dynamic";

export const GET = route({ query: verifyQuery }, async ({ query }) => verifySha256(query.sha256));

/** The file's raw bytes as the body (any content type): hashed here, never stored. */
export const POST = route({ auditor: true }, async ({ request }) =>
  verifyBytes(await readUpload(request, VERIFY_MAX_BYTES)),
);
