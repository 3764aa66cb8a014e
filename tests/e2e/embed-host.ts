// A marketer's page on another origin, served over real HTTP for the embed tests.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HostPage {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves `body` (HTML inside <body>) at every path of `origin` (http://127.0.0.1:PORT). The page
 * records every message it receives in `window.hostMessages` and every loader callback in
 * `window.hostCallbacks` (the `data-on-event="hostCallback"` option), and the loader's bubbling
 * `livestorm-events:registered` DOM events in `window.hostDomEvents`.
 */
export async function serveHostPage(origin: string, body: (url: URL) => string): Promise<HostPage> {
  const { hostname, port } = new URL(origin);
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', origin);
    if (url.pathname === '/favicon.ico') {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Marketer's page</title>
<script>
  window.hostMessages = [];
  window.hostCallbacks = [];
  window.hostCallback = function (message) { window.hostCallbacks.push(message); };
  window.hostDomEvents = [];
  window.addEventListener('message', function (event) { window.hostMessages.push({ origin: event.origin, data: event.data }); });
  document.addEventListener('livestorm-events:registered', function (event) { window.hostDomEvents.push(event.detail); });
</script></head>
<body style="margin:0;font-family:sans-serif"><h1>Our product launch</h1>${body(url)}</body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(Number(port), hostname, resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://${hostname}:${address.port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
