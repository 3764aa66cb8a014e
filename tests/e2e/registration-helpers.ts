// Helpers for registration tests: the no-JavaScript form post, exactly as a browser sends it.
import { spawn } from 'node:child_process';
import type { APIRequestContext, Browser } from '@playwright/test';
import { SITE_URL } from './env';
import type { SandboxHelpers } from './fixtures';

export const WORKSHOP_SLUG = 'analytics-workshop-cohort-analysis-and-retention-curves';
export const SIMPLE_SLUG = 'api-integrations-connecting-acme-to-your-data-warehouse';

export interface ScrapedForm {
  slug: string;
  siteUrl: string;
  /** Every hidden input of the rendered form: React's action fields, the form token, attribution. */
  hidden: Array<[string, string]>;
  /** Session ids offered by the form, soonest first. */
  sessionIds: string[];
}

/** Renders the event page in a browser without JavaScript and reads the form it was given. */
export async function scrapeForm(browser: Browser, slug: string, siteUrl = SITE_URL): Promise<ScrapedForm> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(`${siteUrl}/events/${slug}`);
    const hidden = await page.$$eval('#registration-form input[type=hidden]', (inputs) =>
      (inputs as HTMLInputElement[]).map((input) => [input.name, input.value] as [string, string]),
    );
    const sessionIds = await page.$$eval('#registration-form li[data-session-id]', (items) =>
      items.map((item) => item.getAttribute('data-session-id') ?? ''),
    );
    return { slug, siteUrl, hidden: hidden.filter(([name]) => name !== 'sessionIds'), sessionIds };
  } finally {
    await context.close();
  }
}

export type Answers = Record<string, string | string[]>;

/**
 * Posts the form as a browser without JavaScript does (multipart, to the page URL) and returns the
 * status and redirect target. `answers` are keyed by field id.
 */
export async function postRegistration(
  request: APIRequestContext,
  form: ScrapedForm,
  answers: Answers,
  options: { sessionIds?: string[]; forwardedFor?: string; extra?: Array<[string, string]> } = {},
): Promise<{ status: number; location: string | null; body: string }> {
  const data = new FormData();
  for (const [name, value] of form.hidden) data.append(name, value);
  for (const id of options.sessionIds ?? form.sessionIds.slice(0, 1)) data.append('sessionIds', id);
  for (const [id, value] of Object.entries(answers)) {
    for (const item of Array.isArray(value) ? value : [value]) data.append(`answers.${id}`, item);
  }
  for (const [name, value] of options.extra ?? []) data.append(name, value);
  const response = await request.fetch(`${form.siteUrl}/events/${form.slug}`, {
    method: 'POST',
    multipart: data,
    maxRedirects: 0,
    headers: options.forwardedFor ? { 'X-Forwarded-For': options.forwardedFor } : {},
    timeout: 30_000,
  });
  return { status: response.status(), location: response.headers().location ?? null, body: await response.text() };
}

/** Registration bodies the sandbox accepted (201) for one e-mail address. */
export async function acceptedFor(sandbox: SandboxHelpers, email: string) {
  const all = await sandbox.registrations();
  return all.filter(
    (item) => item.status === 201 && item.body.data.attributes.fields.some((field) => field.id === 'email' && field.value === email),
  );
}

export const uniqueEmail = (label: string) => `${label}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.com`;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A second site of our own (same build, same sandbox) that a test may kill and start again. */
export async function startSite(port: number, env: Record<string, string>): Promise<{ url: string; kill: () => Promise<void> }> {
  const url = `http://127.0.0.1:${port}`;
  const child = spawn('node_modules/.bin/next', ['start', '-p', String(port), '-H', '127.0.0.1'], {
    env: { ...process.env, ...env },
    detached: true,
    stdio: 'ignore',
  });
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the site on port ${port} did not start`);
    await sleep(200);
  }
  return {
    url,
    // SIGKILL to the whole group: no shutdown hook gets a chance to tidy up, as in a crash.
    kill: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid!, 'SIGKILL');
      await exited;
    },
  };
}
