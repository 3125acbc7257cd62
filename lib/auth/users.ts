import { hashPassword } from "better-auth/crypto";
import type { Role } from "@/lib/domain/roles";
import { getDb, type Db, type Tx } from "@/lib/db/client";
import { conflict, notFound } from "@/lib/http/problem";
import { CREDENTIAL_PROVIDER } from "./credential";

const PUBLIC_FIELDS = {
  id: true,
  name: true,
  email: true,
  role: true,
  createdAt: true,
  accounts: { select: { providerId: true } },
} as const;

export interface NewUser {
  email: string;
  name: string;
  password: string;
  role: Role;
}

export async function listUsers(db: Tx = getDb()) {
  const users = await db.user.findMany({ select: PUBLIC_FIELDS, orderBy: [{ name: "asc" }, { email: "asc" }] });
  return users.map(({ accounts, ...user }) => ({ ...user, signIn: [...new Set(accounts.map((a) => a.providerId))] }));
}

/** A local account with a password, the way better-auth's own email sign-up stores it. */
export async function createUser(input: NewUser, db: Db = getDb()) {
  const email = input.email.trim().toLowerCase();
  const password = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email }, select: { id: true } })) throw conflict(`A user with the email ${email} already exists.`);
    const user = await tx.user.create({ data: { email, name: input.name.trim(), role: input.role, emailVerified: true } });
    await tx.account.create({ data: { userId: user.id, accountId: user.id, providerId: CREDENTIAL_PROVIDER, password } });
    return { id: user.id, name: user.name, email: user.email, role: user.role, createdAt: user.createdAt, signIn: [CREDENTIAL_PROVIDER] };
  });
}

export async function setUserRole(id: string, role: Role, db: Db = getDb()) {
  return db.$transaction(async (tx) => {
    await lockAdmins(tx);
    const user = await tx.user.findUnique({ where: { id }, select: { role: true } });
    if (!user) throw notFound("No such user.");
    if (user.role === "admin" && role !== "admin") await assertAnotherAdmin(tx, id);
    return tx.user.update({ where: { id }, data: { role }, select: { id: true, name: true, email: true, role: true } });
  });
}

/** Deletes the user and, by cascade, their sessions and sign-in accounts; their actions keep the actor's name. */
export async function deleteUser(id: string, db: Db = getDb()): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockAdmins(tx);
    const user = await tx.user.findUnique({ where: { id }, select: { role: true } });
    if (!user) throw notFound("No such user.");
    if (user.role === "admin") await assertAnotherAdmin(tx, id);
    await tx.user.delete({ where: { id } });
  });
}

/**
 * Serialises admin changes: two admins demoting each other at the same moment would otherwise
 * each see the other still in place and leave Jobdeck with none.
 */
async function lockAdmins(tx: Tx): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "User" WHERE role = 'admin' FOR UPDATE`;
}

async function assertAnotherAdmin(tx: Tx, exceptId: string): Promise<void> {
  const others = await tx.user.count({ where: { role: "admin", id: { not: exceptId } } });
  if (others === 0) throw conflict("This is the last admin; make someone else an admin first.");
}
