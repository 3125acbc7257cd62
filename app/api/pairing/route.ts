import { startPairing } from "@/lib/auth/pairing-requests";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/**
 * A screen with no token asks for a pairing code to show; only it gets the device secret. Public,
 * so limited per address, with no body at all, and capped in total (startPairing).
 */
export const POST = route({ role: "public", perMinute: 20, maxBody: 1024 }, async () => {
  const { code, deviceSecret, expiresAt } = await startPairing();
  return Response.json(
    { code, deviceSecret, expiresAt: expiresAt.toISOString() },
    { status: 201, headers: { "cache-control": "no-store" } },
  );
});
