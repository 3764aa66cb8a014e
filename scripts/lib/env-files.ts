import { existsSync } from 'node:fs';

/** The `.env` files `next start` reads, in its order, for the operators' CLIs; the environment always wins. */
export function loadEnvFiles(): void {
  for (const file of ['.env.production.local', '.env.local', '.env.production', '.env']) {
    if (existsSync(file)) process.loadEnvFile(file);
  }
}
