import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { genericOAuth } from "better-auth/plugins/generic-oauth";
import { getDb, type Db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import { authSecret } from "./auth-secret";
import { oidcProvider } from "./oidc";
import { trustedOrigins } from "./trusted-origins";

const DAY = 24 * 60 * 60;

export const SIGN_IN_WINDOW_SECONDS = 60;

function buildAuth(db: Db, secure: boolean) {
  const { JOBDECK_PUBLIC_URL, JOBDECK_SIGNIN_ATTEMPTS_PER_MINUTE } = env();
  const oidc = oidcProvider();
  return betterAuth({
    appName: "Jobdeck",
    // Set in production: the only trusted origin. Unset (the demo): whatever address the app was opened by.
    baseURL: JOBDECK_PUBLIC_URL,
    trustedOrigins,
    basePath: "/api/auth",
    secret: authSecret(),
    database: prismaAdapter(db, { provider: "postgresql" }),
    // Accounts are created by an admin (or on first SSO sign-in), never by a public sign-up form.
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 8, maxPasswordLength: 128 },
    user: {
      additionalFields: {
        role: { type: "string", required: false, defaultValue: "viewer", input: false },
      },
    },
    // Rolling sessions: a week without use signs you out; use extends it at most once a day.
    session: { expiresIn: 7 * DAY, updateAge: DAY },
    rateLimit: {
      // better-auth only limits in production by default; sign-in is guarded everywhere.
      enabled: true,
      storage: "database",
      window: 60,
      max: 300,
      customRules: {
        "/sign-in/email": { window: SIGN_IN_WINDOW_SECONDS, max: JOBDECK_SIGNIN_ATTEMPTS_PER_MINUTE },
      },
    },
    plugins: oidc ? [genericOAuth({ config: [oidc] })] : [],
    advanced: {
      cookiePrefix: "jobdeck",
      useSecureCookies: secure,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
      // Explicit so the origin check also runs under NODE_ENV=test, where better-auth skips it.
      disableOriginCheck: false,
      database: { generateId: "uuid" },
    },
    logger: {
      log: (level, message, ...args) => logger[level]({ args }, `better-auth: ${message}`),
    },
  });
}

export type Auth = ReturnType<typeof buildAuth>;

// One instance per database (tests swap it with setDb) and per cookie security, because
// better-auth fixes the Secure attribute and the `__Secure-` name prefix at construction.
const instances = new WeakMap<Db, Map<boolean, Auth>>();

export function getAuth(secure: boolean, db: Db = getDb()): Auth {
  let byDb = instances.get(db);
  if (!byDb) {
    byDb = new Map();
    instances.set(db, byDb);
  }
  let auth = byDb.get(secure);
  if (!auth) {
    auth = buildAuth(db, secure);
    byDb.set(secure, auth);
  }
  return auth;
}
