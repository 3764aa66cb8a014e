// No `server-only` here: instrumentation.ts validates this at boot outside the RSC graph. The token
// is never NEXT_PUBLIC_, so a client bundle could not see it anyway.
import { z } from 'zod';
import { chooseRevalidateSeconds, type RevalidationReason } from './quota';
import { isTimeZone } from './time';

const DEFAULT_API_URL = 'https://api.livestorm.co/v1';


function isLocale(value: string): boolean {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([value]).length > 0;
  } catch {
    return false;
  }
}

/** Empty strings in the environment mean "not set" (a blank line in .env must not become a value). */
const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/** A whole number in range; unset or blank is undefined (for settings whose default depends on others). */
const optionalInteger = (min: number, max: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === '') return undefined;
      const parsed = Number(value);
      if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
        ctx.addIssue({ code: 'custom', message: `must be a whole number from ${min} to ${max}` });
        return z.NEVER;
      }
      return parsed;
    });

const integer = (min: number, max: number, fallback: number) => optionalInteger(min, max).transform((value) => value ?? fallback);

const url = (fallback: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      const raw = value === undefined || value === '' ? fallback : value;
      try {
        const parsed = new URL(raw);
        if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('protocol');
        return raw.replace(/\/+$/, '');
      } catch {
        ctx.addIssue({ code: 'custom', message: `must be an absolute http(s) URL, got "${raw}"` });
        return z.NEVER;
      }
    });

const boolean = (fallback: boolean) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === '') return fallback;
      const normalized = value.toLowerCase();
      if (['1', 'true', 'yes', 'on'].includes(normalized)) return true;
      if (['0', 'false', 'no', 'off'].includes(normalized)) return false;
      ctx.addIssue({ code: 'custom', message: `must be true or false, got "${value}"` });
      return z.NEVER;
    });

const optionalUrl = z
  .string()
  .trim()
  .optional()
  .transform((value, ctx) => {
    if (value === undefined || value === '') return undefined;
    try {
      const parsed = new URL(value);
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('protocol');
      return value;
    } catch {
      ctx.addIssue({ code: 'custom', message: `must be an absolute http(s) URL, got "${value}"` });
      return z.NEVER;
    }
  });

/**
 * Sites that may frame `/embed/*`: origins such as `https://www.example.com`, `http://localhost:8080`
 * or `https://*.example.com`, separated by commas or spaces. Strict, because each one is written
 * into a Content-Security-Policy header.
 */
const originList = z
  .string()
  .optional()
  .transform((value, ctx) => {
    const entries = (value ?? '').split(/[\s,]+/).filter(Boolean);
    const origins: string[] = [];
    for (const entry of entries) {
      const match = /^(https?):\/\/(\*\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)*)(:\d{1,5})?\/?$/i.exec(entry);
      if (!match) {
        ctx.addIssue({ code: 'custom', message: `"${entry.slice(0, 80)}" is not an origin such as https://www.example.com or https://*.example.com (no path, no quotes)` });
        return z.NEVER;
      }
      origins.push(`${match[1]!.toLowerCase()}://${match[2] ?? ''}${match[3]!.toLowerCase()}${match[4] ?? ''}`);
    }
    return [...new Set(origins)];
  });

