import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ICAL from 'ical.js';
import { CONSENT, MAX_PER_IP_PER_HOUR, RESTART_SITE_PORT, siteEnv } from './env';
import { expect, test } from './fixtures';
import {
  SIMPLE_SLUG,
  WORKSHOP_SLUG,
  acceptedFor,
  postRegistration,
  scrapeForm,
  sleep,
  startSite,
  uniqueEmail,
} from './registration-helpers';

// Registration end to end: the site under `next start`, Livestorm played by the sandbox over HTTP.
// Every check of what Livestorm received reads the sandbox's own record of the request bodies.

const ALREADY_REGISTERED_SESSION = 'f94b049c-eb42-4955-a350-8d27c7a65c9a';
const SEED_REGISTERED_EMAIL = 'already.registered@example.com';

test.describe('registration', () => {
  test('with JavaScript: every field type, utm_* and referrer reach Livestorm exactly; join link and calendar', async ({ page, sandbox, request }) => {
    const email = uniqueEmail('every.field');
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(`/events/${WORKSHOP_SLUG}?utm_source=newsletter&utm_medium=email&utm_campaign=fall-launch`, {
      referer: 'http://partner.example.org/blog/post?secret=1',
    });
    const form = page.locator('#registration-form');
    await form.getByRole('textbox', { name: 'Email address (required)' }).fill(email.toUpperCase());
    await form.getByRole('textbox', { name: 'First name (required)' }).fill('Ada');
    await form.getByRole('textbox', { name: 'Last name (optional)' }).fill('Lovelace');
    await form.getByRole('textbox', { name: 'Profile picture URL (optional)' }).fill('https://cdn.example.com/ada.png');
    await form.getByRole('textbox', { name: 'Company (required)' }).fill('Analytical Engines, Ltd');
    await form.getByRole('textbox', { name: /Billing contact email/ }).fill('billing@engines.example.com');
    await form.getByRole('textbox', { name: /Website/ }).fill('https://engines.example.com');
    await form.getByRole('radio', { name: '11-50' }).check();
    await form.getByRole('checkbox', { name: 'Reporting' }).check();
    await form.getByRole('checkbox', { name: 'API' }).check();
    await form.getByRole('combobox', { name: /Country/ }).selectOption('France');
    await form.getByRole('checkbox', { name: 'Looker' }).check();
    await form.getByRole('checkbox', { name: new RegExp(CONSENT.text.slice(0, 20)) }).check();
    await expect(form.getByRole('link', { name: /Privacy policy/ })).toHaveAttribute('href', CONSENT.privacyUrl);
    await form.getByRole('textbox', { name: /Phone number/ }).fill('+33 1 23 45 67 89');
    const sessionId = await form.locator('li[data-session-id]').first().getAttribute('data-session-id');
    await sleep(1_100); // the form refuses answers quicker than a person (REGISTRATION_MIN_FILL_SECONDS=1)
    await form.getByRole('button', { name: /Register/ }).click();

    await expect(page).toHaveURL(/\/registrations\/[0-9a-f-]{36}$/, { timeout: 15_000 });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('You’re registered');
    const join = page.getByRole('link', { name: 'Join the session' });
    await expect(join).toHaveAttribute('href', /key=/);
    await expect(page.locator('meta[name=robots]')).toHaveAttribute('content', /noindex/);

    const received = await acceptedFor(sandbox, email);
    expect(received).toHaveLength(1);
    expect(received[0]!.sessionId).toBe(sessionId);
    expect(received[0]!.body).toEqual({
      data: {
        type: 'people',
        attributes: {
          fields: [
            { id: 'email', value: email },
            { id: 'first_name', value: 'Ada' },
            { id: 'last_name', value: 'Lovelace' },
            { id: 'avatar', value: 'https://cdn.example.com/ada.png' },
            { id: 'company', value: 'Analytical Engines, Ltd' },
            { id: 'custom_email', value: 'billing@engines.example.com' },
            { id: 'website', value: 'https://engines.example.com' },
            { id: 'team_size', value: '11-50' },
            { id: 'interests', value: ['Reporting', 'API'] },
            { id: 'country', value: 'France' },
            { id: 'tools_used', value: ['Looker'] },
            { id: 'newsletter_optin', value: 'true' },
            { id: 'phone', value: '+33 1 23 45 67 89' },
          ],
          referrer: 'http://partner.example.org/blog/post', // the query is dropped: it can carry personal data
          utm_source: 'newsletter',
          utm_medium: 'email',
          utm_campaign: 'fall-launch',
        },
      },
    });

    // Add to calendar: a real iCalendar file whose event starts when the session does.
    const icsHref = await page.getByRole('link', { name: /Calendar file/ }).getAttribute('href');
    const ics = await request.get(icsHref!);
    expect(ics.status()).toBe(200);
    expect(ics.headers()['content-type']).toContain('text/calendar');
    const vevent = new ICAL.Component(ICAL.parse(await ics.text())).getFirstSubcomponent('vevent')!;
    const session = await sandbox.api<{ data: { attributes: { estimated_started_at: number } } }>(`/sessions/${sessionId}`);
    expect((vevent.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().getTime()).toBe(session.data.attributes.estimated_started_at * 1000);
    expect(String(vevent.getFirstPropertyValue('uid'))).toContain(sessionId!);
    for (const name of ['Google Calendar', 'Outlook']) {
      await expect(page.getByRole('link', { name: new RegExp(name) })).toHaveAttribute('href', /^https:\/\//);
    }

    // The join link belongs to this browser only: the same address elsewhere shows no link.
    const confirmationUrl = page.url();
    const other = await page.context().browser()!.newContext();
    const stranger = await other.newPage();
    await stranger.goto(confirmationUrl);
    await expect(stranger.getByRole('heading', { level: 1 })).toHaveText('You’re registered');
    await expect(stranger.getByRole('link', { name: 'Join the session' })).toHaveCount(0);
    expect(await stranger.content()).not.toContain('key=');
    await other.close();
    expect(errors).toEqual([]);
  });

  test('without JavaScript: field messages, values kept, summary focused; then registered', async ({ browser, sandbox }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`/events/${WORKSHOP_SLUG}`);
    const form = page.locator('#registration-form');
    await form.getByRole('textbox', { name: 'Email address (required)' }).fill('not-an-email');
    await form.getByRole('textbox', { name: 'First name (required)' }).fill('Grace');
    await form.getByRole('checkbox', { name: 'Dashboards' }).check();
    await sleep(1_100);
    await form.getByRole('button', { name: /Register/ }).click();

    const summary = page.locator('#registration-form [role=alert]');
    await expect(summary).toContainText('There are problems with');
    await expect(summary).toBeFocused();
    const emailInput = form.getByRole('textbox', { name: 'Email address (required)' });
    await expect(emailInput).toHaveValue('not-an-email');
    await expect(emailInput).toHaveAttribute('aria-invalid', 'true');
    await expect(emailInput).toHaveAccessibleDescription(/Enter an email address like name@company.com/);
    await expect(form.getByRole('textbox', { name: 'First name (required)' })).toHaveValue('Grace');
    await expect(form.getByRole('checkbox', { name: 'Dashboards' })).toBeChecked();
    const company = form.getByRole('textbox', { name: 'Company (required)' });
    await expect(company).toHaveAccessibleDescription(/Enter your company\./);
    // The summary links to the field it names.
    await expect(summary.getByRole('link', { name: 'Enter your company.' })).toHaveAttribute('href', '#field-company');

    const email = uniqueEmail('no.js');
    await emailInput.fill(email);
    await company.fill('Navy');
    await form.getByRole('radio', { name: '1-10' }).check();
    await form.getByRole('combobox', { name: /Country/ }).selectOption('United States');
    await form.getByRole('button', { name: /Register/ }).click();
    await expect(page).toHaveURL(/\/registrations\//);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('You’re registered');
    const [received] = await acceptedFor(sandbox, email);
    expect(received!.body.data.attributes.fields).toEqual([
      { id: 'email', value: email },
      { id: 'first_name', value: 'Grace' },
      { id: 'company', value: 'Navy' },
      { id: 'team_size', value: '1-10' },
      { id: 'interests', value: ['Dashboards'] },
      { id: 'country', value: 'United States' },
      { id: 'newsletter_optin', value: 'false' },
    ]);
    await context.close();
  });

  test('a missing required custom field is caught in the browser and nothing is sent', async ({ page, sandbox }) => {
    const before = (await sandbox.registrations()).length;
    await page.goto(`/events/${WORKSHOP_SLUG}`);
    const form = page.locator('#registration-form');
    await form.getByRole('textbox', { name: 'Email address (required)' }).fill(uniqueEmail('missing'));
    await form.getByRole('textbox', { name: 'First name (required)' }).fill('Alan');
    await form.getByRole('radio', { name: '201+' }).check();
    await form.getByRole('combobox', { name: /Country/ }).selectOption('Other');
    await form.getByRole('button', { name: /Register/ }).click();
    const summary = page.locator('#registration-form [role=alert]');
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('Enter your company.');
    await expect(page).toHaveURL(new RegExp(`/events/${WORKSHOP_SLUG}$`));
    expect((await sandbox.registrations()).length).toBe(before);
  });

  test('several sessions at once: one registration each', async ({ page, sandbox }) => {
    const email = uniqueEmail('two.sessions');
    await page.goto(`/events/${WORKSHOP_SLUG}`);
    const form = page.locator('#registration-form');
    const boxes = form.locator('li[data-session-id] input[type=checkbox]');
    await expect(boxes).toHaveCount(2);
    await expect(boxes.first()).toBeChecked(); // the soonest is preselected
    await expect(boxes.nth(1)).not.toBeChecked();
    await boxes.nth(1).check();
    await form.getByRole('textbox', { name: 'Email address (required)' }).fill(email);
    await form.getByRole('textbox', { name: 'First name (required)' }).fill('Katherine');
    await form.getByRole('textbox', { name: 'Company (required)' }).fill('NASA');
    await form.getByRole('radio', { name: '51-200' }).check();
    await form.getByRole('combobox', { name: /Country/ }).selectOption('United States');
    await sleep(1_100);
    await form.getByRole('button', { name: /Register/ }).click();
    await expect(page).toHaveURL(/\/registrations\//, { timeout: 15_000 });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('You’re registered');
    await expect(page.locator('li[data-status=registered]')).toHaveCount(2);
    const received = await acceptedFor(sandbox, email);
    expect(new Set(received.map((item) => item.sessionId)).size).toBe(2);
  });

  test('already registered: a friendly message that reveals nothing and no join link', async ({ browser, request, sandbox }) => {
    const session = await sandbox.api<{ data: { attributes: { event_id: string } } }>(`/sessions/${ALREADY_REGISTERED_SESSION}`);
    const event = await sandbox.api<{ data: { attributes: { slug: string } } }>(`/events/${session.data.attributes.event_id}`);
    const form = await scrapeForm(browser, event.data.attributes.slug);
    expect(form.sessionIds).toContain(ALREADY_REGISTERED_SESSION);
    await sleep(1_100);
    const result = await postRegistration(
      request,
      form,
      { email: SEED_REGISTERED_EMAIL, first_name: 'Someone', last_name: 'Else', company: 'Elsewhere' },
      { sessionIds: [ALREADY_REGISTERED_SESSION], forwardedFor: '198.51.100.20' },
    );
    expect(result.status).toBe(303);
    const page = await browser.newPage();
    await page.goto(result.location!);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('You’re already registered');
    await expect(page.getByRole('link', { name: 'Join the session' })).toHaveCount(0);
    const html = await page.content();
    expect(html).not.toContain('key=');
    expect(html).not.toContain(SEED_REGISTERED_EMAIL);
    await page.close();
  });

  test('refusals: honeypot, too fast, per-IP limit; each with a clear message and nothing sent', async ({ browser, request, sandbox }) => {
    const before = (await sandbox.registrations()).length;
    const form = await scrapeForm(browser, SIMPLE_SLUG);
    const answers = () => ({ email: uniqueEmail('refused'), first_name: 'Bot', last_name: 'Maybe' });

    const tooFast = await postRegistration(request, form, answers(), { forwardedFor: '203.0.113.1' });
    expect(tooFast.status).toBe(200);
    expect(tooFast.body).toContain('quicker than a person');

    await sleep(1_100);
    const honeypot = await postRegistration(request, form, answers(), {
      forwardedFor: '203.0.113.2',
      extra: [['how_did_you_hear__other', 'http://spam.example']],
    });
    expect(honeypot.status).toBe(200);
    expect(honeypot.body).toContain('role="alert"');

    for (let i = 0; i < MAX_PER_IP_PER_HOUR; i += 1) {
      const accepted = await postRegistration(request, form, answers(), { forwardedFor: '203.0.113.50' });
      expect(accepted.status).toBe(303);
    }
    const limited = await postRegistration(request, form, answers(), { forwardedFor: '203.0.113.50' });
    expect(limited.status).toBe(200);
    expect(limited.body).toMatch(/Too many registrations|too many/i);
    await expect.poll(async () => (await sandbox.registrations()).length, { timeout: 15_000 }).toBe(before + MAX_PER_IP_PER_HOUR);
  });

  test('oversized and malformed posts get a 4xx, never a 500', async ({ request }) => {
    const big = await request.fetch(`/events/${SIMPLE_SLUG}`, {
      method: 'POST',
      multipart: { 'answers.email': 'x'.repeat(3 * 1024 * 1024) },
      maxRedirects: 0,
    });
    expect(big.status()).toBeGreaterThanOrEqual(400);
    expect(big.status()).toBeLessThan(500);
    const garbage = await request.fetch(`/events/${SIMPLE_SLUG}`, {
      method: 'POST',
      headers: { 'Content-Type': 'multipart/form-data; boundary=nothing' },
      data: 'definitely not multipart',
      maxRedirects: 0,
    });
    expect(garbage.status()).toBeLessThan(500);
  });
});

test.describe('registration under load and outage', () => {
  test('a burst of 30 registrations in 2 seconds: all delivered once, Livestorm never above 5 requests/second', async ({ browser, request, sandbox }) => {
    test.setTimeout(90_000);
    const form = await scrapeForm(browser, SIMPLE_SLUG);
    await sleep(1_100);
    const before = (await sandbox.stats()) as { throttled: number };
    const startedAt = Date.now();
    const emails = Array.from({ length: 30 }, (_, i) => uniqueEmail(`burst${i}`));
    const results = await Promise.all(
      emails.map(async (email, i) => {
        await sleep(Math.round((i * 2_000) / 30));
        return postRegistration(request, form, { email, first_name: 'Burst', last_name: `No${i}` }, { forwardedFor: `192.0.2.${i + 1}` });
      }),
    );
    expect(results.map((result) => result.status)).toEqual(emails.map(() => 303));
    await expect
      .poll(async () => (await Promise.all(emails.map((email) => acceptedFor(sandbox, email)))).map((items) => items.length), { timeout: 30_000 })
      .toEqual(emails.map(() => 1));
    const stats = (await sandbox.stats(startedAt)) as { throttled: number; peakPerSecond: number };
    expect(stats.peakPerSecond).toBeLessThanOrEqual(5);
    expect(stats.throttled).toBe(before.throttled);
  });

  test(`Livestorm down: registrations are received, queued and delivered once after recovery`, async ({ browser, request, sandbox, page }) => {
    test.setTimeout(90_000);
    const form = await scrapeForm(browser, SIMPLE_SLUG);
    await sleep(1_100);
    await sandbox.outage(503);
    const emails = Array.from({ length: 3 }, (_, i) => uniqueEmail(`outage${i}`));
    try {
      for (const [i, email] of emails.entries()) {
        const result = await postRegistration(request, form, { email, first_name: 'Queued', last_name: `No${i}` }, { forwardedFor: `192.0.2.${100 + i}` });
        expect(result.status).toBe(303);
        if (i === 0) {
          await page.goto(result.location!);
          await expect(page.getByRole('heading', { level: 1 })).toHaveText('Registration received');
          await expect(page.getByText('will come by e-mail')).toBeVisible();
        }
      }
    } finally {
      await sandbox.outage(0);
    }
    await expect
      .poll(async () => (await Promise.all(emails.map((email) => acceptedFor(sandbox, email)))).map((items) => items.length), { timeout: 45_000 })
      .toEqual([1, 1, 1]);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('You’re registered');
  });

  test('queued during an outage, the site killed and restarted: each registration delivered exactly once', async ({ browser, request, sandbox }) => {
    test.setTimeout(120_000);
    const env = siteEnv(mkdtempSync(path.join(tmpdir(), 'livestorm-e2e-restart-')));
    let site = await startSite(RESTART_SITE_PORT, env);
    const emails = Array.from({ length: 4 }, (_, i) => uniqueEmail(`restart${i}`));
    try {
      const form = await scrapeForm(browser, SIMPLE_SLUG, site.url);
      await sleep(1_100);
      await sandbox.outage(503);
      for (const [i, email] of emails.entries()) {
        const result = await postRegistration(request, form, { email, first_name: 'Restart', last_name: `No${i}` }, { forwardedFor: `192.0.2.${150 + i}` });
        expect(result.status).toBe(303);
      }
      await site.kill();
      site = await startSite(RESTART_SITE_PORT, env);
      await sandbox.outage(0);
      await expect
        .poll(async () => (await Promise.all(emails.map((email) => acceptedFor(sandbox, email)))).map((items) => items.length), { timeout: 60_000 })
        .toEqual(emails.map(() => 1));
      // And nothing arrives twice later either (a redelivery would show as a 409 for the same address).
      await sleep(3_000);
      const all = await sandbox.registrations();
      for (const email of emails) {
        expect(all.filter((item) => item.body.data.attributes.fields.some((field) => field.value === email && field.id === 'email') && item.status === 201)).toHaveLength(1);
      }
    } finally {
      await sandbox.outage(0);
      await site.kill();
    }
  });
});
