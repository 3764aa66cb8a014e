import { randomUUID } from 'node:crypto';
import { humanize, seedHex, seedUuid, slugify } from './ids';
import { connectionLink, registrationLink, roomLink } from './links';
import { HOUR_MS, MINUTE_MS, findDstChangeDay, localTimeOnDay } from './time';
import {
  STATE_VERSION,
  type EventField,
  type EventRecord,
  type Organization,
  type Owner,
  type PeopleAttributeRecord,
  type PeopleAttributeType,
  type PersonRecord,
  type RegistrantField,
  type SandboxState,
  type SessionRecord,
  type SessionStatus,
} from './types';

// Deterministic demo workspace. Every instant is computed from `nowMs` so the data is always
// "current"; ids come from stable keys so they are identical across reseeds and machines.

export const ORGANIZATION: Organization = {
  id: seedUuid('organization'),
  name: 'Acme Analytics',
  slug: 'acme-analytics',
};

/** A registrant that exists in every fresh seed (first upcoming product-demo session), for "already registered" flows. */
export const SEED_REGISTERED_EMAIL = 'already.registered@example.com';

// ---------------------------------------------------------------------------------------------
// Registration fields

interface CustomFieldDef {
  type: string;
  name: string;
  placeholder: string | null;
  options?: { items: Array<{ value: string }>; multiple_answers: boolean };
}

const items = (...values: string[]): Array<{ value: string }> => values.map((value) => ({ value }));

/** Workspace custom fields (People Attributes). `type` is the event-field type as it appears in `fields`. */
const CUSTOM_FIELDS = {
  company: { type: 'text', name: 'Company', placeholder: 'Acme Corp' },
  job_title: { type: 'text', name: 'Job title', placeholder: 'Head of Data' },
  team_size: {
    type: 'multiple',
    name: 'Team size',
    placeholder: null,
    options: { items: items('1-10', '11-50', '51-200', '201+'), multiple_answers: false },
  },
  interests: {
    type: 'multiple',
    name: 'Interests',
    placeholder: null,
    options: { items: items('Dashboards', 'Reporting', 'API', 'Data warehouse sync'), multiple_answers: true },
  },
  custom_email: { type: 'email', name: 'Billing contact email', placeholder: 'billing@company.com' },
  website: { type: 'url', name: 'Website', placeholder: 'https://www.company.com' },
  country: {
    type: 'unique_select',
    name: 'Country',
    placeholder: null,
    options: {
      items: items('France', 'Germany', 'Spain', 'United States', 'India', 'Japan', 'Australia', 'Canada', 'Other'),
      multiple_answers: false,
    },
  },
  tools_used: {
    type: 'multiple_select',
    name: 'Tools you use today',
    placeholder: null,
    options: { items: items('Excel', 'Looker', 'Tableau', 'Power BI', 'Metabase'), multiple_answers: true },
  },
  newsletter_optin: { type: 'consent', name: 'Newsletter opt-in', placeholder: null },
  company_logo: { type: 'file', name: 'Company logo', placeholder: null },
  phone: { type: 'phone_number', name: 'Phone number', placeholder: '+1 555 0100' },
} satisfies Record<string, CustomFieldDef>;

type CustomFieldId = keyof typeof CUSTOM_FIELDS;

type FieldSpec =
  | { builtin: 'email' | 'first_name' | 'last_name' | 'avatar'; required: boolean }
  | { custom: CustomFieldId; required: boolean };

const BUILTIN_TYPES = { email: 'text', first_name: 'text', last_name: 'text', avatar: 'file' } as const;

function buildFields(specs: FieldSpec[]): EventField[] {
  return specs.map((spec, order) => {
    if ('builtin' in spec) {
      return { id: spec.builtin, type: BUILTIN_TYPES[spec.builtin], order, required: spec.required };
    }
    const def: CustomFieldDef = CUSTOM_FIELDS[spec.custom];
    const field: EventField = { id: spec.custom, type: def.type, order, required: spec.required, custom: true };
    if (def.options) {
      field.options = { items: def.options.items.map((i) => ({ ...i })), multiple_answers: def.options.multiple_answers };
    }
    return field;
  });
}

const email = { builtin: 'email', required: true } as const;
const firstName = (required = true): FieldSpec => ({ builtin: 'first_name', required });
const lastName = (required = true): FieldSpec => ({ builtin: 'last_name', required });
const avatar: FieldSpec = { builtin: 'avatar', required: false };
const custom = (id: CustomFieldId, required = false): FieldSpec => ({ custom: id, required });

/** People attribute type for an event-field type (the attributes API has a smaller vocabulary). */
function attributeType(field: EventField): PeopleAttributeType {
  switch (field.type) {
    case 'email':
    case 'url':
    case 'consent':
    case 'unique_select':
    case 'multiple_select':
    case 'text':
      return field.type;
    case 'multiple':
      return field.options?.multiple_answers ? 'multiple_select' : 'unique_select';
    case 'file':
      // No file attribute type exists; uploads are submitted as public URLs.
      return 'url';
    default:
      return 'text';
  }
}

// ---------------------------------------------------------------------------------------------
// Hosts

