// CORS, proven in a real browser (issue 17 §1).
//
// Serves page.html from two origins on 127.0.0.1: an allowed one (5173) and
// one the stack does not allow (5199). Headless Chromium opens the page from
// each; the page calls members-service and events-service with plain fetch.
// This script asserts what the page saw, then checks the effects server-side
// with node's fetch (no Origin header) and the staff token.
//
// Environment: STAFF_TOKEN (required here; ./run reads it from
// .local/tokens/staff.jwt), MEMBERS_URL, EVENTS_URL, BROWSER_CHECK_PORT,
// BROWSER_CHECK_DISALLOWED_PORT, CHROMIUM (default /usr/bin/chromium).
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const members = (process.env.MEMBERS_URL || 'http://127.0.0.1:8081').replace(/\/$/, '');
const events = (process.env.EVENTS_URL || 'http://127.0.0.1:8082').replace(/\/$/, '');
const allowedPort = Number(process.env.BROWSER_CHECK_PORT || 5173);
const disallowedPort = Number(process.env.BROWSER_CHECK_DISALLOWED_PORT || 5199);
const token = (process.env.STAFF_TOKEN || '').trim();
const outDir = path.join(here, 'out');

if (!token) {
  console.error('browser check: STAFF_TOKEN is empty');
  process.exit(2);
}

const files = {
  '/': ['page.html', 'text/html; charset=utf-8'],
  '/page.html': ['page.html', 'text/html; charset=utf-8'],
  '/page.js': ['page.js', 'text/javascript; charset=utf-8'],
};

