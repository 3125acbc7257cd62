import { randomBytes } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { getDb, type Db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { CREDENTIAL_PROVIDER } from "./credential";

export const DEFAULT_ADMIN_EMAIL = "admin@jobdeck.local";

export interface FirstAdmin {
  email: string;
  /** Set only when Jobdeck made the password up; it is printed once and never stored in clear. */
  generatedPassword?: string;
}

/**
 * Makes sure someone can administer Jobdeck: when no admin exists, JOBDECK_ADMIN_EMAIL/PASSWORD
 * become one (created, or promoted with that password); without them admin@jobdeck.local gets a
 * random password that is printed once. Returns null when an admin already existed.
 */
export async function ensureFirstAdmin(
  db: Db = getDb(),
  print: (line: string) => void = console.log,
): Promise<FirstAdmin | null> {
  if (await db.user.findFirst({ where: { role: "admin" }, select: { id: true } })) return null;
  const { JOBDECK_ADMIN_EMAIL, JOBDECK_ADMIN_PASSWORD } = env();
  const email = (JOBDECK_ADMIN_EMAIL ?? DEFAULT_ADMIN_EMAIL).toLowerCase();
  const plain = JOBDECK_ADMIN_PASSWORD ?? randomBytes(18).toString("base64url");
  const generatedPassword = JOBDECK_ADMIN_PASSWORD ? undefined : plain;
  const password = await hashPassword(plain);
  await db.$transaction(async (tx) => {
    const user = await tx.user.upsert({
      where: { email },
      create: { email, name: "Administrator", role: "admin", emailVerified: true },
      update: { role: "admin" },
    });
    const account = await tx.account.findFirst({
      where: { userId: user.id, providerId: CREDENTIAL_PROVIDER },
      select: { id: true },
    });
    if (account) await tx.account.update({ where: { id: account.id }, data: { password } });
    else
      await tx.account.create({
        data: { userId: user.id, accountId: user.id, providerId: CREDENTIAL_PROVIDER, password },
      });
  });
  if (generatedPassword) {
    print(
      `\n  Jobdeck created the first admin. Sign in at /sign-in and keep this password; it is shown only once:\n    email:    ${email}\n    password: ${generatedPassword}\n`,
    );
  } else {
    print(`Jobdeck made ${email} (JOBDECK_ADMIN_EMAIL) an admin.`);
  }
  return { email, ...(generatedPassword ? { generatedPassword } : {}) };
}