export const configSchema = z.object({
  LIVESTORM_API_TOKEN: optionalString.refine((token) => token === undefined || !/^bearer\s/i.test(token), {
    message: 'must be the raw API token, without a "Bearer " prefix (Livestorm rejects Bearer tokens)',
  }),
  LIVESTORM_API_URL: url(DEFAULT_API_URL),
  SITE_URL: url('http://localhost:3000'),
  SITE_NAME: optionalString.transform((value) => value ?? 'Webinars'),
  SITE_TIMEZONE: optionalString
    .transform((value) => value ?? 'UTC')
    .refine(isTimeZone, { message: 'must be an IANA time zone such as Europe/Paris' }),
  SITE_LOCALE: optionalString
    .transform((value) => value ?? 'en-US')
    .refine(isLocale, { message: 'must be a BCP 47 locale such as en-US' }),
  LIVESTORM_REVALIDATE_SECONDS: optionalInteger(5, 86_400),
  LIVESTORM_MONTHLY_READ_BUDGET: integer(100, 1_000_000, 3_000),
  LIVESTORM_WEBHOOK_SECRET: optionalString,
  LIVESTORM_TIMEOUT_MS: integer(500, 60_000, 8_000),
  LIVESTORM_MAX_RPS: integer(1, 5, 5),
  DATA_DIR: optionalString.transform((value) => value ?? '.data'),
  SANDBOX_DATA_DIR: optionalString,
  REGISTRATION_SHOW_JOIN_LINK: boolean(false),
  REGISTRATION_CONSENT_TEXT: optionalString,
  REGISTRATION_PRIVACY_URL: optionalUrl,
  REGISTRATION_CONSENT_FIELD: optionalString,
  REGISTRATION_MIN_FILL_SECONDS: integer(0, 600, 3),
  REGISTRATION_MAX_PER_IP_PER_HOUR: integer(1, 100_000, 20),
  REGISTRATION_MAX_PER_EMAIL_PER_HOUR: integer(1, 1_000, 5),
  REGISTRATION_SECRET: optionalString.refine((secret) => secret === undefined || secret.length >= 32, {
    message: 'must be at least 32 characters (e.g. `openssl rand -hex 32`)',
  }),
  TRUST_PROXY: boolean(false),
  EMBED_ALLOWED_ORIGINS: originList,
  // Messages never echo the value: it is a password.
  STATUS_SECRET: optionalString
    .refine((secret) => secret === undefined || secret.length >= 24, {
      message: 'must be at least 24 characters (e.g. `openssl rand -hex 24`)',
    })
    .refine((secret) => secret === undefined || /^[\x21-\x7e]+$/.test(secret), {
      // Browsers differ in how they encode other characters in a Basic password prompt.
      message: 'must be printable ASCII without spaces',
    }),
  LIVE_STATUS_POLL_SECONDS: integer(2, 3_600, 30),
  CONSOLE_SECRET: optionalString.refine((secret) => secret === undefined || secret.length >= 32, {
    message: 'must be at least 32 characters (e.g. `openssl rand -hex 32`)',
  }),
  CONSOLE_IDLE_MINUTES: integer(5, 24 * 60, 60),
});

export type RawConfig = z.infer<typeof configSchema>;

