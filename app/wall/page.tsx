import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { PairingScreen } from "@/components/wall/pairing-screen";
import { WallScreen } from "@/components/wall/wall-screen";
import { DISPLAY_TOKEN_PARAM } from "@/lib/auth/display-cookie";
import { getActor } from "@/lib/auth/get-actor";
import { parseWallConfig, wallPathWithout } from "./search-params";

// Its own manifest: installed from here, the wall opens full screen at /wall (public/wall.webmanifest).
export const metadata: Metadata = {
  title: "Wall",
  manifest: "/wall.webmanifest",
  appleWebApp: { capable: true, title: "Jobdeck wall", statusBarStyle: "black" },
};
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The NOC wall: no navigation chrome and no actions. `?token=jdd_…` signs the screen in once (the
 * token moves into an http-only cookie and out of the address bar); a screen with neither token
 * nor session shows a one-time pairing code instead of a sign-in form nobody is there to fill.
 */
export default async function WallPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const token = params[DISPLAY_TOKEN_PARAM];
  const next = wallPathWithout(params, DISPLAY_TOKEN_PARAM);
  if (typeof token === "string" && token) {
    redirect(
      `/api/display-tokens/enter?${new URLSearchParams({ [DISPLAY_TOKEN_PARAM]: token, next })}`,
    );
  }
  const h = await headers();
  const proto = h.get("x-forwarded-proto") ?? "http";
  const actor = await getActor(
    new Request(`${proto}://${h.get("host") ?? "localhost"}${next}`, { headers: h }),
  );
  if (!actor) return <PairingScreen />;
  return <WallScreen config={parseWallConfig(params)} />;
}
