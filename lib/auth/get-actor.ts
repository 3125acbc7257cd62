import type { Actor } from "@/lib/domain/actor";
import { getAuth } from "./auth";
import { bearerDisplayToken, cookieDisplayToken } from "./display-cookie";
import { findActiveDisplayToken } from "./display-tokens";
import { toRole } from "./role";
import { isSecureRequest } from "./secure-request";

/**
 * The caller of an API request; null when anonymous. An explicit bearer display token comes first;
 * then the session, so a person who once opened a wall link in their browser keeps their own role;
 * then the display cookie a wall screen holds.
 */
export async function getActor(request: Request): Promise<Actor | null> {
  const bearer = bearerDisplayToken(request);
  if (bearer) return displayActor(bearer);
  const session = await getAuth(isSecureRequest(request)).api.getSession({
    headers: request.headers,
    // Refreshing here would extend the session without re-sending its cookie; /api/me refreshes both.
    query: { disableRefresh: true },
  });
  if (session) {
    return {
      kind: "user",
      id: session.user.id,
      name: session.user.name || session.user.email,
      email: session.user.email,
      role: toRole(session.user.role),
    };
  }
  const cookie = cookieDisplayToken(request);
  return cookie ? displayActor(cookie) : null;
}

async function displayActor(token: string): Promise<Actor | null> {
  const display = await findActiveDisplayToken(token);
  return display ? { kind: "display", id: display.id, name: display.name, role: "viewer" } : null;
}
