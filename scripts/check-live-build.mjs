// `npm run check:live-build [-- --force]`: a live build (LIVESTORM_API_TOKEN set) holds none of the
// sandbox's code. `npm test` runs it too; it is skipped while the tree is unchanged since it passed.
import { checkLiveBuild } from './lib/live-build.mjs';

try {
  process.exitCode = (await checkLiveBuild({ force: process.argv.includes('--force') })) ? 0 : 1;
} catch (error) {
  console.error(`[live-build] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
