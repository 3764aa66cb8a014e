import type { Page } from '@playwright/test';
import { serveHostPage, type HostPage } from './embed-host';
import { EMBED_HOST_URL, FOREIGN_HOST_URL, SITE_URL } from './env';
import { expect, test } from './fixtures';
import { acceptedFor, SIMPLE_SLUG, sleep, uniqueEmail } from './registration-helpers';

// A marketer's pages on another origin: the loader snippet as docs/embedding.md gives it, or a plain iframe.
const LOADER = `<script src="${SITE_URL}/embed.js" async></script>`;
const HOST_PAGES: Record<string, string> = {
  '/list': `<div data-livestorm-events="list" data-lang="fr" data-theme="dark" data-accent="#e11d48" data-on-event="hostCallback"></div>${LOADER}`,
  '/form': `<p>Save your seat:</p><div data-livestorm-events="form" data-event="${SIMPLE_SLUG}" data-on-event="hostCallback"></div>${LOADER}`,
  '/missing': `<div data-livestorm-events="form" data-event="no-such-webinar" data-on-event="hostCallback"></div>${LOADER}`,
  '/plain': `<iframe src="${SITE_URL}/embed/events/${SIMPLE_SLUG}/register?utm_source=plain-iframe" title="Register" style="width:100%;height:1400px;border:0"></iframe>`,
  '/site-page': `<iframe src="${SITE_URL}/" title="Webinars" style="width:100%;height:600px;border:0"></iframe>`,
  '/embed-page': `<iframe src="${SITE_URL}/embed/events" title="Webinars" style="width:100%;height:600px;border:0"></iframe>`,
};

interface HostMessage {
  type: string;
  source: string;
  version: number;
  embedId: string | null;
  [key: string]: unknown;
}

let host: HostPage;
let foreign: HostPage;

test.beforeAll(async () => {
  const page = (url: URL) => HOST_PAGES[url.pathname] ?? '<p>Nothing here.</p>';
  host = await serveHostPage(EMBED_HOST_URL, page);
  foreign = await serveHostPage(FOREIGN_HOST_URL, page);
});

test.afterAll(async () => {
  await Promise.all([host?.close(), foreign?.close()]);
});

const callbacks = (page: Page) => page.evaluate(() => (window as unknown as { hostCallbacks: HostMessage[] }).hostCallbacks);
const messages = (page: Page) =>
  page.evaluate(() => (window as unknown as { hostMessages: Array<{ origin: string; data: HostMessage }> }).hostMessages);

/** Each registering test is its own visitor for the per-address limit (TRUST_PROXY is on in e2e). */
async function asVisitor(page: Page, address: string) {
  await page.context().setExtraHTTPHeaders({ 'X-Forwarded-For': address });
}

/** Fills the simple event's form inside `frame` and sends it; returns the chosen session. */
async function registerIn(frame: ReturnType<Page['frameLocator']>, email: string): Promise<string> {
  const form = frame.locator('#registration-form');
  await form.getByRole('textbox', { name: 'Email address (required)' }).fill(email);
  await form.getByRole('textbox', { name: 'First name (required)' }).fill('Grace');
  await form.getByRole('textbox', { name: 'Last name (required)' }).fill('Hopper');
  const sessionId = await form.locator('input[name="sessionIds"]:checked').first().getAttribute('value');
  await sleep(1_100); // REGISTRATION_MIN_FILL_SECONDS=1
  await form.getByRole('button', { name: /Register/ }).click();
  return sessionId!;
}

