import { startPairing } from "@/lib/auth/pairing-requests";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** A screen with no token asks for a pairing code to show; only it gets the device secret. */
export const POST = route({ role: "public" }, async () => {
  const { code, deviceSecret, expiresAt } = await startPairing();
  return Response.json({ code, deviceSecret, expiresAt: expiresAt.toISOString() }, { status: 201, headers: { "cache-control": "no-store" } });
});
