/**
 * `npm run web`: the web app alone (the production build, or `--dev`), for production where web
 * processes and workers scale separately; `npm start` runs it too. Jobdeck serves Next.js from its
 * own HTTP server so that route handlers learn the socket's peer address (PEER_HEADER), which
 * sign-in limits and the trusted-proxy rule depend on; `next start` alone cannot tell them.
 */
import { createServer } from "node:http";
import next from "next";
import { DIRECT_GET_ROUTES } from "@/lib/endpoints/direct-routes";
import { env } from "@/lib/env";
import { CLIENT_IP_HEADER, PEER_HEADER, trustPeerHeader } from "@/lib/http/client-ip";
import { newNonce, securityHeadersFor } from "@/lib/http/security-headers";
import { serveWebResponse } from "@/lib/http/serve-web-response";
import { logger } from "@/lib/log";

// tsx turns on source maps for the TypeScript it runs; left on, Node also keeps the maps of every
// Next.js server chunk loaded after this line, about 220 MB of the production web process at rest.
process.setSourceMapsEnabled(false);

const dev = process.argv.includes("--dev");
const { PORT } = env();

const app = next({ dev, port: PORT });
const handle = app.getRequestHandler();
await app.prepare();
trustPeerHeader();

const server = createServer((req, res) => {
  // Whatever a client sent under these names is replaced: only this server knows the peer.
  delete req.headers[CLIENT_IP_HEADER];
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
  // The live stream and the reads every screen polls are served here, by the same route handlers,
  // without Next.js's request pipeline (lib/endpoints/direct-routes.ts says why).
  const path = (req.url ?? "").split("?")[0] ?? "";
  const direct = req.method === "GET" ? DIRECT_GET_ROUTES.get(path) : undefined;
  if (direct) {
    serveWebResponse(req, res, direct, (request) => securityHeadersFor(request, newNonce())).catch(
      (err: unknown) => {
        logger.error({ err, path }, "direct route failed");
        if (!res.headersSent) res.writeHead(500);
        res.end();
      },
    );
    return;
  }
  void handle(req, res);
});
// Clients keep idle connections open to reuse them (Node's own agent for 5 s, load balancers for
// 60 s). With Node's default of closing them after 5 s idle, a request sent on a connection just as
// the server closed it failed with ECONNRESET (seen by the browser tests' API client under load):
// the server must be the side that waits longer.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.listen(PORT, () => logger.info(`Jobdeck web on http://localhost:${PORT}`));

function stop() {
  server.close(() => process.exit(0));
  // Open SSE streams would hold close() forever.
  server.closeAllConnections();
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
