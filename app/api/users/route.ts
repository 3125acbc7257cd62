import { newUserBody } from "@/lib/auth/schemas";
import { createUser, listUsers } from "@/lib/auth/users";
import { route } from "@/lib/http/route";

export const GET = route({ role: "admin" }, async () => ({ users: await listUsers() }));

export const POST = route({ role: "admin", body: newUserBody }, async ({ body }) => Response.json(await createUser(body), { status: 201 }));
