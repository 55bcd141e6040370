import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // forbidden() answers admin pages with a real 403 (app/(site)/admin/forbidden.tsx) for signed-in non-admins.
  // Admin forms upload posters and backdrops (up to 10 MiB) through server actions.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "11mb" } },
  // Native or WASM packages loaded by Node itself rather than bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "postgres"],
};

// The site's languages (i18n/request.ts chooses one per request).
export default createNextIntlPlugin("./i18n/request.ts")(nextConfig);
