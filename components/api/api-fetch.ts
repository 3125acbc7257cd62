/** A problem+json answer from the BFF (RFC 9457), with its detail for the screen. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors: Array<{ parameter: string; message: string }> = [],
    /** The parsed body, for answers that carry more than a problem (an audited refusal). */
    readonly body: unknown = null,
    /** For 429 and 503: when to try again, from Retry-After. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** Options of a JSON call: `json` is sent as the body (with its content type). */
export type ApiInit = Omit<RequestInit, "body"> & { json?: unknown };

/**
 * Every browser call to Jobdeck's API goes through here: JSON in and out, and a problem+json answer
 * (or any non-2xx) thrown as an ApiError naming what went wrong. A network failure stays a TypeError.
 */
export async function apiFetch<T>(url: string, init?: ApiInit): Promise<T> {
  const answer = await send(url, init);
  if (!answer.ok) throw problemError(answer);
  return answer.data as T;
}

/**
 * For the action and launch APIs: a refusal (409) or a vendor failure (502, 504) was still audited
 * and answers with the audit row, which is the outcome the screen shows, not an error. Only an
 * answer that is not an outcome (a bad request, a missing role) is thrown.
 */
export async function apiFetchOutcome<T>(
  url: string,
  init: ApiInit,
  isOutcome: (data: unknown) => data is T,
): Promise<{ outcome: T; status: number }> {
  const answer = await send(url, init);
  if (isOutcome(answer.data)) return { outcome: answer.data, status: answer.status };
  if (answer.ok)
    throw new ApiError(answer.status, `Unexpected answer from ${url}.`, [], answer.data);
  throw problemError(answer);
}

interface Answer {
  status: number;
  ok: boolean;
  data: unknown;
  retryAfter: string | null;
}

async function send(url: string, { json, headers, ...init }: ApiInit = {}): Promise<Answer> {
  const res = await fetch(url, {
    ...init,
    headers: {
      accept: "application/json",
      ...(json !== undefined ? { "content-type": "application/json" } : {}),
      ...headers,
    },
    ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
  });
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    // A proxy's HTML error page: the status says enough.
  }
  return { status: res.status, ok: res.ok, data, retryAfter: res.headers.get("retry-after") };
}

function problemError({ status, data, retryAfter }: Answer): ApiError {
  const problem = (data ?? {}) as { title?: string; detail?: string; errors?: ApiError["errors"] };
  const wait = Number(retryAfter);
  return new ApiError(
    status,
    problem.detail ?? problem.title ?? `HTTP ${status}`,
    problem.errors,
    data,
    retryAfter && wait > 0 ? wait : null,
  );
}
