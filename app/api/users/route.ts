import { newUserBody, type UserRow } from "@/lib/contracts/auth";
import { asWire } from "@/lib/contracts/wire";
import { createUser, listUsers } from "@/lib/auth/users";
import { route } from "@/lib/http/route";

export const GET = route(
  { role: "admin", auditor: true },
  async (): Promise<{ users: UserRow[] }> => ({
    users: asWire(await listUsers()),
  }),
);

export const POST = route({ role: "admin", body: newUserBody }, async ({ body }) =>
  Response.json(asWire(await createUser(body)) satisfies UserRow, { status: 201 }),
);