test.describe('embeds', () => {
  test('the loader lists the filtered sessions in a titled, themed iframe that takes its content’s height', async ({ page, context }) => {
    await page.goto(`${host.url}/list`);
    const iframe = page.locator('iframe');
    await expect(iframe).toHaveAttribute('title', 'Upcoming webinars');
    const frame = page.frameLocator('iframe');
    const root = frame.locator('.embed-root');
    await expect(root).toHaveAttribute('data-theme', 'dark');

    const src = new URL((await iframe.getAttribute('src'))!);
    expect(src.origin + src.pathname).toBe(`${SITE_URL}/embed/events`);
    expect(Object.fromEntries(src.searchParams)).toMatchObject({ lang: 'fr', theme: 'dark', accent: 'e11d48', host: EMBED_HOST_URL });

    // The same sessions as the site's own listing with the same filter.
    const embedded = await frame.locator('article[data-session-id]').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-session-id')));
    const site = await context.newPage();
    await site.goto('/?lang=fr');
    const listed = await site.locator('article[data-session-id]').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-session-id')));
    await site.close();
    expect(embedded.length).toBeGreaterThan(0);
    expect(embedded).toEqual(listed);

    // Resized to the content: no inner scrollbar, no gap.
    await expect
      .poll(async () => {
        const outer = await iframe.evaluate((element) => element.getBoundingClientRect().height);
        const inner = await root.evaluate((element) => Math.ceil(element.getBoundingClientRect().height));
        return Math.abs(outer - inner);
      })
      .toBeLessThanOrEqual(1);
    expect(await iframe.evaluate((element) => element.getBoundingClientRect().height)).toBeGreaterThan(300);

    const received = await callbacks(page);
    expect(received[0]).toMatchObject({ source: 'livestorm-events', version: 1, type: 'ready', kind: 'list', title: 'Upcoming webinars' });
    expect(received.some((message) => message.type === 'resize')).toBe(true);
    const ids = new Set(received.map((message) => message.embedId));
    expect(ids.size).toBe(1);
    expect([...ids][0]).toBe(src.searchParams.get('embed_id'));
    for (const message of await messages(page)) expect(message.origin).toBe(SITE_URL);

    // A card leads to the event inside the iframe, with the embed's theme kept.
    await frame.locator('article[data-session-id] h3 a').first().click(); // the card's own link, not a Join link
    await expect(frame.locator('#registration-form')).toBeVisible();
    await expect(frame.locator('.embed-root')).toHaveAttribute('data-theme', 'dark');
  });

  test('a registration through the loader reaches Livestorm with the host page’s campaign and tells the host', async ({ page, sandbox }) => {
    await asVisitor(page, '198.51.100.41');
    const email = uniqueEmail('embed.loader');
    await page.goto(`${host.url}/form?utm_source=partner-news&utm_medium=email&utm_campaign=winter-launch&gclid=CLICK-123&email=private%40example.com`);
    const frame = page.frameLocator('iframe');
    await expect(page.locator('iframe')).toHaveAttribute('title', /^Register: /);
    const sessionId = await registerIn(frame, email);

    await expect(frame.getByRole('heading', { level: 1 })).toHaveText('You’re registered', { timeout: 15_000 });
    await expect.poll(async () => (await callbacks(page)).map((message) => message.type)).toContain('registered');
    const received = await callbacks(page);
    expect(received.find((message) => message.type === 'session-selected')).toMatchObject({ eventSlug: SIMPLE_SLUG, sessionIds: [sessionId] });
    expect(received.find((message) => message.type === 'registered')).toMatchObject({
      source: 'livestorm-events',
      version: 1,
      eventSlug: SIMPLE_SLUG,
      sessions: [{ sessionId, status: 'registered' }],
    });
    // Nothing personal reaches the host page: not the address, not the join link.
    const all = JSON.stringify(await messages(page));
    expect(all).not.toContain(email);
    expect(all).not.toContain('key=');
    // The same message arrives as a bubbling DOM event from the container.
    const domEvents = await page.evaluate(() => (window as unknown as { hostDomEvents: HostMessage[] }).hostDomEvents);
    expect(domEvents).toEqual([received.find((message) => message.type === 'registered')]);

    const [registration] = await acceptedFor(sandbox, email);
    expect(registration!.sessionId).toBe(sessionId);
    expect(registration!.body.data.attributes).toMatchObject({
      utm_source: 'partner-news',
      utm_medium: 'email',
      utm_campaign: 'winter-launch',
      // The host page as referrer, with its click id and without the rest of its query.
      referrer: `${EMBED_HOST_URL}/form?gclid=CLICK-123`,
    });
  });

  test('a plain iframe without the loader registers and tells the host too', async ({ page, sandbox }) => {
    await asVisitor(page, '198.51.100.42');
    const email = uniqueEmail('embed.plain');
    await page.goto(`${host.url}/plain`);
    const frame = page.frameLocator('iframe');
    const sessionId = await registerIn(frame, email);
    await expect(frame.getByRole('heading', { level: 1 })).toHaveText('You’re registered', { timeout: 15_000 });
    await expect
      .poll(async () => (await messages(page)).find((message) => message.data.type === 'registered')?.data)
      .toMatchObject({ embedId: null, sessions: [{ sessionId, status: 'registered' }] });
    const [registration] = await acceptedFor(sandbox, email);
    expect(registration!.body.data.attributes).toMatchObject({ utm_source: 'plain-iframe' });
  });

  test('without JavaScript the embedded form registers and stays in the embed', async ({ browser, sandbox }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { 'X-Forwarded-For': '198.51.100.43' } });
    const page = await context.newPage();
    const email = uniqueEmail('embed.nojs');
    await page.goto(`${SITE_URL}/embed/events/${SIMPLE_SLUG}/register?theme=dark&embed_id=nojs-1&utm_source=no-js`);
    const form = page.locator('#registration-form');
    await form.getByRole('textbox', { name: 'Email address (required)' }).fill(email);
    await form.getByRole('textbox', { name: 'First name (required)' }).fill('Alan');
    await form.getByRole('textbox', { name: 'Last name (required)' }).fill('Turing');
    await sleep(1_100);
    await form.getByRole('button', { name: /Register/ }).click();
    await expect(page).toHaveURL(/\/embed\/registrations\/[0-9a-f-]{36}\?/, { timeout: 15_000 });
    const url = new URL(page.url());
    expect(url.searchParams.get('theme')).toBe('dark');
    expect(url.searchParams.get('embed_id')).toBe('nojs-1');
    await expect(page.locator('.embed-root')).toHaveAttribute('data-theme', 'dark');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/You’re registered|Registration received/);
    const [registration] = await acceptedFor(sandbox, email);
    expect(registration!.body.data.attributes).toMatchObject({ utm_source: 'no-js' });
    await context.close();
  });

  test('only /embed/* may be framed, and only by the configured origins', async ({ page, request }) => {
    const embed = await request.get('/embed/events');
    expect(embed.headers()['content-security-policy']).toContain(`frame-ancestors 'self' ${EMBED_HOST_URL} https://*.example.org;`);
    expect(embed.headers()['x-frame-options']).toBeUndefined();
    expect(embed.headers()['x-robots-tag']).toBe('noindex, nofollow');
    expect(await embed.text()).toMatch(/<meta name="robots" content="noindex, nofollow"/);
    const site = await request.get('/');
    expect(site.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(site.headers()['x-frame-options']).toBe('DENY');

    // The browser enforces it: a site not in the list gets no embed, an allowed one no other page.
    for (const [origin, path, framed] of [
      [foreign.url, '/embed-page', `${SITE_URL}/embed/events`],
      [host.url, '/site-page', `${SITE_URL}/`],
    ] as const) {
      const blocked = page.waitForEvent('requestfailed', (failed) => failed.url() === framed);
      await page.goto(`${origin}${path}`);
      expect((await blocked).failure()?.errorText).toBe('net::ERR_BLOCKED_BY_RESPONSE');
      // The frame shows the browser's error page, never ours, and nothing talks to the host.
      expect(page.mainFrame().childFrames()[0]!.url()).not.toContain(SITE_URL);
      expect(await messages(page)).toEqual([]);
    }
  });

  test('an unknown webinar answers 404 and tells the host', async ({ page, request }) => {
    expect((await request.get('/embed/events/no-such-webinar/register')).status()).toBe(404);
    await page.goto(`${host.url}/missing`);
    await expect.poll(async () => (await callbacks(page)).find((message) => message.type === 'error')).toMatchObject({ code: 'not_found' });
  });

  test('embeds pass axe (WCAG 2.2 AA) in the dark and light themes with a hard accent colour', async ({ page, axe }) => {
    for (const path of [`/embed/events?theme=dark&accent=ffff00`, `/embed/events/${SIMPLE_SLUG}?theme=light&accent=ffff00`, `/embed/events/${SIMPLE_SLUG}/register?theme=dark`]) {
      await page.goto(path);
      await expect(page.locator('.embed-root')).toBeVisible();
      expect(await axe.violations(), path).toEqual([]);
    }
  });

  test('the builder renders both snippets and a live preview, without and with JavaScript', async ({ page, browser }) => {
    // Without JavaScript: a GET form, the server renders code and preview from the URL.
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const plain = await noJs.newPage();
    await plain.goto('/embed-builder?kind=list&lang=fr&theme=dark&accent=%23e11d48');
    await expect(plain.locator('meta[name=robots]')).toHaveAttribute('content', /noindex/);
    const script = await plain.locator('#script-snippet').innerText();
    expect(script).toContain('data-livestorm-events="list"');
    expect(script).toContain('data-lang="fr"');
    expect(script).toContain('data-theme="dark"');
    expect(script).toContain(`<script src="${SITE_URL}/embed.js" async></script>`);
    const iframeCode = await plain.locator('#iframe-snippet').innerText();
    expect(iframeCode).toMatch(new RegExp(`<iframe src="${SITE_URL}/embed/events\\?[^"]*lang=fr`));
    expect(iframeCode).toContain('title="');
    await noJs.close();

    // With JavaScript: a change updates the URL, the code and the preview in place.
    await page.goto('/embed-builder?kind=list&lang=fr&theme=dark');
    const preview = page.frameLocator('iframe');
    await expect(preview.locator('.embed-root')).toHaveAttribute('data-theme', 'dark');
    await page.getByRole('radio', { name: 'Light' }).check();
    await expect(page).not.toHaveURL(/theme=/); // light is the default: left out of the URL
    await expect(page.locator('#script-snippet')).not.toContainText('data-theme');
    await expect(preview.locator('.embed-root')).toHaveAttribute('data-theme', 'light');
    // The preview follows its content's height like the loader does.
    await expect
      .poll(async () => {
        const outer = await page.locator('iframe').evaluate((element) => element.getBoundingClientRect().height);
        const inner = await preview.locator('.embed-root').evaluate((element) => Math.ceil(element.getBoundingClientRect().height));
        return Math.abs(outer - inner);
      })
      .toBeLessThanOrEqual(1);
  });
});
