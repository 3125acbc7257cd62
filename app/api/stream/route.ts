import { streamEndpoint } from "@/lib/live/stream-endpoint";

export const dynamic = "force-dynamic";

export const GET = streamEndpoint;
