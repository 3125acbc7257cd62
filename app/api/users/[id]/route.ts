import { roleBody, userParams } from "@/lib/auth/schemas";
import { deleteUser, setUserRole } from "@/lib/auth/users";
import { route } from "@/lib/http/route";

export const PATCH = route({ role: "admin", params: userParams, body: roleBody }, async ({ params, body }) => setUserRole(params.id, body.role));

export const DELETE = route({ role: "admin", params: userParams }, async ({ params }) => {
  await deleteUser(params.id);
  return new Response(null, { status: 204 });
});
