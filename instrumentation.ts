export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    (await import('./lib/boot')).boot();
    // Deliver what a previous process left in the registration outbox, without waiting for a visitor
    // (not while `next build` evaluates the app).
    if (process.env.NEXT_PHASE !== 'phase-production-build') {
      (await import('./lib/registration/runtime')).getRegistrationRuntime();
    }
  }
}
