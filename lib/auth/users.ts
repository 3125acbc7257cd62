import { randomBytes } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import type { Role } from "@/lib/domain/roles";
import { getDb, type Db, type Tx } from "@/lib/db/client";
import { Conflict, NotFound } from "@/lib/domain/errors";
import { recordAdminAction } from "@/lib/data/admin-audit";
import type { Actor } from "@/lib/domain/actor";
import { CREDENTIAL_PROVIDER } from "./credential";
import { forgetRecentSessions } from "./recent-sessions";

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
  const users = await db.user.findMany({
    select: PUBLIC_FIELDS,
    orderBy: [{ name: "asc" }, { email: "asc" }],
  });
  return users.map(({ accounts, ...user }) => ({
    ...user,
    signIn: [...new Set(accounts.map((a) => a.providerId))],
  }));
}

/** A local account with a password, the way better-auth's own email sign-up stores it. */
export async function createUser(input: NewUser, db: Db = getDb()) {
  const email = input.email.trim().toLowerCase();
  const password = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email }, select: { id: true } }))
      throw new Conflict(`A user with the email ${email} already exists.`);
    const user = await tx.user.create({
      data: { email, name: input.name.trim(), role: input.role, emailVerified: true },
    });
    await tx.account.create({
      data: { userId: user.id, accountId: user.id, providerId: CREDENTIAL_PROVIDER, password },
    });
    return {
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      createdAt: user.createdAt,
      signIn: [CREDENTIAL_PROVIDER],
    };
  });
}

export interface UserChange {
  role?: Role;
  name?: string;
  email?: string;
}

/**
 * An admin changes a user's role, name or email. People cannot change their own name or email
 * (the auth API refuses), because the audit trail shows them; so every change here is audited,
 * with the values before and after.
 */
export async function updateUser(id: string, change: UserChange, by: Actor, db: Db = getDb()) {
  const updated = await db.$transaction(async (tx) => {
    await lockAdmins(tx);
    const user = await tx.user.findUnique({
      where: { id },
      select: { role: true, name: true, email: true },
    });
    if (!user) throw new NotFound("No such user.");
    const email = change.email?.trim().toLowerCase();
    const name = change.name?.trim();
    if (change.role && user.role === "admin" && change.role !== "admin")
      await assertAnotherAdmin(tx, id);
    if (
      email &&
      email !== user.email &&
      (await tx.user.findUnique({ where: { email }, select: { id: true } }))
    ) {
      throw new Conflict(`A user with the email ${email} already exists.`);
    }
    const updated = await tx.user.update({
      where: { id },
      data: {
        ...(change.role ? { role: change.role } : {}),
        ...(name ? { name } : {}),
        ...(email ? { email } : {}),
      },
      select: { id: true, name: true, email: true, role: true },
    });
    const before = { role: user.role, name: user.name, email: user.email };
    const after = { role: updated.role, name: updated.name, email: updated.email };
    const changed = (Object.keys(before) as Array<keyof typeof before>).filter(
      (k) => before[k] !== after[k],
    );
    if (changed.length) {
      const detail = changed.map((k) => `${k}: ${before[k]} → ${after[k]}`).join("; ");
      await recordAdminAction(
        tx,
        by,
        "update-user",
        { userId: id, before, after },
        `User ${id}: ${detail}`,
      );
    }
    return updated;
  });
  // A new role must hold from the next request on, not after recently read sessions expire.
  forgetRecentSessions();
  return updated;
}

/**
 * An admin resets a user's password: a random one is set, every session of theirs ends, and the
 * password is returned for the admin to hand over; Jobdeck shows it once and keeps only its hash.
 */
export async function resetPassword(
  id: string,
  by: Actor,
  db: Db = getDb(),
): Promise<{ password: string }> {
  const password = randomBytes(15).toString("base64url");
  const hash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id }, select: { email: true } });
    if (!user) throw new NotFound("No such user.");
    const account = await tx.account.findFirst({
      where: { userId: id, providerId: CREDENTIAL_PROVIDER },
      select: { id: true },
    });
    if (account) await tx.account.update({ where: { id: account.id }, data: { password: hash } });
    else
      await tx.account.create({
        data: { userId: id, accountId: id, providerId: CREDENTIAL_PROVIDER, password: hash },
      });
    await tx.session.deleteMany({ where: { userId: id } });
    await recordAdminAction(
      tx,
      by,
      "reset-password",
      { userId: id, email: user.email },
      `Password of ${user.email} (${id}) reset; their sessions ended.`,
    );
  });
  forgetRecentSessions();
  return { password };
}

/** Deletes the user and, by cascade, their sessions and sign-in accounts; their actions keep the actor's name. */
export async function deleteUser(id: string, db: Db = getDb()): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockAdmins(tx);
    const user = await tx.user.findUnique({ where: { id }, select: { role: true } });
    if (!user) throw new NotFound("No such user.");
    if (user.role === "admin") await assertAnotherAdmin(tx, id);
    await tx.user.delete({ where: { id } });
  });
  forgetRecentSessions();
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
  if (others === 0) throw new Conflict("This is the last admin; make someone else an admin first.");
}
