import { alertChannelInput } from "@/lib/contracts/alert-channels";
import { route } from "@/lib/http/route";
import { listChannels, saveChannel } from "@/lib/alerts/services/channels";

export const dynamic = "force-dynamic";

export const GET = route({ role: "admin", auditor: true }, async () => ({
  items: await listChannels(),
}));

export const POST = route({ role: "admin", body: alertChannelInput }, async ({ body, actor }) => {
  const saved = await saveChannel(body, actor, null);
  return Response.json(saved, { status: 201 });
});
