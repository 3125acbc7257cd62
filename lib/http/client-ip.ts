import { BlockList, isIP } from "node:net";
import { env } from "@/lib/env";

/**
 * The header Jobdeck's own web server (scripts/web.ts) sets to the socket's peer address,
 * replacing whatever a client sent. Next.js does not hand route handlers the socket, and it keeps
 * a client's own X-Forwarded-For, so without this header the real peer would be unknowable.
 */
export const PEER_HEADER = "x-jobdeck-peer";

/** The header better-auth reads the client address from (rate limits, session records); only Jobdeck sets it. */
export const CLIENT_IP_HEADER = "x-jobdeck-client-ip";

// Set in-process by the web server (and by tests) that overwrite PEER_HEADER on every request;
// under any other server a client could send the header itself, so it is not believed.
const TRUST_PEER = Symbol.for("jobdeck.trustPeerHeader");
const flags = globalThis as typeof globalThis & { [TRUST_PEER]?: boolean };

export function trustPeerHeader(): void {
  flags[TRUST_PEER] = true;
}

/** "::ffff:10.0.0.1" and "10.0.0.1" are one client. */
function normalize(address: string): string {
  const trimmed = address.trim().replace(/^\[|\]$/g, "");
  return trimmed.toLowerCase().startsWith("::ffff:") && isIP(trimmed.slice(7)) === 4
    ? trimmed.slice(7)
    : trimmed;
}

let proxies: { list: string[]; block: BlockList } | undefined;

function trustedProxies(): BlockList {
  const list = env().JOBDECK_TRUSTED_PROXIES;
  if (proxies?.list === list) return proxies.block;
  const block = new BlockList();
  for (const entry of list) {
    const [address = "", bits] = entry.split("/");
    const type = isIP(address) === 6 ? "ipv6" : "ipv4";
    if (bits === undefined) block.addAddress(address, type);
    else block.addSubnet(address, Number(bits), type);
  }
  proxies = { list, block };
  return block;
}

function isTrusted(address: string): boolean {
  const kind = isIP(address);
  return kind !== 0 && trustedProxies().check(address, kind === 6 ? "ipv6" : "ipv4");
}

/** The socket's peer, or null when Jobdeck is not running behind its own web server. */
export function peerAddress(request: Pick<Request, "headers">): string | null {
  if (!flags[TRUST_PEER]) return null;
  const peer = request.headers.get(PEER_HEADER);
  return peer && isIP(normalize(peer)) ? normalize(peer) : null;
}

/**
 * Who is really calling. With no trusted proxies (the default) that is the socket's peer and
 * X-Forwarded-For is ignored, so a client cannot pick its own address. When the peer is a trusted
 * proxy, X-Forwarded-For is read from the right, skipping trusted proxies: the first address no
 * trusted proxy vouches for is the client (a client's own made-up entries sit to its left).
 * "unknown" when the peer is unknowable (see PEER_HEADER).
 */
export function clientAddress(request: Pick<Request, "headers">): string {
  const peer = peerAddress(request);
  if (!peer) return "unknown";
  if (!isTrusted(peer)) return peer;
  const hops = (request.headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map(normalize)
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i] ?? "";
    if (!isIP(hop)) return peer;
    if (!isTrusted(hop)) return hop;
  }
  return hops[0] ?? peer;
}
