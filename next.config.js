/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // The sandbox and sanitizer run on the server only; keep them out of the edge/client graphs.
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
