import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { requirePageActor } from "@/components/layout/page-actor";
import { WallScreen } from "@/components/wall/wall-screen";
import { DISPLAY_TOKEN_PARAM } from "@/lib/auth/display-cookie";
import { parseWallConfig, wallPathWithout } from "./search-params";

export const metadata: Metadata = { title: "Wall" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The NOC wall: no navigation chrome and no actions. `?token=jdd_…` signs the screen in once (the
 * token moves into an http-only cookie and out of the address bar); everything else configures it.
 */
export default async function WallPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const token = params[DISPLAY_TOKEN_PARAM];
  const next = wallPathWithout(params, DISPLAY_TOKEN_PARAM);
  if (typeof token === "string" && token) {
    redirect(`/api/display-tokens/enter?${new URLSearchParams({ [DISPLAY_TOKEN_PARAM]: token, next })}`);
  }
  await requirePageActor(next);
  return <WallScreen config={parseWallConfig(params)} />;
}
