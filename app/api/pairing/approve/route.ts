import { pairingApproveBody } from "@/lib/contracts/auth";
import { normalizePairingCode } from "@/lib/auth/pairing-code";
import { approvePairing } from "@/lib/auth/pairing-requests";
import { badRequest, notFound } from "@/lib/http/problem";
import { route } from "@/lib/http/route";

/** An admin types the code a wall screen shows; the screen gets a display token named `name`. */
export const POST = route({ role: "admin", body: pairingApproveBody }, async ({ body, actor }) => {
  const code = normalizePairingCode(body.code);
  if (!code)
    throw badRequest("That is not a pairing code.", [
      { parameter: "code", message: "8 letters and digits, like K7QM-4XTP" },
    ]);
  if (!(await approvePairing(code, body.name, actor.id ?? "")))
    throw notFound(
      "No screen is waiting with that code: it may have expired (codes last 10 minutes) or been used.",
    );
  return { code, name: body.name };
});
