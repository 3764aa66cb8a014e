// Operators: `npm run outbox` prints the registration outbox's health (no personal data).
import { existsSync } from 'node:fs';
import { parseConfig } from '../lib/config';
import { createOutbox, outboxFile } from '../lib/registration/server/outbox';

const config = parseConfig(process.env);
const file = outboxFile(config.dataDir);
if (!existsSync(file)) {
  console.log(`No outbox yet at ${file}: no registration has been made with DATA_DIR=${config.dataDir}.`);
  process.exit(0);
}
const outbox = createOutbox(file);
const stats = outbox.stats();
const age = stats.oldestPendingAt === null ? null : Math.round((Date.now() - stats.oldestPendingAt) / 1000);
console.log(`Outbox: ${file}`);
console.log(`  waiting to be delivered: ${stats.pending}`);
console.log(`  oldest waiting entry:    ${age === null ? '-' : `${new Date(stats.oldestPendingAt!).toISOString()} (${age} s ago)`}`);
console.log(`  next attempt due:        ${stats.pending === 0 ? '-' : new Date(outbox.nextDueAt() ?? Date.now()).toISOString()}`);
console.log('  settled (last 30 days):');
for (const [status, count] of Object.entries(stats.settled)) console.log(`    ${status.padEnd(20)} ${count}`);
outbox.close();
// Exit status for monitoring: 2 when an entry has waited more than an hour.
process.exit(age !== null && age > 3600 ? 2 : 0);