function serve(port) {
  const server = http.createServer(async (req, res) => {
    const file = files[new URL(req.url, 'http://x').pathname];
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': file[1], 'Cache-Control': 'no-store' });
    res.end(await fs.readFile(path.join(here, file[0])));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

const pages = []; // kept open for a screenshot into out/ when something failed
let passed = 0;
let failed = 0;
function check(name, ok, detail) {
  if (ok) passed++; else failed++;
  console.log(`${ok ? 'ok     ' : 'FAILED '} ${name}${detail === undefined ? '' : ' -- ' + detail}`);
}

async function openPage(browser, port, label) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const consoleLines = [];
  page.on('console', (m) => consoleLines.push(m.text()));
  const fragment = new URLSearchParams({ members, events, token }).toString();
  await page.goto(`http://127.0.0.1:${port}/page.html#${fragment}`);
  let result;
  try {
    await page.waitForFunction(() => document.title === 'done', null, { timeout: 60000 });
    result = JSON.parse(await page.textContent('#result'));
  } catch (e) {
    result = { error: 'page did not finish: ' + e.message.split('\n')[0] };
  }
  pages.push({ page, label });
  return { result, consoleLines };
}

async function serverGet(url) {
  const response = await fetch(url, { headers: { Authorization: 'Bearer ' + token }, signal: AbortSignal.timeout(15000) });
  const text = await response.text();
  let body;
  try { body = JSON.parse(text); } catch { body = text; }
  return { status: response.status, body };
}

// Both services must answer before a browser is worth starting.
for (const [name, url] of [['members-service', `${members}/api/v1/companies?size=1`], ['events-service', `${events}/api/v1/meetings?size=1`]]) {
  const status = await serverGet(url).then((r) => r.status, (e) => e.cause?.code || e.message);
  if (status !== 200) {
    const hint = status === 401 || status === 403 ? 'is STAFF_TOKEN a staff token of this stack?' : 'is the local stack up (deploy/local/run)?';
    console.error(`browser check: ${name} does not answer GET ${url} with 200 (${status}); ${hint}`);
    process.exit(2);
  }
}

const started = Date.now();
const servers = [await serve(allowedPort), await serve(disallowedPort)];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

try {
  // --- allowed origin ---------------------------------------------------
  const origin = `http://127.0.0.1:${allowedPort}`;
  const { result: r } = await openPage(browser, allowedPort, 'allowed');
  const s = r.steps || {};
  console.log(`page from ${origin} (allowed)${r.error ? ': ' + r.error : ''}`);
  check('GET /api/v1/companies?size=5 with Authorization -> 200 with items',
    s.list?.status === 200 && s.list.count > 0, s.list && `status ${s.list.status}, ${s.list.count} items`);
  check('GET /api/v1/companies/{id} -> 200, ETag readable',
    s.get?.status === 200 && !!s.get.etag, s.get && `status ${s.get.status}, ETag ${s.get.etag}`);
  check('POST /api/v1/companies with Idempotency-Key -> 201, Location readable',
    s.create?.status === 201 && !!s.create.location, s.create && `status ${s.create.status}, Location ${s.create.location}`);
  check('same POST, same key -> 201, Idempotent-Replayed readable, same Location',
    s.replay?.status === 201 && s.replay.replayed === 'true' && s.replay.location === s.create?.location,
    s.replay && `status ${s.replay.status}, Idempotent-Replayed ${s.replay.replayed}`);
  check('GET Location -> 200, the new company, ETag readable',
    s.follow?.status === 200 && s.follow.organisationNumber === s.create?.organisationNumber && !!s.follow.etag,
    s.follow && `status ${s.follow.status}, ${s.follow.organisationNumber}, ETag ${s.follow.etag}`);
  check('PUT with If-Match -> 200, changed website in the body, new ETag',
    s.update?.status === 200 && s.update.website === s.update.sent && !!s.update.etag && s.update.etag !== s.follow?.etag,
    s.update && `status ${s.update.status}, website ${s.update.website}, ETag ${s.follow?.etag} -> ${s.update.etag}`);
  check('PUT with the old ETag -> 412, problem body readable',
    s.stale?.status === 412 && typeof s.stale.type === 'string' && s.stale.type.endsWith('stale-version'),
    s.stale && `status ${s.stale.status}, ${s.stale.type}`);
  check('GET /api/v1/meetings anonymously -> 200, an open public meeting found',
    s.meetings?.status === 200 && !!s.meetings.chosen, s.meetings && `status ${s.meetings.status}, ${s.meetings.count} meetings, chosen ${s.meetings.chosen}`);
  check('POST /api/v1/meetings/{id}/registrations anonymously -> 201, CONFIRMED or WAITLISTED',
    [200, 201].includes(s.register?.status) && ['CONFIRMED', 'WAITLISTED'].includes(s.register.registrationStatus),
    s.register && `status ${s.register.status}, ${s.register.registrationStatus}`);
  check('POST /api/v1/registrations/{id}/cancel?token=<from the link> -> 200, CANCELLED',
    s.cancel?.status === 200 && s.cancel.registrationStatus === 'CANCELLED',
    s.cancel && (s.cancel.hasToken ? `status ${s.cancel.status}, ${s.cancel.registrationStatus}` : 'no token in cancellationLink'));

  // --- disallowed origin ------------------------------------------------
  const other = `http://127.0.0.1:${disallowedPort}`;
  const { result: d, consoleLines } = await openPage(browser, disallowedPort, 'disallowed');
  console.log(`page from ${other} (not allowed)`);
  // Refused only counts when the very same request worked from the allowed origin.
  check('same GET /api/v1/companies from a disallowed origin -> refused by the browser (TypeError)',
    d.refused === true && !d.steps?.list && s.list?.status === 200,
    (d.error || JSON.stringify(d.steps)) + (s.list?.status === 200 ? '' : '; but it failed from the allowed origin too'));
  const corsLine = consoleLines.find((l) => l.includes('blocked by CORS policy'));
  check('Chromium names CORS as the reason', !!corsLine, corsLine && corsLine.slice(0, 260));

  // --- server side, no Origin -------------------------------------------
  console.log('server side (node fetch, no Origin, staff token)');
  if (s.create?.id) {
    const c = await serverGet(`${members}/api/v1/companies/${s.create.id}`);
    check('created company exists with the updated website',
      c.status === 200 && c.body.organisationNumber === s.create.organisationNumber && c.body.website === s.update?.sent,
      `status ${c.status}, ${c.body.organisationNumber}, website ${c.body.website}`);
  } else {
    check('created company exists with the updated website', false, 'no company was created');
  }
  if (s.register?.id) {
    const g = await serverGet(`${events}/api/v1/registrations/${s.register.id}`);
    check('registration exists for the meeting, now CANCELLED',
      g.status === 200 && g.body.meetingId === s.register.meetingId && g.body.status === 'CANCELLED',
      `status ${g.status}, ${g.body.status}`);
  } else {
    check('registration exists for the meeting, now CANCELLED', false, 'no registration was made');
  }
} finally {
  if (failed > 0 || process.env.BROWSER_CHECK_SCREENSHOTS) {
    await fs.mkdir(outDir, { recursive: true });
    for (const { page, label } of pages) {
      const file = path.join(outDir, `${label}.png`);
      await page.screenshot({ path: file, fullPage: true }).then(() => console.log(`screenshot: ${file}`), () => {});
    }
  }
  await browser.close();
  servers.forEach((server) => server.close());
}

const total = passed + failed;
console.log(`browser check: ${passed} of ${total} passed (${((Date.now() - started) / 1000).toFixed(1)} s)`);
process.exit(failed === 0 ? 0 : 1);
