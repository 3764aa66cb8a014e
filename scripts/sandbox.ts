// Standalone HTTP server for the Livestorm sandbox.
// Usage: tsx scripts/sandbox.ts [--port 4010] [--host 127.0.0.1] [--data-dir DIR] [--token TOKEN]
//        [--webhook-secret SECRET] [--bulk-task-ms 20] [--fresh]
import http from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SANDBOX_WEBHOOK_SECRET, createSandbox, deleteState } from '../lib/sandbox';

const MAX_BODY_BYTES = 1024 * 1024;

function fail(message: string): never {
  console.error(`sandbox: ${message}`);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4010' },
    host: { type: 'string', default: '127.0.0.1' },
    'data-dir': { type: 'string', default: '.data/sandbox-http' },
    token: { type: 'string', default: 'sandbox-token' },
    // Signs webhook deliveries; the site verifies them with the same LIVESTORM_WEBHOOK_SECRET.
    'webhook-secret': { type: 'string', default: SANDBOX_WEBHOOK_SECRET },
    // Time a bulk registration job spends on each person.
    'bulk-task-ms': { type: 'string', default: '20' },
    fresh: { type: 'boolean', default: false },
  },
  strict: true,
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`invalid --port ${values.port}`);
const host = values.host;
const token = values.token;
if (!token) fail('--token must not be empty');
const webhookSecret = values['webhook-secret'];
if (!webhookSecret) fail('--webhook-secret must not be empty');
const dataDir = path.resolve(values['data-dir']);
const bulkTaskMs = Number(values['bulk-task-ms']);
if (!Number.isInteger(bulkTaskMs) || bulkTaskMs < 0 || bulkTaskMs > 60_000) fail(`invalid --bulk-task-ms ${values['bulk-task-ms']}`);

if (values.fresh) deleteState(dataDir);
const sandbox = createSandbox({ token, dataDir, webhookSecret, bulkTaskMs });

class BodyTooLarge extends Error {}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buf.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

function toRequest(req: http.IncomingMessage, body: Buffer | null): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? `${host}:${port}`}`);
  return new Request(url, { method: req.method ?? 'GET', headers, body: body && body.length > 0 ? new Uint8Array(body) : null });
}

async function writeResponse(response: Response, res: http.ServerResponse): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  if (!response.body) {
    res.writeHead(response.status, { ...headers, 'content-length': '0' });
    res.end();
    return;
  }
  res.writeHead(response.status, headers);
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    // Respect back-pressure instead of buffering a whole body in the socket.
    if (!res.write(value)) await new Promise<void>((resolve) => res.once('drain', resolve));
  }
  res.end();
}

const server = http.createServer((req, res) => {
  void (async () => {
    try {
      const method = req.method ?? 'GET';
      const body = method === 'GET' || method === 'HEAD' ? null : await readBody(req);
      const response = await sandbox.handle(toRequest(req, body));
      await writeResponse(response, res);
    } catch (error) {
      const tooLarge = error instanceof BodyTooLarge;
      if (!tooLarge) console.error('sandbox: request failed', error);
      if (!res.headersSent) {
        const status = tooLarge ? 413 : 500;
        res.writeHead(status, { 'content-type': 'application/vnd.api+json' });
        res.end(
          JSON.stringify({
            errors: [
              tooLarge
                ? { title: 'Payload Too Large', detail: 'Request body exceeds 1 MB', code: '413', status: 'payload_too_large' }
                : { title: 'Internal Server Error', detail: 'Unexpected sandbox error', code: '500', status: 'internal_server_error' },
            ],
          }),
        );
      } else {
        res.destroy();
      }
    }
  })();
});

server.on('error', (error) => fail(error.message));

server.listen(port, host, () => {
  const address = server.address();
  const actualPort = address && typeof address === 'object' ? address.port : port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  console.log(`Livestorm sandbox listening on http://${shownHost}:${actualPort}/v1 (token: ${token})`);
});

function shutdown(): void {
  sandbox.flush();
  server.close(() => process.exit(0));
  server.closeAllConnections();
  // Do not hang on a stuck socket.
  setTimeout(() => process.exit(0), 2000).unref();
}

process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
