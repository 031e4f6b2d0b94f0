import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // pg and the PGlite socket server are Node-only; keep them out of the bundle.
  serverExternalPackages: ["pg", "@electric-sql/pglite", "@electric-sql/pglite-socket", "@node-rs/argon2"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
