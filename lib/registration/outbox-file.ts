import path from 'node:path';

/** Where the outbox lives under DATA_DIR (shared by the server and the operators' script). */
export function outboxFile(dataDir: string): string {
  return path.join(dataDir, 'registrations.sqlite');
}
