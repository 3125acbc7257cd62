import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/actor";
import { setDb } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { getActor } from "./get-actor";
import { handleAuthRequest } from "./handler";
import { ORIGIN, signedInCookie } from "./test-support";
import { createUser, deleteUser, resetPassword, updateUser } from "./users";

let t: TestDatabase;
const PASSWORD = "correct horse battery";
let admin: Actor;

beforeAll(async () => {
  t = await createTestDatabase();
  setDb(t.db);
  const user = await createUser({
    email: "admin@example.com",
    name: "Admin",
    password: PASSWORD,
    role: "admin",
  });
  admin = { kind: "user", id: user.id, name: "Admin", email: user.email, role: "admin" };
});
afterAll(async () => {
  setDb(undefined);
  await t.drop();
});

const read = (cookie: string) =>
  getActor(new Request(`${ORIGIN}/api/jobs`, { headers: { cookie } }));
const act = (cookie: string) =>
  getActor(new Request(`${ORIGIN}/api/jobs/x/actions`, { method: "POST", headers: { cookie } }));

async function signedIn(email: string) {
  const user = await createUser({ email, name: email, password: PASSWORD, role: "operator" });
  return { id: user.id, cookie: await signedInCookie(email, PASSWORD) };
}

describe("reads reuse a session looked up moments ago; actions and changes never do", () => {
  it("an action asks the database even right after a read of the same session", async () => {
    const { id, cookie } = await signedIn("rita@example.com");
    expect((await read(cookie))?.id).toBe(id);
    // Deleted straight in the database (not through Jobdeck), so nothing forgot the read's session.
    await t.db.session.deleteMany({ where: { userId: id } });
    expect(await act(cookie)).toBeNull();
  });

  it("a role change holds from the very next read", async () => {
    const { id, cookie } = await signedIn("otto@example.com");
    expect((await read(cookie))?.role).toBe("operator");
    await updateUser(id, { role: "viewer" }, admin);
    expect((await read(cookie))?.role).toBe("viewer");
  });

  it("a password reset, a deletion and a sign-out end the session for the very next read", async () => {
    const reset = await signedIn("pia@example.com");
    expect((await read(reset.cookie))?.id).toBe(reset.id);
    await resetPassword(reset.id, admin);
    expect(await read(reset.cookie)).toBeNull();

    const deleted = await signedIn("dirk@example.com");
    expect((await read(deleted.cookie))?.id).toBe(deleted.id);
    await deleteUser(deleted.id);
    expect(await read(deleted.cookie)).toBeNull();

    const out = await signedIn("sven@example.com");
    expect((await read(out.cookie))?.id).toBe(out.id);
    const signOut = await handleAuthRequest(
      new Request(`${ORIGIN}/api/auth/sign-out`, {
        method: "POST",
        headers: { cookie: out.cookie, origin: ORIGIN, "content-type": "application/json" },
        body: "{}",
      }),
    );
    expect(signOut.status).toBe(200);
    expect(await read(out.cookie)).toBeNull();
  });
});
