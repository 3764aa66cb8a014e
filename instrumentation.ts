export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    (await import('./lib/boot')).boot();
    // Not while `next build` evaluates the app.
    if (process.env.NEXT_PHASE !== 'phase-production-build') {
      // Deliver what a previous process left in the registration outbox, without waiting for a visitor.
      (await import('./lib/registration/server/runtime')).getRegistrationRuntime();
      // Sandbox mode: subscribe the site to its sandbox's webhooks (not awaited: serving starts at once).
      void (await import('./lib/webhooks/sandbox-loop')).subscribeToSandboxWebhooks();
      // Sandbox mode: a console account to try the console with, printed once ready.
      void (await import('./lib/auth/server/demo')).ensureSandboxDemoAccount();
    }
  }
}
