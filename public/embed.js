/* livestorm-events embed loader. Options and message contract: README, "Embedding on your site". */
(function () {
  'use strict';
  if (window.LivestormEvents && window.LivestormEvents.scan) return; // included twice: first copy works

  const script = document.currentScript || document.querySelector('script[src*="/embed.js"]');
  if (!script) return;
  const origin = new URL(script.src).origin;
  const base = new URL('.', script.src).href + 'embed/events'; // keeps a path prefix

  // Per kind: own data-* parameters, default title, path after /embed/events/<slug>.
  const KINDS = {
    list: { own: ['q', 'lang', 'from', 'to', 'limit'], title: 'Upcoming webinars' },
    event: { own: [], title: 'Webinar', path: '' },
    form: { own: ['session'], title: 'Webinar registration', path: '/register' },
  };
  // All that leaves the host page: origin, path, utm_* and ad click ids (as in lib/embed/options.ts).
  const UTM = 'source medium campaign term content'.split(' ').map((name) => 'utm_' + name);
  const CLICK_IDS = 'gclid gbraid wbraid dclid fbclid msclkid li_fat_id ttclid twclid yclid'.split(' ');
  const MOUNTED = 'data-livestorm-events-mounted';
  const warned = new WeakSet();
  let mounts = []; // { frame, el }
  let count = 0;

  const copy = (get, to, names) => names.forEach((name) => get(name) && to.set(name, get(name)));

  function mount(el) {
    const data = el.dataset;
    const kind = KINDS.hasOwnProperty(data.livestormEvents) && KINDS[data.livestormEvents];
    const problem = !kind ? 'unknown kind' : kind !== KINDS.list && !data.event ? 'missing data-event' : '';
    if (problem) {
      if (!warned.has(el)) console.warn('[livestorm-events] ' + problem, el);
      return warned.add(el);
    }

    const params = new URLSearchParams();
    copy((name) => data[name], params, kind.own);
    if (data.theme) params.set('theme', data.theme);
    if (data.accent) params.set('accent', data.accent.replace(/^#/, ''));
    if (data.locale) params.set('locale', data.locale);
    const id = /^[\w-]{1,64}$/.test(data.embedId || '') ? data.embedId : 'livestorm-events-' + ++count;
    params.set('embed_id', id);
    params.set('host', location.origin);
    const query = new URLSearchParams(location.search);
    const get = query.get.bind(query);
    const clicks = new URLSearchParams();
    copy(get, params, UTM);
    copy(get, clicks, CLICK_IDS);
    params.set('ref', location.origin + location.pathname + (clicks.toString() ? '?' + clicks : ''));

    const frame = document.createElement('iframe');
    frame.loading = 'lazy';
    frame.title = data.title || kind.title;
    frame.style.cssText = 'width:100%;border:0;display:block;height:480px';
    frame.src = base + (kind === KINDS.list ? '' : '/' + encodeURIComponent(data.event) + kind.path) + '?' + params;
    el.setAttribute(MOUNTED, id);
    el.appendChild(frame);
    mounts.push({ frame, el });
  }

  function scan(root) {
    root = root || document;
    mounts = mounts.filter((m) => m.frame.isConnected); // forget containers a SPA removed
    const selector = '[data-livestorm-events]:not([' + MOUNTED + '])';
    if (root.matches && root.matches(selector)) mount(root);
    if (root.querySelectorAll) root.querySelectorAll(selector).forEach(mount);
  }

  addEventListener('message', (event) => {
    const msg = event.data;
    if (event.origin !== origin || !msg || msg.source !== 'livestorm-events' || msg.version !== 1) return;
    const m = mounts.find((candidate) => candidate.frame.contentWindow === event.source);
    if (!m || typeof msg.type !== 'string' || !/^[a-z-]{1,40}$/.test(msg.type)) return;
    const data = m.el.dataset;

    if (msg.type === 'resize' && typeof msg.height === 'number' && isFinite(msg.height)) {
      m.frame.style.height = Math.min(20000, Math.max(60, Math.ceil(msg.height))) + 'px';
    }
    if (msg.type === 'ready' && !data.title && typeof msg.title === 'string' && msg.title) m.frame.title = msg.title;
    // Looked up each time: the host may define its callback after this script ran.
    const callback = data.onEvent && window[data.onEvent];
    if (typeof callback === 'function') {
      try {
        callback.call(m.el, msg);
      } catch (error) {
        console.error('[livestorm-events] data-on-event', error);
      }
    }
    m.el.dispatchEvent(new CustomEvent('livestorm-events:' + msg.type, { bubbles: true, detail: msg }));
  });

  window.LivestormEvents = { version: 1, scan };
  scan();
  // Containers rendered later (React, Vue, SPA navigations) mount as they appear.
  new MutationObserver(() => scan()).observe(document.documentElement, { childList: true, subtree: true });
})();
