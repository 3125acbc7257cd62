import { DomainError, type DomainErrorKind, TooMany, Invalid, Busy } from "@/lib/domain/errors";

/** RFC 9457 problem details: the one error format every Jobdeck API speaks. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  /** One entry per bad request parameter. */
  errors?: Array<{ parameter: string; message: string }>;
}

export function problemResponse(problem: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: {
      "content-type": "application/problem+json",
      "cache-control": "no-store",
      ...headers,
    },
  });
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: Problem["errors"],
    /** For 429 and 503: when to try again (sent as Retry-After). */
    readonly retryAfterSeconds?: number,
  ) {
    super(detail ?? title);
    this.name = "HttpError";
  }

  toProblem(): Problem {
    return {
      type: `https://jobdeck.dev/problems/${this.title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`,
      title: this.title,
      status: this.status,
      ...(this.detail ? { detail: this.detail } : {}),
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }
}

/** The problem response for a thrown HttpError, with Retry-After when it says when to come back. */
export function errorResponse(err: HttpError): Response {
  return problemResponse(
    err.toProblem(),
    err.retryAfterSeconds ? { "retry-after": String(err.retryAfterSeconds) } : {},
  );
}

export const badRequest = (detail: string, errors?: Problem["errors"]) =>
  new HttpError(400, "Bad request", detail, errors);
export const unauthorized = () => new HttpError(401, "Unauthorized", "Sign in to use Jobdeck.");
const TOKEN_REFUSALS = {
  unknown: "is not a Jobdeck API token",
  revoked: "has been revoked",
  expired: "has expired",
} as const;
/** A bearer API token that does not let its script in: 401, saying whether it is unknown, revoked or expired. */
export const rejectedToken = (reason: keyof typeof TOKEN_REFUSALS) =>
  new HttpError(
    401,
    "Unauthorized",
    `The API token ${TOKEN_REFUSALS[reason]}. Ask an admin for a new one.`,
    [{ parameter: "authorization", message: TOKEN_REFUSALS[reason] }],
  );
export const forbidden = (detail: string) => new HttpError(403, "Forbidden", detail);
export const notFound = (detail: string) => new HttpError(404, "Not found", detail);
export const conflict = (detail: string) => new HttpError(409, "Conflict", detail);
export const badGateway = (detail: string) => new HttpError(502, "Vendor error", detail);

const DOMAIN_STATUS: Record<DomainErrorKind, { status: number; title: string }> = {
  invalid: { status: 400, title: "Bad request" },
  forbidden: { status: 403, title: "Forbidden" },
  "not-found": { status: 404, title: "Not found" },
  conflict: { status: 409, title: "Conflict" },
  "idempotency-key-reused": { status: 422, title: "Idempotency key reused" },
  "too-many": { status: 429, title: "Too many requests" },
  busy: { status: 503, title: "Busy" },
};

/** The HTTP face of a service's domain error: its status, title, named parameters and Retry-After. */
export function httpErrorFor(err: DomainError): HttpError {
  const { status, title } = DOMAIN_STATUS[err.kind];
  if (err instanceof Invalid) return new HttpError(status, title, err.detail, err.issues);
  if (err instanceof TooMany)
    return new HttpError(
      status,
      `Too many ${err.what}`,
      err.detail,
      undefined,
      err.retryAfterSeconds,
    );
  if (err instanceof Busy)
    return new HttpError(status, title, err.detail, undefined, err.retryAfterSeconds);
  return new HttpError(status, title, err.detail);
}

/** An HttpError for anything the API answers with a problem (its own or a service's), else null. */
export function asHttpError(err: unknown): HttpError | null {
  if (err instanceof HttpError) return err;
  if (err instanceof DomainError) return httpErrorFor(err);
  return null;
}
