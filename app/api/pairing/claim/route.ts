import { pairingClaimBody } from "@/lib/contracts/auth";
import { displayCookieHeader, displayCookieMode } from "@/lib/auth/display-cookie";
import { normalizePairingCode } from "@/lib/auth/pairing-code";
import { claimPairing } from "@/lib/auth/pairing-requests";
import { route } from "@/lib/http/route";

/** The screen polls this; once an admin has approved its code it gets the display cookie, once. */
// A screen polls every 3 s; a NOC pairing a dozen screens behind one address stays well inside this.
export const POST = route(
  { role: "public", body: pairingClaimBody, perMinute: 240, maxBody: 1024 },
  async ({ request, body }) => {
    const code = normalizePairingCode(body.code);
    const result = code
      ? await claimPairing(code, body.deviceSecret)
      : ({ status: "expired" } as const);
    const headers = new Headers({ "cache-control": "no-store" });
    if (result.status !== "paired")
      return Response.json(
        { status: result.status },
        { status: result.status === "waiting" ? 202 : 410, headers },
      );
    headers.set("set-cookie", displayCookieHeader(result.token, displayCookieMode(request)));
    return Response.json({ status: "paired", name: result.name }, { headers });
  },
);
