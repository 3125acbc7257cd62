import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { genericOAuth } from "better-auth/plugins/generic-oauth";
import { getDb, type Db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import { authSecret } from "./auth-secret";
import { CLIENT_IP_HEADER } from "@/lib/http/client-ip";
import { oidcProvider } from "./oidc";
import { trustedOrigins } from "./trusted-origins";

const DAY = 24 * 60 * 60;

function buildAuth(db: Db, secure: boolean) {
  const { JOBDECK_PUBLIC_URL } = env();
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
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: 8,
      maxPasswordLength: 128,
    },
    user: {
      additionalFields: {
        role: { type: "string", required: false, defaultValue: "viewer", input: false },
      },
    },
    // Rolling sessions: a week without use signs you out; use extends it at most once a day.
    session: { expiresIn: 7 * DAY, updateAge: DAY },
    rateLimit: {
      // A general ceiling on every auth endpoint; password sign-in has Jobdeck's own per-address and
      // per-account limits with back-off in front of it (sign-in-guard.ts).
      enabled: true,
      storage: "database",
      window: 60,
      max: 300,
      // better-auth's built-in 3-per-10-seconds sign-in rule would key on its own view of the address.
      customRules: { "/sign-in/email": false },
    },
    // Names and emails change only through an admin (audited); handleAuthRequest explains the refusal.
    disabledPaths: ["/update-user", "/change-email", "/delete-user"],
    plugins: oidc ? [genericOAuth({ config: [oidc] })] : [],
    advanced: {
      cookiePrefix: "jobdeck",
      useSecureCookies: secure,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
      // Explicit so the origin check also runs under NODE_ENV=test, where better-auth skips it.
      disableOriginCheck: false,
      database: { generateId: "uuid" },
      // The only address header believed: handleAuthRequest sets it from the socket (and trusted proxies).
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
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