const OWNERS = {
  camille: { first: 'Camille', last: 'Laurent', tz: 'Europe/Paris' },
  jordan: { first: 'Jordan', last: 'Reyes', tz: 'America/New_York' },
  priya: { first: 'Priya', last: 'Natarajan', tz: 'Asia/Kolkata' },
  lukas: { first: 'Lukas', last: 'Becker', tz: 'Europe/Berlin' },
  sofia: { first: 'Sofía', last: 'Martínez', tz: 'Europe/Madrid' },
  hana: { first: 'Hana', last: 'Sato', tz: 'Asia/Tokyo' },
  maya: { first: 'Maya', last: 'Thompson', tz: 'America/Los_Angeles' },
} as const;
type OwnerKey = keyof typeof OWNERS;

const ascii = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

function buildOwner(key: OwnerKey, nowS: number): Owner {
  const o = OWNERS[key];
  const created = nowS - 400 * 86_400;
  return {
    id: seedUuid(`owner/${key}`),
    type: 'people',
    attributes: {
      role: 'team_member',
      created_at: created,
      updated_at: created + 3_600,
      timezone: o.tz,
      first_name: o.first,
      last_name: o.last,
      email: `${ascii(o.first)}.${ascii(o.last)}@acme-analytics.example`,
      avatar_link: null,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Events and sessions

type When =
  | { kind: 'day'; days: number; time: string } // local wall-clock time, `days` calendar days from today
  | { kind: 'soon' } // next half hour at least 2 h ahead
  | { kind: 'late' } // estimated start 10-25 min ago, host has not started
  | { kind: 'live' } // started ~10 min ago
  | { kind: 'dst' }; // 2 days after the next DST change of one of DST_ZONES

interface SessionSpec {
  key: string;
  tz: string;
  when: When;
  status?: SessionStatus;
  name?: string;
  registrants?: number;
}

interface EventSpec {
  key: SeedEventKey;
  title: string;
  language: string;
  duration: 30 | 45 | 60 | 90;
  owner: OwnerKey;
  status: 'published' | 'draft';
  listed: boolean;
  createdDaysAgo: number;
  description: string;
  fields: FieldSpec[];
  sessions: SessionSpec[];
  everyoneCanSpeak?: boolean;
  recordingPublic?: boolean;
  lightRegistration?: boolean;
}

export type SeedEventKey =
  | 'productDemo'
  | 'onboarding'
  | 'customerStory'
  | 'security'
  | 'analyticsWorkshop'
  | 'french'
  | 'german'
  | 'spanish'
  | 'draft'
  | 'unlisted'
  | 'pastOnly'
  | 'officeHours'
  | 'apiIntegrations';

/** Zones with DST, checked in order for an upcoming change (the "dst" session goes right after it). */
const DST_ZONES = ['America/New_York', 'Europe/Berlin', 'Australia/Adelaide', 'America/St_Johns'] as const;

const XSS_DESCRIPTION = [
  '<h2>Why this session</h2>',
  '<p>Security reviews slow down analytics rollouts. In this <strong>60-minute deep dive</strong> our security team walks through how Acme Analytics protects your data, and what your auditors will ask.</p>',
  '<script>window.__xss=1</script>',
  '<h3>Agenda</h3>',
  '<ul><li>SOC 2 Type II: scope, controls and how to read our report</li><li>GDPR: data residency, DPA and sub-processors</li><li>SSO &amp; SCIM with Okta, Azure AD and Google Workspace</li></ul>',
  '<img src=x onerror="window.__xss=1">',
  '<p>Read our <a href="https://www.acme-analytics.example/trust">Trust Center</a> before the session, or <a href="javascript:window.__xss=1">click</a> here for the checklist.</p>',
  '<iframe src="https://example.com"></iframe>',
  '<blockquote><p>“The SOC 2 walkthrough saved our procurement team two weeks.” — CISO, Northwind Traders</p></blockquote>',
].join('\n');

const EVENT_SPECS: EventSpec[] = [
  {
    key: 'pastOnly',
    title: 'Annual analytics trends report: live recap',
    language: 'en',
    duration: 60,
    owner: 'maya',
    status: 'published',
    listed: true,
    createdDaysAgo: 75,
    recordingPublic: true,
    description:
      '<h2>The state of analytics</h2><p>We surveyed <strong>1,200 data teams</strong> about tooling, budgets and hiring. This recap covers the headline findings.</p><ul><li>Self-serve BI adoption</li><li>The rise of the semantic layer</li><li>Budget trends for the coming year</li></ul><p>The replay is available on demand.</p>',
    fields: [email, firstName(), lastName(), custom('company')],
    sessions: [
      { key: 'pastOnly-1', tz: 'America/New_York', when: { kind: 'day', days: -30, time: '11:00' }, status: 'past', registrants: 5 },
      { key: 'pastOnly-2', tz: 'Asia/Tokyo', when: { kind: 'day', days: -16, time: '10:00' }, status: 'past', name: 'APAC replay', registrants: 3 },
    ],
  },
  {
    key: 'productDemo',
    title: 'Product demo: Acme Analytics in 30 minutes',
    language: 'en',
    duration: 30,
    owner: 'jordan',
    status: 'published',
    listed: true,
    createdDaysAgo: 60,
    description:
      '<p>See <strong>Acme Analytics</strong> end to end in half an hour: connect a data source, build a dashboard and share it with your team.</p><h3>What you will see</h3><ul><li>Connecting Postgres, BigQuery and Snowflake</li><li>Drag-and-drop dashboard builder</li><li>Scheduled reports and alerts</li></ul><p>Bring your questions, we keep 10 minutes for live Q&amp;A. New to Acme? <a href="https://www.acme-analytics.example/pricing">See pricing</a>.</p>',
    fields: [email, firstName(), lastName(), custom('company')],
    sessions: [
      { key: 'productDemo-1', tz: 'America/New_York', when: { kind: 'day', days: 2, time: '11:00' }, registrants: 3 },
      { key: 'productDemo-2', tz: 'Europe/Paris', when: { kind: 'day', days: 5, time: '14:30' }, name: 'EMEA edition', registrants: 1 },
      { key: 'productDemo-canceled', tz: 'America/New_York', when: { kind: 'day', days: 9, time: '11:00' }, status: 'canceled' },
      { key: 'productDemo-3', tz: 'America/Los_Angeles', when: { kind: 'day', days: 12, time: '10:00' } },
      { key: 'productDemo-4', tz: 'America/New_York', when: { kind: 'day', days: 16, time: '11:00' } },
    ],
  },
  {
    key: 'customerStory',
    title: 'Customer story: how Northwind cut reporting time by 70%',
    language: 'en',
    duration: 45,
    owner: 'camille',
    status: 'published',
    listed: true,
    createdDaysAgo: 55,
    recordingPublic: true,
    description:
      '<h2>From spreadsheets to self-serve</h2><p>Northwind Traders used to spend <strong>three days</strong> every month consolidating spreadsheets. Their head of finance explains how they moved to self-serve dashboards.</p><blockquote><p>“Month-end reporting now takes an afternoon.”</p></blockquote><h3>Key takeaways</h3><ol><li>Start with one critical report</li><li>Define metrics once, reuse everywhere</li><li>Train champions in each team</li></ol><p>Read the <a href="https://www.acme-analytics.example/customers/northwind">full case study</a>.</p>',
    fields: [email, firstName(), lastName(), avatar, custom('company', true), custom('team_size', true), custom('interests')],
    sessions: [
      { key: 'customerStory-past-1', tz: 'Europe/Paris', when: { kind: 'day', days: -21, time: '16:00' }, status: 'past', registrants: 4 },
      { key: 'customerStory-past-2', tz: 'America/New_York', when: { kind: 'day', days: -7, time: '12:00' }, status: 'past', registrants: 3 },
      { key: 'customerStory-1', tz: 'Europe/Paris', when: { kind: 'day', days: 10, time: '16:00' }, registrants: 2 },
      { key: 'customerStory-2', tz: 'America/New_York', when: { kind: 'day', days: 24, time: '12:00' } },
    ],
  },
  {
    key: 'onboarding',
    title: 'Onboarding bootcamp: build your first dashboard',
    language: 'en',
    duration: 60,
    owner: 'maya',
    status: 'published',
    listed: true,
    createdDaysAgo: 50,
    lightRegistration: false,
    description:
      '<h2>Get productive in one hour</h2><p>This hands-on bootcamp is for <strong>new Acme Analytics users</strong>. Follow along in your own workspace.</p><h3>Before you join</h3><ul><li>Make sure you can log in to your workspace</li><li>Have read access to at least one data source</li></ul><h3>You will learn to</h3><ul><li>Write your first query with the visual editor</li><li>Turn it into a chart and pin it to a dashboard</li><li>Share the dashboard and set up a weekly e-mail</li></ul><p>Need help before the session? Visit the <a href="https://help.acme-analytics.example">help center</a>.</p>',
    fields: [email, firstName(), lastName(), custom('company', true), custom('job_title')],
    sessions: [
      { key: 'onboarding-soon', tz: 'UTC', when: { kind: 'soon' }, name: 'Express session', registrants: 2 },
      { key: 'onboarding-2', tz: 'Europe/Paris', when: { kind: 'day', days: 7, time: '09:00' } },
      { key: 'onboarding-dst', tz: 'America/New_York', when: { kind: 'dst' } },
      { key: 'onboarding-4', tz: 'America/Los_Angeles', when: { kind: 'day', days: 21, time: '09:00' } },
    ],
  },
  {
    key: 'security',
    title: 'Security & compliance deep dive: SOC 2, GDPR and SSO',
    language: 'en',
    duration: 60,
    owner: 'lukas',
    status: 'published',
    listed: true,
    createdDaysAgo: 45,
    description: XSS_DESCRIPTION,
    fields: [email, firstName(), lastName(), custom('company', true), custom('custom_email'), custom('newsletter_optin')],
    sessions: [
      { key: 'security-1', tz: 'Europe/Berlin', when: { kind: 'day', days: 8, time: '15:00' }, registrants: 1 },
      { key: 'security-2', tz: 'America/New_York', when: { kind: 'day', days: 22, time: '13:00' } },
    ],
  },
  {
    key: 'analyticsWorkshop',
    title: 'Analytics workshop: cohort analysis and retention curves',
    language: 'en',
    duration: 90,
    owner: 'priya',
    status: 'published',
    listed: true,
    createdDaysAgo: 40,
    description:
      '<h2>A practical workshop</h2><p>Ninety minutes, one dataset, <strong>real retention questions</strong>. We build cohort tables and retention curves step by step.</p><h3>Prerequisites</h3><ul><li>Basic SQL</li><li>An Acme Analytics workspace (a <a href="https://www.acme-analytics.example/trial">free trial</a> works)</li></ul><p>Seats are limited: tell us a bit about your team so we can tailor the examples.</p>',
    fields: [
      email,
      firstName(),
      lastName(false),
      avatar,
      custom('company', true),
      custom('custom_email'),
      custom('website'),
      custom('team_size', true),
      custom('interests'),
      custom('country', true),
      custom('tools_used'),
      custom('newsletter_optin'),
      custom('company_logo'),
      custom('phone'),
    ],
    sessions: [
      { key: 'analyticsWorkshop-1', tz: 'Asia/Kolkata', when: { kind: 'day', days: 6, time: '15:30' }, name: 'India edition' },
      { key: 'analyticsWorkshop-2', tz: 'America/Los_Angeles', when: { kind: 'day', days: 13, time: '09:30' } },
    ],
  },
  {
    key: 'french',
    title: 'Webinaire : découvrir Acme Analytics en 45 minutes',
    language: 'fr',
    duration: 45,
    owner: 'camille',
    status: 'published',
    listed: true,
    createdDaysAgo: 35,
    description:
      '<h2>Au programme</h2><p>Une présentation <strong>en français</strong> de la plateforme, suivie d’une séance de questions-réponses.</p><ul><li>Connexion à vos sources de données</li><li>Création de tableaux de bord</li><li>Partage et alertes automatiques</li></ul><p>Plus d’informations sur <a href="https://www.acme-analytics.example/fr">notre site</a>.</p>',
    fields: [email, firstName(), lastName(), custom('company')],
    sessions: [
      { key: 'french-1', tz: 'Europe/Paris', when: { kind: 'day', days: 3, time: '10:00' } },
      { key: 'french-2', tz: 'Europe/Paris', when: { kind: 'day', days: 17, time: '10:00' } },
      { key: 'french-3', tz: 'Europe/Paris', when: { kind: 'day', days: 31, time: '14:00' } },
    ],
  },
  {
    key: 'german',
    title: 'Live-Demo: Dashboards für Ihr Vertriebsteam',
    language: 'de',
    duration: 45,
    owner: 'lukas',
    status: 'published',
    listed: true,
    createdDaysAgo: 30,
    description:
      '<h2>Vertriebskennzahlen im Blick</h2><p>In dieser <strong>Live-Demo</strong> zeigen wir, wie Vertriebsteams Pipeline, Abschlussquoten und Forecasts in Echtzeit verfolgen.</p><ul><li>CRM-Anbindung (Salesforce, HubSpot)</li><li>Vorlagen für Vertriebs-Dashboards</li><li>Automatische Wochenberichte</li></ul>',
    fields: [email, firstName(), lastName(), custom('company', true)],
    sessions: [
      { key: 'german-late', tz: 'Europe/Berlin', when: { kind: 'late' }, registrants: 2 },
      { key: 'german-2', tz: 'Europe/Berlin', when: { kind: 'day', days: 11, time: '10:00' } },
      { key: 'german-3', tz: 'Europe/Berlin', when: { kind: 'day', days: 25, time: '10:00' } },
    ],
  },
  {
    key: 'spanish',
    title: 'Seminario web: analítica de datos para equipos de marketing',
    language: 'es',
    duration: 60,
    owner: 'sofia',
    status: 'published',
    listed: true,
    createdDaysAgo: 28,
    description:
      '<h2>Mide lo que importa</h2><p>Aprende a medir el <strong>retorno de tus campañas</strong> con paneles compartidos entre marketing y ventas.</p><ol><li>Atribución multicanal</li><li>Embudos de conversión</li><li>Informes automáticos</li></ol>',
    fields: [email, firstName(), lastName(), custom('country')],
    sessions: [
      { key: 'spanish-1', tz: 'UTC', when: { kind: 'day', days: 4, time: '16:00' } },
      { key: 'spanish-2', tz: 'America/New_York', when: { kind: 'day', days: 18, time: '10:00' } },
    ],
  },
  {
    key: 'draft',
    title: 'Roadmap preview: what is coming next quarter',
    language: 'en',
    duration: 30,
    owner: 'jordan',
    status: 'draft',
    listed: true,
    createdDaysAgo: 20,
    description: '<p><strong>Draft</strong>: agenda to be confirmed with the product team.</p>',
    fields: [email, firstName(), lastName()],
    sessions: [{ key: 'draft-1', tz: 'Europe/Paris', when: { kind: 'day', days: 30, time: '11:00' }, status: 'draft' }],
  },
  {
    key: 'unlisted',
    title: 'Partner enablement: reselling Acme Analytics',
    language: 'en',
    duration: 60,
    owner: 'jordan',
    status: 'published',
    listed: false,
    createdDaysAgo: 18,
    description:
      '<h2>For certified partners only</h2><p>Pricing, deal registration and the <strong>partner demo environment</strong>. This page is shared by invitation.</p><ul><li>Partner pricing tiers</li><li>Deal registration workflow</li></ul>',
    fields: [email, firstName(), lastName(), custom('company', true), custom('website')],
    sessions: [
      { key: 'unlisted-1', tz: 'America/St_Johns', when: { kind: 'day', days: 9, time: '12:30' } },
      { key: 'unlisted-2', tz: 'Australia/Adelaide', when: { kind: 'day', days: 15, time: '09:30' } },
    ],
  },
  {
    key: 'officeHours',
    title: 'Office hours: ask our data team anything',
    language: 'en',
    duration: 60,
    owner: 'hana',
    status: 'published',
    listed: true,
    createdDaysAgo: 15,
    everyoneCanSpeak: true,
    description:
      '<p>An open session with our <strong>solutions engineers</strong>. Bring a query, a dashboard or a modelling question.</p><h3>Good to know</h3><ul><li>Everyone can speak: unmute when it is your turn</li><li>Sessions are not recorded</li></ul>',
    fields: [email, firstName(), lastName(false)],
    sessions: [
      { key: 'officeHours-live', tz: 'UTC', when: { kind: 'live' }, registrants: 4 },
      { key: 'officeHours-2', tz: 'Asia/Tokyo', when: { kind: 'day', days: 7, time: '18:00' }, name: 'APAC' },
      { key: 'officeHours-3', tz: 'Australia/Adelaide', when: { kind: 'day', days: 14, time: '12:00' } },
      { key: 'officeHours-4', tz: 'Asia/Kolkata', when: { kind: 'day', days: 28, time: '17:30' } },
    ],
  },
  {
    key: 'apiIntegrations',
    title: 'API & integrations: connecting Acme to your data warehouse',
    language: 'en',
    duration: 45,
    owner: 'hana',
    status: 'published',
    listed: true,
    createdDaysAgo: 10,
    description:
      '<h2>Integrations in practice</h2><p>How to push Acme metrics into <strong>Snowflake, BigQuery and Redshift</strong>, and how to automate everything with our REST API.</p><ul><li>Reverse-ETL patterns</li><li>Webhooks and rate limits</li><li>API authentication</li></ul><p>Docs: <a href="https://developers.acme-analytics.example">developers.acme-analytics.example</a></p>',
    fields: [email, firstName(), lastName(), custom('company'), custom('tools_used')],
    sessions: [
      { key: 'apiIntegrations-1', tz: 'Asia/Tokyo', when: { kind: 'day', days: 5, time: '11:00' } },
      { key: 'apiIntegrations-2', tz: 'Australia/Adelaide', when: { kind: 'day', days: 19, time: '10:30' } },
      { key: 'apiIntegrations-3', tz: 'America/St_Johns', when: { kind: 'day', days: 33, time: '13:30' } },
      { key: 'apiIntegrations-4', tz: 'Europe/Berlin', when: { kind: 'day', days: 40, time: '16:00' } },
    ],
  },
];

export interface SeedEventInfo {
  id: string;
  slug: string;
  title: string;
}

export const SEED_EVENTS = Object.fromEntries(
  EVENT_SPECS.map((spec) => [spec.key, { id: seedUuid(`event/${spec.key}`), slug: slugify(spec.title), title: spec.title }]),
) as Record<SeedEventKey, SeedEventInfo>;

const sessionId = (key: string): string => seedUuid(`session/${key}`);

/** Sessions that exist for the edge cases; their ids are stable. */
export const SEED_SESSIONS = {
  /** status live, started ~10 min before seeding (officeHours) */
  live: sessionId('officeHours-live'),
  /** status upcoming but estimated start 10-25 min in the past (german) */
  lateHost: sessionId('german-late'),
  /** status canceled inside the otherwise normal product demo */
  canceled: sessionId('productDemo-canceled'),
  /** status draft, in the draft event */
  draft: sessionId('draft-1'),
  /** the nearest upcoming session, ~2-2.5 h ahead (onboarding) */
  soon: sessionId('onboarding-soon'),
  /** starts 2 days after the next DST change of the seed date, when one exists within ~5 weeks */
  dst: sessionId('onboarding-dst'),
  /** first upcoming product-demo session; SEED_REGISTERED_EMAIL is registered to it */
  registered: sessionId('productDemo-1'),
  /** a past (ended) session of the past-only event */
  past: sessionId('pastOnly-1'),
  /** upcoming sessions of the unlisted event */
  unlisted: sessionId('unlisted-1'),
  /** upcoming session of the event whose form uses every field type */
  allFieldTypes: sessionId('analyticsWorkshop-1'),
  /** upcoming session of the event with the malicious description */
  xss: sessionId('security-1'),
} as const;

// ---------------------------------------------------------------------------------------------
// Registrants

const NAMES: ReadonlyArray<readonly [string, string]> = [
  ['Jane', 'Doe'],
  ['Liam', 'Nguyen'],
  ['Olivia', 'Schmidt'],
  ['Noah', 'Dubois'],
  ['Emma', 'Rossi'],
  ['Lucas', 'Moreau'],
  ['Mia', 'Kowalski'],
  ['Ethan', 'Silva'],
  ['Ava', 'Johansson'],
  ['Leo', 'Tanaka'],
  ['Chloé', 'Lefèvre'],
  ['Arjun', 'Mehta'],
  ['Zoë', 'Müller'],
  ['Mateo', 'García'],
];
const COMPANIES = ['Northwind Traders', 'Globex', 'Initech', 'Umbrella Health', 'Stark Logistics', 'Wayne Retail', 'Hooli'];

function seedAnswer(field: EventField, k: number, person: { email: string; first: string; last: string }): RegistrantField['value'] {
  if (field.id === 'email') return person.email;
  if (field.id === 'first_name') return person.first;
  if (field.id === 'last_name') return person.last;
  if (field.id === 'company') return COMPANIES[k % COMPANIES.length] ?? null;
  const choices = field.options?.items ?? [];
  const pick = choices[k % Math.max(choices.length, 1)]?.value;
  if (!pick) return null;
  if (field.type === 'multiple' || field.type === 'unique_select' || field.type === 'multiple_select') {
    return field.options?.multiple_answers ? [pick] : pick;
  }
  return null;
}

export function echoFields(fields: EventField[], answer: (field: EventField) => RegistrantField['value']): RegistrantField[] {
  return [...fields]
    .sort((a, b) => a.order - b.order)
    .map((field) => {
      const out: RegistrantField = { id: field.id, type: field.type, value: answer(field), required: field.required };
      if (field.custom) out.custom = true;
      return out;
    });
}

export interface NewRegistrant {
  personId: string;
  event: EventRecord;
  session: SessionRecord;
  email: string;
  firstName: string | null;
  lastName: string | null;
  avatarLink: string | null;
  fields: RegistrantField[];
  passwordKey: string;
  createdAt: number;
  tracking: {
    referrer: string | null;
    utm_source: string | null;
    utm_medium: string | null;
    utm_term: string | null;
    utm_content: string | null;
    utm_campaign: string | null;
  };
}

/** Builds a people resource exactly as §13 D; shared by the seed and the registration endpoint. */
export function buildPerson(r: NewRegistrant): PersonRecord {
  return {
    id: r.personId,
    attributes: {
      role: 'participant',
      created_at: r.createdAt,
      updated_at: r.createdAt,
      timezone: null,
      first_name: r.firstName,
      last_name: r.lastName,
      email: r.email,
      avatar_link: r.avatarLink,
      registrant_detail: {
        event_id: r.event.id,
        session_id: r.session.id,
        created_at: r.createdAt,
        updated_at: r.createdAt,
        fields: r.fields,
        referrer: r.tracking.referrer,
        utm_source: r.tracking.utm_source,
        utm_medium: r.tracking.utm_medium,
        utm_term: r.tracking.utm_term,
        utm_content: r.tracking.utm_content,
        utm_campaign: r.tracking.utm_campaign,
        browser_version: null,
        browser_name: null,
        os_name: null,
        os_version: null,
        screen_height: null,
        screen_width: null,
        ip_city: null,
        ip_country_code: null,
        ip_country_name: null,
        password_key: r.passwordKey,
        connection_link: connectionLink(r.event.id, r.session.id, r.email, r.passwordKey),
        attended: false,
        attendance_rate: null,
        attendance_duration: 0,
        has_viewed_replay: false,
        registration_type: 'API',
        is_highlighted: false,
        is_guest_speaker: false,
        session_role: null,
      },
      messages_count: 0,
      questions_count: 0,
      votes_count: 0,
      up_votes_count: 0,
      replay_view_detail: null,
    },
  };
}

const NO_TRACKING: NewRegistrant['tracking'] = {
  referrer: null,
  utm_source: null,
  utm_medium: null,
  utm_term: null,
  utm_content: null,
  utm_campaign: null,
};

function seedRegistrants(event: EventRecord, session: SessionRecord, count: number, sessionIndex: number, nowS: number): PersonRecord[] {
  const s = session.attributes;
  const people: PersonRecord[] = [];
  for (let k = 0; k < count; k += 1) {
    const special = session.id === SEED_SESSIONS.registered && k === 0;
    const [first, last] = special ? (['Robin', 'Keller'] as const) : (NAMES[(sessionIndex * 5 + k) % NAMES.length] ?? ['Sam', 'Lee']);
    const mail = special ? SEED_REGISTERED_EMAIL : `${ascii(first)}.${ascii(last)}@example.com`;
    const isPast = s.status === 'past';
    const createdAt = isPast ? s.estimated_started_at - (k + 1) * 5 * 3_600 : nowS - (k + 1) * 3 * 3_600;
    const person = buildPerson({
      personId: seedUuid(`person/${session.id}/${k}`),
      event,
      session,
      email: mail,
      firstName: first,
      lastName: last,
      avatarLink: null,
      fields: echoFields(event.attributes.fields, (f) => seedAnswer(f, k, { email: mail, first, last })),
      passwordKey: seedHex(`password/${session.id}/${k}`, 22),
      createdAt,
      tracking: k % 2 === 0 ? { ...NO_TRACKING, referrer: 'www.acme-analytics.example/webinars', utm_source: 'newsletter', utm_medium: 'email' } : NO_TRACKING,
    });
    // Seed registrations came through the registration page, not the API.
    person.attributes.registrant_detail.registration_type = 'registration_page';
    if (isPast) {
      const detail = person.attributes.registrant_detail;
      detail.attended = k % 4 !== 3;
      if (detail.attended) {
        const rate = 55 + ((k * 13) % 45);
        detail.attendance_rate = rate;
        detail.attendance_duration = Math.round(((s.duration ?? 0) * rate) / 100);
        person.attributes.messages_count = k % 3;
        person.attributes.questions_count = k % 2;
      } else {
        const watchedAt = Math.min(s.ended_at + 86_400, nowS - 3_600);
        detail.has_viewed_replay = true;
        person.attributes.replay_view_detail = { watched_at: watchedAt };
      }
      detail.updated_at = Math.max(detail.updated_at, s.ended_at);
      person.attributes.updated_at = detail.updated_at;
    }
    people.push(person);
  }
  return people;
}

// ---------------------------------------------------------------------------------------------

function dstPlacement(nowMs: number): { tz: string; startMs: number } | null {
  let best: { tz: string; day: number } | null = null;
  for (const tz of DST_ZONES) {
    const day = findDstChangeDay(nowMs, tz, 3, 38);
    if (day !== null && (best === null || day < best.day)) best = { tz, day };
  }
  if (!best) return null;
  return { tz: best.tz, startMs: localTimeOnDay(nowMs, best.day + 2, '10:00', best.tz) };
}

function plannedStart(when: When, tz: string, nowMs: number): { tz: string; startMs: number } {
  switch (when.kind) {
    case 'day':
      return { tz, startMs: localTimeOnDay(nowMs, when.days, when.time, tz) };
    case 'soon': {
      const half = 30 * MINUTE_MS;
      return { tz, startMs: Math.ceil((nowMs + 2 * HOUR_MS) / half) * half };
    }
    case 'late': {
      const quarter = 15 * MINUTE_MS;
      return { tz, startMs: Math.floor((nowMs - 10 * MINUTE_MS) / quarter) * quarter };
    }
    case 'live': {
      const five = 5 * MINUTE_MS;
      return { tz, startMs: Math.floor((nowMs - 10 * MINUTE_MS) / five) * five };
    }
    case 'dst':
      // No DST change in the horizon for any zone: a plain weekday slot instead.
      return dstPlacement(nowMs) ?? { tz, startMs: localTimeOnDay(nowMs, 19, '10:00', tz) };
  }
}

/** What differs between sessions; the rest of the record follows from it. */
interface SessionDraft {
  status: SessionStatus;
  timezone: string;
  estimatedStartedAt: number;
  name: string | null;
  createdAt: number;
  startedAt: number;
  endedAt: number;
  canceledAt: number;
  duration: number | null;
}

function sessionRecord(id: string, event: EventRecord, d: SessionDraft): SessionRecord {
  return {
    id,
    attributes: {
      event_id: event.id,
      status: d.status,
      timezone: d.timezone,
      room_link: roomLink(event.id, id),
      name: d.name,
      attendees_count: 0,
      duration: d.duration,
      estimated_started_at: d.estimatedStartedAt,
      started_at: d.startedAt,
      ended_at: d.endedAt,
      canceled_at: d.canceledAt,
      created_at: d.createdAt,
      updated_at: Math.max(d.createdAt, d.startedAt, d.endedAt, d.canceledAt),
      registrants_count: 0,
      breakout_room_parent_session_id: null,
    },
  };
}

function buildSession(spec: SessionSpec, event: EventRecord, index: number, nowMs: number): SessionRecord {
  const nowS = Math.floor(nowMs / 1000);
  const { tz, startMs } = plannedStart(spec.when, spec.tz, nowMs);
  const status: SessionStatus = spec.status ?? (spec.when.kind === 'live' ? 'live' : 'upcoming');
  const estimated = Math.floor(startMs / 1000);
  const durationMinutes = event.attributes.estimated_duration;
  let startedAt = 0;
  let endedAt = 0;
  let canceledAt = 0;
  let duration: number | null = null;
  if (status === 'live') {
    startedAt = nowS - 600;
  } else if (status === 'past') {
    startedAt = estimated + 90;
    duration = durationMinutes * 60 + 137 + index * 41;
    endedAt = startedAt + duration;
  } else if (status === 'canceled') {
    canceledAt = nowS - 2 * 86_400;
  }
  return sessionRecord(sessionId(spec.key), event, {
    status,
    timezone: tz,
    estimatedStartedAt: estimated,
    name: spec.name ?? null,
    createdAt: event.attributes.created_at + 300 * (index + 1),
    startedAt,
    endedAt,
    canceledAt,
    duration,
  });
}

/** A session scheduled now by a test or an operator (control route), upcoming. */
export function newSession(event: EventRecord, input: { startsAtS: number; timezone: string; name: string | null }, nowS: number): SessionRecord {
  return sessionRecord(randomUUID(), event, {
    status: 'upcoming',
    timezone: input.timezone,
    estimatedStartedAt: input.startsAtS,
    name: input.name,
    createdAt: nowS,
    startedAt: 0,
    endedAt: 0,
    canceledAt: 0,
    duration: null,
  });
}

interface EventDraft {
  title: string;
  slug: string;
  language: string;
  duration: number;
  owner: OwnerKey;
  status: 'published' | 'draft';
  listed: boolean;
  description: string | null;
  fields: EventField[];
  createdAt: number;
  publishedAt: number;
  updatedAt: number;
  everyoneCanSpeak?: boolean;
  recordingPublic?: boolean;
  lightRegistration?: boolean;
}

function eventRecord(id: string, d: EventDraft, nowS: number): EventRecord {
  return {
    id,
    attributes: {
      title: d.title,
      slug: d.slug,
      registration_link: registrationLink(id),
      estimated_duration: d.duration,
      registration_page_enabled: true,
      light_registration_page_enabled: d.lightRegistration ?? true,
      everyone_can_speak: d.everyoneCanSpeak ?? false,
      description: d.description,
      status: d.status,
      recording_enabled: !d.everyoneCanSpeak,
      recording_public: d.recordingPublic ?? false,
      show_in_company_page: d.listed,
      chat_enabled: true,
      polls_enabled: d.duration >= 45,
      questions_enabled: true,
      language: d.language,
      published_at: d.publishedAt,
      created_at: d.createdAt,
      updated_at: d.updatedAt,
      owner: buildOwner(d.owner, nowS),
      fields: d.fields,
    },
  };
}

function buildEvent(spec: EventSpec, index: number, nowS: number): EventRecord {
  // Hour offsets keep created_at distinct so the created_at sort is total.
  const createdAt = nowS - spec.createdDaysAgo * 86_400 + index * 3_600;
  return eventRecord(
    SEED_EVENTS[spec.key].id,
    {
      ...spec,
      slug: slugify(spec.title),
      fields: buildFields(spec.fields),
      createdAt,
      publishedAt: spec.status === 'published' ? createdAt + 3_600 : 0,
      updatedAt: createdAt + 2 * 86_400,
    },
    nowS,
  );
}

export interface NewEventInput {
  title: string;
  slug: string;
  status: 'published' | 'draft';
  listed: boolean;
  language: string;
  duration: number;
  description: string | null;
}

/** An event created now by a test or an operator (control route), with the basic form. */
export function newEvent(input: NewEventInput, nowS: number): EventRecord {
  return eventRecord(
    randomUUID(),
    {
      ...input,
      owner: 'camille',
      fields: buildFields([email, firstName(), lastName()]),
      createdAt: nowS,
      publishedAt: input.status === 'published' ? nowS : 0,
      updatedAt: nowS,
    },
    nowS,
  );
}

function buildPeopleAttributes(events: EventRecord[]): PeopleAttributeRecord[] {
  const builtin = (slug: string, name: string, type: PeopleAttributeType, placeholder: string | null): PeopleAttributeRecord => ({
    id: seedUuid(`people_attribute/${slug}`),
    attributes: { name, slug, type, builtin: true, placeholder },
  });
  const builtins = [
    builtin('email', 'Email', 'email', 'you@company.com'),
    builtin('first_name', 'First name', 'text', 'Jane'),
    builtin('last_name', 'Last name', 'text', 'Doe'),
    builtin('avatar', 'Avatar', 'avatar', null),
  ];
  const seen = new Set<string>();
  const customs: PeopleAttributeRecord[] = [];
  for (const event of events) {
    for (const field of event.attributes.fields) {
      if (!field.custom || seen.has(field.id)) continue;
      seen.add(field.id);
      const def: CustomFieldDef | undefined = (CUSTOM_FIELDS as Record<string, CustomFieldDef>)[field.id];
      customs.push({
        id: seedUuid(`people_attribute/${field.id}`),
        attributes: {
          name: def?.name ?? humanize(field.id),
          slug: field.id,
          type: attributeType(field),
          builtin: false,
          placeholder: def?.placeholder ?? null,
        },
      });
    }
  }
  return [...builtins, ...customs];
}

/** A complete fresh state whose relative times are computed from `nowMs`. */
export function createSeedState(nowMs: number): SandboxState {
  const nowS = Math.floor(nowMs / 1000);
  const events: EventRecord[] = [];
  const sessions: SessionRecord[] = [];
  const people: PersonRecord[] = [];
  let sessionIndex = 0;
  EVENT_SPECS.forEach((spec, eventIndex) => {
    const event = buildEvent(spec, eventIndex, nowS);
    events.push(event);
    spec.sessions.forEach((sessionSpec, i) => {
      const session = buildSession(sessionSpec, event, i, nowMs);
      const registrants = seedRegistrants(event, session, sessionSpec.registrants ?? 0, sessionIndex, nowS);
      session.attributes.registrants_count = registrants.length;
      session.attributes.attendees_count = registrants.filter((p) => p.attributes.registrant_detail.attended).length;
      sessions.push(session);
      people.push(...registrants);
      sessionIndex += 1;
    });
  });
  return {
    version: STATE_VERSION,
    anchor: nowMs,
    organization: { ...ORGANIZATION },
    events,
    sessions,
    people,
    peopleAttributes: buildPeopleAttributes(events),
    webhooks: [],
    quota: { periodStart: null, used: 0 },
  };
}

