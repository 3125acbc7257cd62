import { userParams, userPatchBody } from "@/lib/contracts/auth";
import { deleteUser, updateUser } from "@/lib/auth/users";
import { route } from "@/lib/http/route";

export const PATCH = route(
  { role: "admin", params: userParams, body: userPatchBody },
  async ({ params, body, actor }) => {
    return updateUser(params.id, body, actor);
  },
);

export const DELETE = route({ role: "admin", params: userParams }, async ({ params }) => {
  await deleteUser(params.id);
  return new Response(null, { status: 204 });
});
