import { userParams } from "@/lib/contracts/auth";
import { resetPassword } from "@/lib/auth/users";
import { route } from "@/lib/http/route";

/** An admin resets a password: the new one is in this response only (show it once), and the reset is audited. */
export const POST = route({ role: "admin", params: userParams }, async ({ params, actor }) => {
  return Response.json(await resetPassword(params.id, actor), {
    headers: { "cache-control": "no-store" },
  });
});
