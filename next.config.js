import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A build made with LIVESTORM_API_TOKEN set is a live build: the in-process sandbox (lib/sandbox) is
 * left out of its server bundle (lib/livestorm/from-config.ts), so a deployment carries no demo
 * code. Built without a token, as `npm start` and `npm test` do, the sandbox is in and is loaded
 * only when the site runs without a token.
 */
const includesSandbox = !process.env.LIVESTORM_API_TOKEN?.trim();

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  env: { BUILD_INCLUDES_SANDBOX: includesSandbox ? 'yes' : 'no' },
  // This folder, always: the live-build check builds a copy of the tree inside .data/, below
  // another lockfile, and Turbopack must not take the outer one for the workspace root.
  turbopack: { root: path.dirname(fileURLToPath(import.meta.url)) },
  reactStrictMode: true,
  // The sanitizer runs on the server only; keep it out of the edge/client graphs.
  serverExternalPackages: ['sanitize-html'],
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), interest-cohort=()' },
        ],
      },
      {
        // Marketers' pages load the loader from an unversioned URL: cached for an hour, refreshed
        // in the background for a day, so a fix reaches every host page within the hour.
        source: '/embed.js',
        headers: [{ key: 'Cache-Control', value: 'public, max-age=3600, stale-while-revalidate=86400' }],
      },
      {
        // Everything but the embeds refuses to be framed; proxy.ts sets the embeds' policy from the
        // run-time configuration (EMBED_ALLOWED_ORIGINS).
        source: '/((?!embed/).*)',
        headers: [
          { key: 'Content-Security-Policy', value: "frame-ancestors 'none'; object-src 'none'; base-uri 'self'" },
          { key: 'X-Frame-Options', value: 'DENY' },
        ],
      },
    ];
  },
};

export default nextConfig;