export interface Config {
  mode: 'sandbox' | 'live';
  livestorm: {
    /** The token used on the wire; in sandbox mode the in-process sandbox's own token. */
    token: string;
    baseUrl: string;
    timeoutMs: number;
    maxRequestsPerSecond: number;
    /** Time-based refresh interval of the catalog (see lib/quota.ts). */
    revalidateSeconds: number;
    /** Why that interval: set explicitly, no webhooks (900 s), or derived from the read budget. */
    revalidateReason: RevalidationReason;
    /** Calls per 30 days the site may spend on reads. */
    monthlyReadBudget: number;
  };
  /**
   * Livestorm webhooks: the signing secret, or null when webhooks are not configured (the route
   * then refuses every delivery). In sandbox mode, the sandbox's own secret unless one is set.
   */
  webhooks: { secret: string | null };
  site: { url: string; name: string; timeZone: string; locale: string };
  sandbox: { dataDir: string };
  registration: {
    /** Show the personal join link on the confirmation page (default: it is only e-mailed). */
    showJoinLink: boolean;
    /**
     * Marketing consent: the event form's consent field `fieldId` (a Livestorm People Attribute, so
     * the answer lands in Livestorm) shown with this text and privacy-policy link.
     */
    consent: { text: string; privacyUrl: string | null; fieldId: string } | null;
    minFillSeconds: number;
    maxPerIpPerHour: number;
    maxPerEmailPerHour: number;
    /** Signs form tokens; when unset, one is generated and kept in DATA_DIR. */
    secret: string | null;
  };
  /** Take the client address from X-Forwarded-For (only behind a proxy that sets it). */
  trustProxy: boolean;
  /** Origins allowed to frame `/embed/*` besides the site itself (CSP `frame-ancestors` sources). */
  embed: { allowedOrigins: string[] };
  /** The operators' status page: null when no secret is set (it then does not exist). */
  status: { secret: string | null };
  /** How often an open page asks /api/sessions/status for "live now", "ended" and "cancelled". */
  liveStatus: { pollSeconds: number };
  /**
   * The marketers' console: the secret that signs its session cookies (null: generated once into
   * DATA_DIR) and how long a session lasts without activity.
   */
  console: { secret: string | null; idleMinutes: number };
  /** Local state: the last good copy of Livestorm data, the sandbox's state. */
  dataDir: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** In sandbox mode the client talks to the in-process sandbox (lib/sandbox) with these. */
export const SANDBOX_TOKEN = 'sandbox-in-process';
export const SANDBOX_BASE_URL = 'http://sandbox.internal/v1';
/**
 * The in-process sandbox signs its webhooks with this fixed development value unless
 * LIVESTORM_WEBHOOK_SECRET is set, so the sandbox loop works out of the box. Never a production
 * secret: the real one comes from Livestorm.
 */
export const SANDBOX_WEBHOOK_SECRET = 'sandbox-webhook-secret';

/** Pure: validates an environment and names every bad variable in one message. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const raw = result.data;
  const live = raw.LIVESTORM_API_TOKEN !== undefined;
  const webhookSecret = raw.LIVESTORM_WEBHOOK_SECRET ?? (live ? null : SANDBOX_WEBHOOK_SECRET);
  const revalidation = chooseRevalidateSeconds({
    explicitSeconds: raw.LIVESTORM_REVALIDATE_SECONDS ?? null,
    webhooksConfigured: webhookSecret !== null,
    monthlyReadBudget: raw.LIVESTORM_MONTHLY_READ_BUDGET,
  });
  return {
    mode: live ? 'live' : 'sandbox',
    livestorm: {
      token: raw.LIVESTORM_API_TOKEN ?? SANDBOX_TOKEN,
      baseUrl: live ? raw.LIVESTORM_API_URL : SANDBOX_BASE_URL,
      timeoutMs: raw.LIVESTORM_TIMEOUT_MS,
      maxRequestsPerSecond: raw.LIVESTORM_MAX_RPS,
      revalidateSeconds: revalidation.seconds,
      revalidateReason: revalidation.reason,
      monthlyReadBudget: raw.LIVESTORM_MONTHLY_READ_BUDGET,
    },
    webhooks: { secret: webhookSecret },
    site: {
      url: raw.SITE_URL,
      name: raw.SITE_NAME,
      timeZone: raw.SITE_TIMEZONE,
      locale: raw.SITE_LOCALE,
    },
    sandbox: { dataDir: raw.SANDBOX_DATA_DIR ?? `${raw.DATA_DIR}/sandbox` },
    registration: {
      showJoinLink: raw.REGISTRATION_SHOW_JOIN_LINK,
      consent: raw.REGISTRATION_CONSENT_TEXT
        ? {
            text: raw.REGISTRATION_CONSENT_TEXT,
            privacyUrl: raw.REGISTRATION_PRIVACY_URL ?? null,
            fieldId: raw.REGISTRATION_CONSENT_FIELD ?? 'marketing_consent',
          }
        : null,
      minFillSeconds: raw.REGISTRATION_MIN_FILL_SECONDS,
      maxPerIpPerHour: raw.REGISTRATION_MAX_PER_IP_PER_HOUR,
      maxPerEmailPerHour: raw.REGISTRATION_MAX_PER_EMAIL_PER_HOUR,
      secret: raw.REGISTRATION_SECRET ?? null,
    },
    trustProxy: raw.TRUST_PROXY,
    embed: { allowedOrigins: raw.EMBED_ALLOWED_ORIGINS },
    status: { secret: raw.STATUS_SECRET ?? null },
    liveStatus: { pollSeconds: raw.LIVE_STATUS_POLL_SECONDS },
    console: { secret: raw.CONSOLE_SECRET ?? null, idleMinutes: raw.CONSOLE_IDLE_MINUTES },
    dataDir: raw.DATA_DIR,
  };
}

let cached: Config | undefined;

/** The process configuration, validated once (start-up calls this from instrumentation.ts). */
export function getConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
