import { createDisplayToken } from "@/lib/auth/display-tokens";
import { ORIGIN, signedInCookie } from "@/lib/auth/test-support";
import { createUser } from "@/lib/auth/users";

export type Handler = (
  request: Request,
  context: { params: Promise<Record<string, string | string[]>> },
) => Promise<Response>;

export const CALLERS = ["anonymous", "viewer", "display", "operator", "admin"] as const;
export type Caller = (typeof CALLERS)[number];

const PASSWORD = "s3cret-enough";

/** A signed-in person per role and a wall display token, as the headers each would send. */
export async function makeCallers(): Promise<Record<Caller, Record<string, string>>> {
  const headers: Record<Caller, Record<string, string>> = {
    anonymous: {},
    viewer: {},
    display: {},
    operator: {},
    admin: {},
  };
  for (const role of ["viewer", "operator", "admin"] as const) {
    await createUser({
      email: `${role}@example.com`,
      name: `${role} person`,
      password: PASSWORD,
      role,
    });
    headers[role] = { cookie: await signedInCookie(`${role}@example.com`, PASSWORD) };
  }
  headers.display = { authorization: `Bearer ${(await createDisplayToken("wall", null)).token}` };
  return headers;
}

export interface CallOptions {
  body?: unknown;
  params?: Record<string, string | string[]>;
  headers?: Record<string, string>;
}

/** Calls a route module's handler exactly as Next would, with a same-origin Request. */
export function callRoute(
  handler: Handler,
  method: string,
  path: string,
  who: Record<string, string>,
  opts: CallOptions = {},
  signal?: AbortSignal,
): Promise<Response> {
  const hasBody = opts.body !== undefined;
  const request = new Request(`${ORIGIN}${path}`, {
    method,
    headers: {
      host: new URL(ORIGIN).host,
      ...(hasBody ? { "content-type": "application/json" } : {}),
      ...who,
      ...opts.headers,
    },
    ...(hasBody ? { body: JSON.stringify(opts.body) } : {}),
    ...(signal ? { signal } : {}),
  });
  return handler(request, { params: Promise.resolve(opts.params ?? {}) });
}
