import {
  clearThrottleFailures,
  hitThrottle,
  lockedFor,
  maybePruneThrottles,
  recordThrottleFailure,
} from "@/lib/data/throttle";
import { env } from "@/lib/env";
import { TooMany } from "@/lib/domain/errors";

const MINUTE = 60_000;
const FIRST_LOCK_MS = 30_000;
const ACCOUNT_MAX_LOCK_MS = 15 * MINUTE;
const ADDRESS_MAX_LOCK_MS = 60 * MINUTE;
/** A shared office address makes more honest mistakes than one person does. */
const ADDRESS_ALLOWANCE_FACTOR = 5;

const ipKey = (ip: string) => `sign-in:ip:${ip}`;
const accountKey = (email: string) => `sign-in:account:${email.trim().toLowerCase()}`;

const limited = (detail: string, retryAfterSeconds: number) =>
  new TooMany("sign-in attempts", detail, retryAfterSeconds);

function seconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

function wait(ms: number): string {
  const s = seconds(ms);
  return s < 120 ? `${s} seconds` : `${Math.ceil(s / 60)} minutes`;
}

/**
 * Before the password is checked: the client address gets JOBDECK_SIGNIN_ATTEMPTS_PER_MINUTE tries
 * a minute and is locked out after many failures; the account is locked out (doubling) after
 * JOBDECK_SIGNIN_FAILURES_BEFORE_LOCK failures from anywhere, so rotating addresses does not help.
 */
export async function assertSignInAllowed(
  ip: string,
  email: string | null,
  now = new Date(),
): Promise<void> {
  const perMinute = env().JOBDECK_SIGNIN_ATTEMPTS_PER_MINUTE;
  await maybePruneThrottles();
  const address = await hitThrottle(ipKey(ip), perMinute, MINUTE, now);
  if (!address.allowed) {
    throw limited(
      `Too many sign-in attempts from your network address. Wait ${wait(address.retryAfterMs)} and try again.`,
      seconds(address.retryAfterMs),
    );
  }
  if (!email) return;
  const locked = await lockedFor(accountKey(email), now);
  if (locked > 0) {
    throw limited(
      `This account is locked for ${wait(locked)} after repeated wrong passwords. Wait and try again, or ask a Jobdeck admin to reset your password.`,
      seconds(locked),
    );
  }
}

/** After the password check: failures count toward lock-outs, a success forgives the account's. */
export async function recordSignInOutcome(
  ip: string,
  email: string | null,
  ok: boolean,
  now = new Date(),
): Promise<void> {
  const allowance = env().JOBDECK_SIGNIN_FAILURES_BEFORE_LOCK;
  if (ok) {
    if (email) await clearThrottleFailures(accountKey(email));
    return;
  }
  await recordThrottleFailure(
    ipKey(ip),
    allowance * ADDRESS_ALLOWANCE_FACTOR,
    FIRST_LOCK_MS,
    ADDRESS_MAX_LOCK_MS,
    now,
  );
  if (email)
    await recordThrottleFailure(
      accountKey(email),
      allowance,
      FIRST_LOCK_MS,
      ACCOUNT_MAX_LOCK_MS,
      now,
    );
}
