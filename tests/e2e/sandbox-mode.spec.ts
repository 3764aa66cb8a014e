import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { SANDBOX_MODE_SITE_PORT } from './env';
import { startSite } from './registration-helpers';

// The Quick start: the build every other test serves, started without a token, answers from the
// in-process sandbox, which the client loads on first use (lib/livestorm/from-config.ts).
test('without a token the same build serves the seeded demo from the in-process sandbox', async ({ page }) => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'livestorm-e2e-sandbox-mode-'));
  const url = `http://127.0.0.1:${SANDBOX_MODE_SITE_PORT}`;
  const site = await startSite(SANDBOX_MODE_SITE_PORT, {
    LIVESTORM_API_TOKEN: '',
    LIVESTORM_WEBHOOK_SECRET: '',
    LIVESTORM_REVALIDATE_SECONDS: '',
    SITE_URL: url,
    DATA_DIR: dataDir,
    NEXT_TELEMETRY_DISABLED: '1',
  });
  try {
    await page.goto(`${url}/`);
    await expect(page.getByText('Demo data.')).toBeVisible();
    const card = page.getByRole('link', { name: /Product demo: Acme Analytics in 30 minutes/ }).first();
    await expect(card).toBeVisible();
    await card.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Product demo: Acme Analytics in 30 minutes');
    await expect(page.getByRole('button', { name: /Register/ })).toBeVisible();
  } finally {
    await site.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
