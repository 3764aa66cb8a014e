// The demo workspace the sandbox seeds: data only, one literal that ./workspace.ts validates when
// it is loaded (docs/sandbox.md describes it). Ids derive from keys (event, session, owner, field),
// so renaming a key changes ids. A module rather than a .json file: Next traces JSON files as files
// every server route needs at run time, so a live build, which never loads the sandbox, would still
// ship this data beside it.
export const WORKSPACE_DATA: unknown = {
  "organization": { "name": "Acme Analytics", "slug": "acme-analytics" },
  "owners": {
    "camille": { "firstName": "Camille", "lastName": "Laurent", "email": "camille.laurent@acme-analytics.example", "timezone": "Europe/Paris" },
    "jordan": { "firstName": "Jordan", "lastName": "Reyes", "email": "jordan.reyes@acme-analytics.example", "timezone": "America/New_York" },
    "priya": { "firstName": "Priya", "lastName": "Natarajan", "email": "priya.natarajan@acme-analytics.example", "timezone": "Asia/Kolkata" },
    "lukas": { "firstName": "Lukas", "lastName": "Becker", "email": "lukas.becker@acme-analytics.example", "timezone": "Europe/Berlin" },
    "sofia": { "firstName": "Sofía", "lastName": "Martínez", "email": "sofia.martinez@acme-analytics.example", "timezone": "Europe/Madrid" },
    "hana": { "firstName": "Hana", "lastName": "Sato", "email": "hana.sato@acme-analytics.example", "timezone": "Asia/Tokyo" },
    "maya": { "firstName": "Maya", "lastName": "Thompson", "email": "maya.thompson@acme-analytics.example", "timezone": "America/Los_Angeles" }
  },
  "builtinFields": [
    { "id": "email", "type": "text", "attribute": { "name": "Email", "type": "email", "placeholder": "you@company.com" } },
    { "id": "first_name", "type": "text", "attribute": { "name": "First name", "type": "text", "placeholder": "Jane" } },
    { "id": "last_name", "type": "text", "attribute": { "name": "Last name", "type": "text", "placeholder": "Doe" } },
    { "id": "avatar", "type": "file", "attribute": { "name": "Avatar", "type": "avatar", "placeholder": null } }
  ],
  "customFields": {
    "company": { "type": "text", "name": "Company", "placeholder": "Acme Corp" },
    "job_title": { "type": "text", "name": "Job title", "placeholder": "Head of Data" },
    "team_size": {
      "type": "multiple",
      "name": "Team size",
      "placeholder": null,
      "options": { "items": ["1-10", "11-50", "51-200", "201+"], "multiple_answers": false }
    },
    "interests": {
      "type": "multiple",
      "name": "Interests",
      "placeholder": null,
      "options": { "items": ["Dashboards", "Reporting", "API", "Data warehouse sync"], "multiple_answers": true }
    },
    "custom_email": { "type": "email", "name": "Billing contact email", "placeholder": "billing@company.com" },
    "website": { "type": "url", "name": "Website", "placeholder": "https://www.company.com" },
    "country": {
      "type": "unique_select",
      "name": "Country",
      "placeholder": null,
      "options": { "items": ["France", "Germany", "Spain", "United States", "India", "Japan", "Australia", "Canada", "Other"], "multiple_answers": false }
    },
    "tools_used": {
      "type": "multiple_select",
      "name": "Tools you use today",
      "placeholder": null,
      "options": { "items": ["Excel", "Looker", "Tableau", "Power BI", "Metabase"], "multiple_answers": true }
    },
    "newsletter_optin": { "type": "consent", "name": "Newsletter opt-in", "placeholder": null },
    "company_logo": { "type": "file", "name": "Company logo", "placeholder": null },
    "phone": { "type": "phone_number", "name": "Phone number", "placeholder": "+1 555 0100" }
  },
  "newEvent": {
    "owner": "camille",
    "fields": [{ "id": "email", "required": true }, { "id": "first_name", "required": true }, { "id": "last_name", "required": true }]
  },
  "dstZones": ["America/New_York", "Europe/Berlin", "Australia/Adelaide", "America/St_Johns"],
  "events": [
    {
      "key": "pastOnly",
      "title": "Annual analytics trends report: live recap",
      "language": "en",
      "duration": 60,
      "owner": "maya",
      "status": "published",
      "listed": true,
      "createdDaysAgo": 75,
      "recordingPublic": true,
      "description": "<h2>The state of analytics</h2><p>We surveyed <strong>1,200 data teams</strong> about tooling, budgets and hiring. This recap covers the headline findings.</p><ul><li>Self-serve BI adoption</li><li>The rise of the semantic layer</li><li>Budget trends for the coming year</li></ul><p>The replay is available on demand.</p>",
      "fields": [
        { "id": "email", "required": true },
        { "id": "first_name", "required": true },
        { "id": "last_name", "required": true },
        { "id": "company", "required": false }
      ],
      "sessions": [
        { "key": "pastOnly-1", "timezone": "America/New_York", "when": { "kind": "day", "days": -30, "time": "11:00" }, "status": "past", "registrants": 130 },
        { "key": "pastOnly-2", "timezone": "Asia/Tokyo", "when": { "kind": "day", "days": -16, "time": "10:00" }, "status": "past", "name": "APAC replay", "registrants": 3 }
      ]
    },
    {
      "key": "productDemo",
      "title": "Product demo: Acme Analytics in 30 minutes",
      "language": "en",
      "duration": 30,
      "owner": "jordan",
      "status": "published",
      "listed": true,
      "createdDaysAgo": 60,
      "description": "<p>See <strong>Acme Analytics</strong> end to end in half an hour: connect a data source, build a dashboard and share it with your team.</p><h3>What you will see</h3><ul><li>Connecting Postgres, BigQuery and Snowflake</li><li>Drag-and-drop dashboard builder</li><li>Scheduled reports and alerts</li></ul><p>Bring your questions, we keep 10 minutes for live Q&amp;A. New to Acme? <a href=\"https://www.acme-analytics.example/pricing\">See pricing</a>.</p>",
      "fields": [
        { "id": "email", "required": true },
        { "id": "first_name", "required": true },
        { "id": "last_name", "required": true },
        { "id": "company", "required": false }
      ],
      "sessions": [
        { "key": "productDemo-1", "timezone": "America/New_York", "when": { "kind": "day", "days": 2, "time": "11:00" }, "registrants": 3 },
        { "key": "productDemo-2", "timezone": "Europe/Paris", "when": { "kind": "day", "days": 5, "time": "14:30" }, "name": "EMEA edition", "registrants": 1 },
        { "key": "productDemo-canceled", "timezone": "America/New_York", "when": { "kind": "day", "days": 9, "time": "11:00" }, "status": "canceled" },
        { "key": "productDemo-3", "timezone": "America/Los_Angeles", "when": { "kind": "day", "days": 12, "time": "10:00" } },
        { "key": "productDemo-4", "timezone": "America/New_York", "when": { "kind": "day", "days": 16, "time": "11:00" } }
      ]
    },
    {
      "key": "customerStory",
      "title": "Customer story: how Northwind cut reporting time by 70%",
      "language": "en",
      "duration": 45,
      "owner": "camille",
      "status": "published",
      "listed": true,
      "createdDaysAgo": 55,
      "recordingPublic": true,
      "description": "<h2>From spreadsheets to self-serve</h2><p>Northwind Traders used to spend <strong>three days</strong> every month consolidating spreadsheets. Their head of finance explains how they moved to self-serve dashboards.</p><blockquote><p>“Month-end reporting now takes an afternoon.”</p></blockquote><h3>Key takeaways</h3><ol><li>Start with one critical report</li><li>Define metrics once, reuse everywhere</li><li>Train champions in each team</li></ol><p>Read the <a href=\"https://www.acme-analytics.example/customers/northwind\">full case study</a>.</p>",
      "fields": [
        { "id": "email", "required": true },
        { "id": "first_name", "required": true },
        { "id": "last_name", "required": true },
        { "id": "avatar", "required": false },
        { "id": "company", "required": true },
        { "id": "team_size", "required": true },
        { "id": "interests", "required": false }
      ],
      "sessions": [
        { "key": "customerStory-past-1", "timezone": "Europe/Paris", "when": { "kind": "day", "days": -21, "time": "16:00" }, "status": "past", "registrants": 4 },
        { "key": "customerStory-past-2", "timezone": "America/New_York", "when": { "kind": "day", "days": -7, "time": "12:00" }, "status": "past", "registrants": 3 },
        { "key": "customerStory-1", "timezone": "Europe/Paris", "when": { "kind": "day", "days": 10, "time": "16:00" }, "registrants": 2 },
        { "key": "customerStory-2", "timezone": "America/New_York", "when": { "kind": "day", "days": 24, "time": "12:00" } }
      ]
    },
    {
      "key": "onboarding",
      "title": "Onboarding bootcamp: build your first dashboard",
      "language": "en",
      "duration": 60,
      "owner": "maya",
      "status": "published",
      "listed": true,
      "createdDaysAgo": 50,
      "lightRegistration": false,
      "description": "<h2>Get productive in one hour</h2><p>This hands-on bootcamp is for <strong>new Acme Analytics users</strong>. Follow along in your own workspace.</p><h3>Before you join</h3><ul><li>Make sure you can log in to your workspace</li><li>Have read access to at least one data source</li></ul><h3>You will learn to</h3><ul><li>Write your first query with the visual editor</li><li>Turn it into a chart and pin it to a dashboard</li><li>Share the dashboard and set up a weekly e-mail</li></ul><p>Need help before the session? Visit the <a href=\"https://help.acme-analytics.example\">help center</a>.</p>",
      "fields": [
        { "id": "email", "required": true },
        { "id": "first_name", "required": true },
        { "id": "last_name", "required": true },
        { "id": "company", "required": true },
        { "id": "job_title", "required": false }
      ],
      "sessions": [
        { "key": "onboarding-soon", "timezone": "UTC", "when": { "kind": "soon" }, "name": "Express session", "registrants": 2 },
        { "key": "onboarding-2", "timezone": "Europe/Paris", "when": { "kind": "day", "days": 7, "time": "09:00" } },
        { "key": "onboarding-dst", "timezone": "America/New_York", "when": { "kind": "dst" } },
        { "key": "onboarding-4", "timezone": "America/Los_Angeles", "when": { "kind": "day", "days": 21, "time": "09:00" } }
      ]
    },
    {
      "key": "security",
      "title": "Security & compliance deep dive: SOC 2, GDPR and SSO",
      "language": "en",
      "duration": 60,
      "owner": "lukas",
      "status": "published",
      "listed": true,
      "createdDaysAgo": 45,
      "description": [
        "<h2>Why this session</h2>",
        "<p>Security reviews slow down analytics rollouts. In this <strong>60-minute deep dive</strong> our security team walks through how Acme Analytics protects your data, and what your auditors will ask.</p>",
        "<script>window.__xss=1</script>",
        "<h3>Agenda</h3>",
        "<ul><li>SOC 2 Type II: scope, controls and how to read our report</li><li>GDPR: data residency, DPA and sub-processors</li><li>SSO &amp; SCIM with Okta, Azure AD and Google Workspace</li></ul>",
        "<img src=x onerror=\"window.__xss=1\">",
        "<p>Read our <a href=\"https://www.acme-analytics.example/trust\">Trust Center</a> before the session, or <a href=\"javascript:window.__xss=1\">click</a> here for the checklist.</p>",
        "<iframe src=\"https://example.com\"></iframe>",
        "<blockquote><p>“The SOC 2 walkthrough saved our procurement team two weeks.” — CISO, Northwind Traders</p></blockquote>"
      ],
      "fields": [
        { "id": "email", "required": true },
        { "id": "first_name", "required": true },
        { "id": "last_name", "required": true },
        { "id": "company", "required": true },
        { "id": "custom_email", "required": false },
        { "id": "newsletter_optin", "required": false }
      ],
      "sessions": [
        { "key": "security-1", "timezone": "Europe/Berlin", "when": { "kind": "day", "days": 8, "time": "15:00" }, "registrants": 1 },
        { "key": "security-2", "timezone": "America/New_York", "when": { "kind": "day", "days": 22, "time": "13:00" } }
      ]
    },
    {
      "key": "analyticsWorkshop",
      "title": "Analytics workshop: cohort analysis and retention curves",
      "language": "en",
      "duration": 90,
      "owner": "priya",
      "status": "published",
      "listed": true,
      "createdDaysAgo": 40,
      "description": "<h2>A practical workshop</h2><p>Ninety minutes, one dataset, <strong>real retention questions</strong>. We build cohort tables and retention curves step by step.</p><h3>Prerequisites</h3><ul><li>Basic SQL</li><li>An Acme Analytics workspace (a <a href=\"https://www.acme-analytics.example/trial\">free trial</a> works)</li></ul><p>Seats are limited: tell us a bit about your team so we can tailor the examples.</p>",
      "fields": [
        { "id": "email", "required": true },
        { "id": "first_name", "required": true },
        { "id": "last_name", "required": false },
        { "id": "avatar", "required": false },
        { "id": "company", "required": true },
        { "id": "custom_email", "required": false },
        { "id": "website", "required": false },
        { "id": "team_size", "required": true },
        { "id": "interests", "required": false },
        { "id": "country", "required": true },
        { "id": "tools_used", "required": false },
        { "id": "newsletter_optin", "required": false },
        { "id": "company_logo", "required": false },
        { "id": "phone", "required": false }
      ],
      "sessions": [
        { "key": "analyticsWorkshop-1", "timezone": "Asia/Kolkata", "when": { "kind": "day", "days": 6, "time": "15:30" }, "name": "India edition" },
        { "key": "analyticsWorkshop-2", "timezone": "America/Los_Angeles", "when": { "kind": "day", "days": 13, "time": "09:30" } }
      ]
    },
    {
      "key": "french",
      "title": "Webinaire : découvrir Acme Analytics en 45 minutes",
      "language": "fr",
      "duration": 45,
      "owner": "camille",
      "status": "published",
      "listed": true,
      "createdDaysAgo": 35,
      "description": "<h2>Au programme</h2><p>Une présentation <strong>en français</strong> de la plateforme, suivie d’une séance de questions-réponses.</p><ul><li>Connexion à vos sources de données</li><li>Création de tableaux de bord</li><li>Partage et alertes automatiques</li></ul><p>Plus d’informations sur <a href=\"https://www.acme-analytics.example/fr\">notre site</a>.</p>",
      "fields": [
        { "id": "email", "required": true },
        { "id": "first_name", "required": true },
        { "id": "last_name", "required": true },
        { "id": "company", "required": false }
      ],
      "sessions": [
        { "key": "french-1", "timezone": "Europe/Paris", "when": { "kind": "day", "days": 3, "time": "10:00" } },
        { "key": "french-2", "timezone": "Europe/Paris", "when": { "kind": "day", "days": 17, "time": "10:00" } },
        { "key": "french-3", "timezone": "Europe/Paris", "when": { "kind": "day", "days": 31, "time": "14:00" } }
      ]
    },
    {
      "key": "german",
      "title": "Live-Demo: Dashboards für Ihr Vertriebsteam",
      "language": "de",
      "duration": 45,
      "owner": "lukas",
      "status": "published",
      "listed": true,
      "createdDaysAgo": 30,
      "description": "<h2>Vertriebskennzahlen im Blick</h2><p>In dieser <strong>Live-Demo</strong> zeigen wir, wie Vertriebsteams Pipeline, Abschlussquoten und Forecasts in Echtzeit verfolgen.</p><ul><li>CRM-Anbindung (Salesforce, HubSpot)</li><li>Vorlagen für Vertriebs-Dashboards</li><li>Automatische Wochenberichte</li></ul>",
      "fields": [
        { "id": "email", "required": true },
        { "id": "first_name", "required": true },
        { "id": "last_name", "required": true },
        { "id": "company", "required": true }
      ],
      "sessions": [
        { "key": "german-late", "timezone": "Europe/Berlin", "when": { "kind": "late" }, "registrants": 2 },
        { "key": "german-2", "timezone": "Europe/Berlin", "when": { "kind": "day", "days": 11, "time": "10:00" } },
        { "key": "german-3", "timezone": "Europe/Berlin", "when": { "kind": "day", "days": 25, "time": "10:00" } }
      ]
    },
    {
      "key": "spanish",
      "title": "Seminario web: analítica de datos para equipos de marketing",
      "language": "es",
      "duration": 60,
      "owner": "sofia",
      "status": "published",
      "listed": true,
      "createdDaysAgo": 28,
      "description": "<h2>Mide lo que importa</h2><p>Aprende a medir el <strong>retorno de tus campañas</strong> con paneles compartidos entre marketing y ventas.</p><ol><li>Atribución multicanal</li><li>Embudos de conversión</li><li>Informes automáticos</li></ol>",
      "fields": [
        { "id": "email", "required": true },
        { "id": "first_name", "required": true },
        { "id": "last_name", "required": true },
        { "id": "country", "required": false }
      ],
      "sessions": [
        { "key": "spanish-1", "timezone": "UTC", "when": { "kind": "day", "days": 4, "time": "16:00" } },
        { "key": "spanish-2", "timezone": "America/New_York", "when": { "kind": "day", "days": 18, "time": "10:00" } }
      ]
    },
    {
      "key": "draft",
      "title": "Roadmap preview: what is coming next quarter",
      "language": "en",
      "duration": 30,
      "owner": "jordan",
      "status": "draft",
      "listed": true,
      "createdDaysAgo": 20,
      "description": "<p><strong>Draft</strong>: agenda to be confirmed with the product team.</p>",
      "fields": [{ "id": "email", "required": true }, { "id": "first_name", "required": true }, { "id": "last_name", "required": true }],
      "sessions": [
        { "key": "draft-1", "timezone": "Europe/Paris", "when": { "kind": "day", "days": 30, "time": "11:00" }, "status": "draft" }
      ]
    },
    {
      "key": "unlisted",
      "title": "Partner enablement: reselling Acme Analytics",
      "language": "en",
      "duration": 60,
      "owner": "jordan",
      "status": "published",
      "listed": false,
      "createdDaysAgo": 18,
      "description": "<h2>For certified partners only</h2><p>Pricing, deal registration and the <strong>partner demo environment</strong>. This page is shared by invitation.</p><ul><li>Partner pricing tiers</li><li>Deal registration workflow</li></ul>",
      "fields": [
        { "id": "email", "required": true },
        { "id": "first_name", "required": true },
        { "id": "last_name", "required": true },
        { "id": "company", "required": true },
        { "id": "website", "required": false }
      ],
      "sessions": [
        { "key": "unlisted-1", "timezone": "America/St_Johns", "when": { "kind": "day", "days": 9, "time": "12:30" } },
        { "key": "unlisted-2", "timezone": "Australia/Adelaide", "when": { "kind": "day", "days": 15, "time": "09:30" } }
      ]
    },
    {
      "key": "officeHours",
      "title": "Office hours: ask our data team anything",
      "language": "en",
      "duration": 60,
      "owner": "hana",
      "status": "published",
      "listed": true,
      "createdDaysAgo": 15,
      "everyoneCanSpeak": true,
      "description": "<p>An open session with our <strong>solutions engineers</strong>. Bring a query, a dashboard or a modelling question.</p><h3>Good to know</h3><ul><li>Everyone can speak: unmute when it is your turn</li><li>Sessions are not recorded</li></ul>",
      "fields": [{ "id": "email", "required": true }, { "id": "first_name", "required": true }, { "id": "last_name", "required": false }],
      "sessions": [
        { "key": "officeHours-live", "timezone": "UTC", "when": { "kind": "live" }, "registrants": 4 },
        { "key": "officeHours-2", "timezone": "Asia/Tokyo", "when": { "kind": "day", "days": 7, "time": "18:00" }, "name": "APAC" },
        { "key": "officeHours-3", "timezone": "Australia/Adelaide", "when": { "kind": "day", "days": 14, "time": "12:00" } },
        { "key": "officeHours-4", "timezone": "Asia/Kolkata", "when": { "kind": "day", "days": 28, "time": "17:30" } }
      ]
    },
    {
      "key": "apiIntegrations",
      "title": "API & integrations: connecting Acme to your data warehouse",
      "language": "en",
      "duration": 45,
      "owner": "hana",
      "status": "published",
      "listed": true,
      "createdDaysAgo": 10,
      "description": "<h2>Integrations in practice</h2><p>How to push Acme metrics into <strong>Snowflake, BigQuery and Redshift</strong>, and how to automate everything with our REST API.</p><ul><li>Reverse-ETL patterns</li><li>Webhooks and rate limits</li><li>API authentication</li></ul><p>Docs: <a href=\"https://developers.acme-analytics.example\">developers.acme-analytics.example</a></p>",
      "fields": [
        { "id": "email", "required": true },
        { "id": "first_name", "required": true },
        { "id": "last_name", "required": true },
        { "id": "company", "required": false },
        { "id": "tools_used", "required": false }
      ],
      "sessions": [
        { "key": "apiIntegrations-1", "timezone": "Asia/Tokyo", "when": { "kind": "day", "days": 5, "time": "11:00" } },
        { "key": "apiIntegrations-2", "timezone": "Australia/Adelaide", "when": { "kind": "day", "days": 19, "time": "10:30" } },
        { "key": "apiIntegrations-3", "timezone": "America/St_Johns", "when": { "kind": "day", "days": 33, "time": "13:30" } },
        { "key": "apiIntegrations-4", "timezone": "Europe/Berlin", "when": { "kind": "day", "days": 40, "time": "16:00" } }
      ]
    }
  ],
  "registrants": {
    "names": [
      ["Jane", "Doe"],
      ["Liam", "Nguyen"],
      ["Olivia", "Schmidt"],
      ["Noah", "Dubois"],
      ["Emma", "Rossi"],
      ["Lucas", "Moreau"],
      ["Mia", "Kowalski"],
      ["Ethan", "Silva"],
      ["Ava", "Johansson"],
      ["Leo", "Tanaka"],
      ["Chloé", "Lefèvre"],
      ["Arjun", "Mehta"],
      ["Zoë", "Müller"],
      ["Mateo", "García"]
    ],
    "companies": ["Northwind Traders", "Globex", "Initech", "Umbrella Health", "Stark Logistics", "Wayne Retail", "Hooli"],
    "emailDomain": "example.com",
    "tracking": { "referrer": "www.acme-analytics.example/webinars", "utm_source": "newsletter", "utm_medium": "email" },
    "alreadyRegistered": { "session": "productDemo-1", "email": "already.registered@example.com", "firstName": "Robin", "lastName": "Keller" }
  }
};
