/**
 * What a service says went wrong, in the domain's words. Services throw these and never speak
 * HTTP; the route wrapper (lib/http/route.ts) turns each into problem+json with its status.
 */

/** One bad input, named as the caller wrote it (`reason`, `params.pool`, `cursor`). */
export interface ParameterIssue {
  parameter: string;
  message: string;
}

export type DomainErrorKind =
  | "invalid"
  | "not-found"
  | "conflict"
  | "forbidden"
  | "idempotency-key-reused"
  | "too-many"
  | "busy";

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;

  constructor(readonly detail: string) {
    super(detail);
    this.name = new.target.name;
  }
}

/** The request is malformed or incomplete; `issues` names each bad part. */
export class Invalid extends DomainError {
  readonly kind = "invalid";

  constructor(
    detail: string,
    readonly issues?: ParameterIssue[],
  ) {
    super(detail);
  }
}

export class NotFound extends DomainError {
  readonly kind = "not-found";
}

/** The request clashes with what is stored (a duplicate name, the last admin, an archived source). */
export class Conflict extends DomainError {
  readonly kind = "conflict";
}

/** The caller may not do this (their role, a display token, a self-service change). */
export class Forbidden extends DomainError {
  readonly kind = "forbidden";
}

/** An Idempotency-Key replayed for a different request than the one it was first used for. */
export class IdempotencyKeyReused extends DomainError {
  readonly kind = "idempotency-key-reused";
}

/** The caller asked too often; `what` names the limit ("sign-in attempts", "streams"). */
export class TooMany extends DomainError {
  readonly kind = "too-many";

  constructor(
    readonly what: string,
    detail: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(detail);
  }
}

/** Jobdeck cannot take this on right now (too many screens waiting to pair); try later. */
export class Busy extends DomainError {
  readonly kind = "busy";

  constructor(
    detail: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(detail);
  }
}
