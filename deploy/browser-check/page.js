// The frontend side of the CORS browser check: plain browser fetch, as a
// frontend app would call the APIs from its own origin. Everything it
// observes goes into `result`, written as JSON into <pre id="result">, and
// the title becomes "done" (the checker waits for that).
'use strict';

(async () => {
  const params = new URLSearchParams(location.hash.slice(1));
  const members = params.get('members') || 'http://127.0.0.1:8081';
  const events = params.get('events') || 'http://127.0.0.1:8082';
  const token = params.get('token') || '';
  const auth = { Authorization: 'Bearer ' + token };
  const result = { origin: location.origin, steps: {} };
  const steps = result.steps;
  const logEl = document.getElementById('log');
  document.getElementById('origin').textContent = location.origin;
  const log = (line) => { logEl.textContent += line + '\n'; };

  const call = (url, init = {}) => fetch(url, { ...init, signal: AbortSignal.timeout(15000) });
  const json = async (response) => {
    const text = await response.text();
    try { return JSON.parse(text); } catch { return text; }
  };

  try {
    // (1) List companies with the staff token. From an origin the API does
    // not allow, this is where the browser refuses (preflight rejected).
    let response;
    try {
      response = await call(members + '/api/v1/companies?size=5', { headers: auth });
    } catch (e) {
      result.refused = e instanceof TypeError;
      result.error = e.name + ': ' + e.message;
      log('list companies: fetch failed (' + result.error + '): CORS refused, or the service is unreachable');
      return;
    }
    result.refused = false;
    let body = await json(response);
    steps.list = { status: response.status, count: Array.isArray(body.items) ? body.items.length : null };
    log('list companies: ' + response.status + ', ' + steps.list.count + ' items');
    const first = body.items && body.items[0];

    // (2) Read one company: its ETag must be readable (exposed header).
    if (first) {
      response = await call(members + '/api/v1/companies/' + first.id, { headers: auth });
      body = await json(response);
      steps.get = { status: response.status, id: first.id, etag: response.headers.get('ETag') };
      log('get company: ' + response.status + ', ETag ' + steps.get.etag);
    }

    // (3) Register a company with an Idempotency-Key: 201 and a readable
    // Location; the same request again is the kept answer (Idempotent-Replayed).
    const organisationNumber = randomOrganisationNumber();
    const idempotencyKey = crypto.randomUUID();
    const suffix = organisationNumber.replace('-', '');
    const create = {
      organisationNumber,
      name: 'Browser Check ' + suffix + ' AB',
      municipalityCode: '1082',
      sni: { primary: '25.110' },
      numberOfEmployees: 7,
      website: 'https://browser-check-' + suffix + '.example.se',
      postalAddress: { street: 'Testgatan 1', postalCode: '374 35', city: 'Karlshamn' },
    };
    const createInit = {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
      body: JSON.stringify(create),
    };
    response = await call(members + '/api/v1/companies', createInit);
    body = await json(response);
    steps.create = {
      status: response.status, organisationNumber, idempotencyKey,
      location: response.headers.get('Location'), id: body && body.id,
    };
    log('create company: ' + response.status + ', Location ' + steps.create.location);

    response = await call(members + '/api/v1/companies', createInit);
    await json(response);
    steps.replay = {
      status: response.status,
      replayed: response.headers.get('Idempotent-Replayed'),
      location: response.headers.get('Location'),
    };
    log('create again, same key: ' + response.status + ', Idempotent-Replayed ' + steps.replay.replayed);

    if (steps.create.location) {
      const url = new URL(steps.create.location, members).href;
      response = await call(url, { headers: auth });
      body = await json(response);
      steps.follow = {
        status: response.status, url, etag: response.headers.get('ETag'),
        organisationNumber: body && body.organisationNumber, id: body && body.id,
      };
      log('get Location: ' + response.status + ', ETag ' + steps.follow.etag);

      // (4) Update it with If-Match: the whole profile, one field changed.
      const update = {
        name: body.name, municipalityCode: body.municipalityCode, sni: body.sni,
        numberOfEmployees: body.numberOfEmployees, postalAddress: body.postalAddress,
        website: 'https://updated-' + crypto.randomUUID().slice(0, 8) + '.example.se',
      };
      response = await call(url, {
        method: 'PUT',
        headers: { ...auth, 'Content-Type': 'application/json', 'If-Match': steps.follow.etag },
        body: JSON.stringify(update),
      });
      body = await json(response);
      steps.update = {
        status: response.status, sent: update.website, website: body && body.website,
        etag: response.headers.get('ETag'),
      };
      log('update company: ' + response.status + ', website ' + steps.update.website + ', ETag ' + steps.update.etag);

      // The old ETag again: 412, and the problem body is readable cross-origin.
      response = await call(url, {
        method: 'PUT',
        headers: { ...auth, 'Content-Type': 'application/json', 'If-Match': steps.follow.etag },
        body: JSON.stringify({ ...update, numberOfEmployees: 8 }),
      });
      body = await json(response);
      steps.stale = { status: response.status, type: body && body.type };
      log('update with the old ETag: ' + response.status + ', ' + steps.stale.type);
    }

    // (5) Register anonymously for an open public meeting, most seats left first.
    response = await call(events + '/api/v1/meetings?size=100');
    body = await json(response);
    const items = Array.isArray(body.items) ? body.items : [];
    const open = items.filter((m) => m.registrationOpen && m.audience === 'PUBLIC'
      && !m.approvalRequired && m.status === 'PUBLISHED');
    open.sort((a, b) => (b.seatsLeft || 0) - (a.seatsLeft || 0));
    const meeting = open[0];
    steps.meetings = { status: response.status, count: items.length, chosen: meeting ? meeting.id : null };
    log('list meetings: ' + response.status + ', ' + items.length + ' meetings, chosen ' + steps.meetings.chosen);
    if (meeting) {
      const email = 'browser-check-' + crypto.randomUUID() + '@example.se';
      response = await call(events + '/api/v1/meetings/' + meeting.id + '/registrations', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Accept-Language': 'sv' },
        body: JSON.stringify({ attendee: { name: 'Browser Check', email, language: 'sv' } }),
      });
      body = await json(response);
      steps.register = {
        status: response.status, email, meetingId: meeting.id,
        registrationStatus: body && body.status, id: body && body.id,
        location: response.headers.get('Location'),
      };
      log('register: ' + response.status + ', ' + steps.register.registrationStatus);

      // (6) Cancel it as the attendee would, with the token of the secret
      // cancellation link (gives the seat back, so reruns never fill meetings).
      const link = body && body.cancellationLink;
      const cancelToken = link ? new URL(link, location.href).searchParams.get('token') : null;
      steps.cancel = { hasToken: !!cancelToken };
      if (cancelToken && body.id) {
        response = await call(events + '/api/v1/registrations/' + body.id + '/cancel?token='
          + encodeURIComponent(cancelToken), { method: 'POST' });
        const cancelled = await json(response);
        steps.cancel.status = response.status;
        steps.cancel.registrationStatus = cancelled && cancelled.status;
        log('cancel with the link token: ' + response.status + ', ' + steps.cancel.registrationStatus);
      }
    }
  } catch (e) {
    result.error = e.name + ': ' + e.message;
    log('error: ' + result.error);
  } finally {
    document.getElementById('result').textContent = JSON.stringify(result, null, 2);
    document.title = 'done';
  }
})();

// A random valid Swedish organisationsnummer of a limited company (55xxxx):
// third digit at least 2, last digit the Luhn check digit.
function randomOrganisationNumber() {
  const digits = [5, 5, 2 + Math.floor(Math.random() * 8)];
  while (digits.length < 9) digits.push(Math.floor(Math.random() * 10));
  let sum = 0;
  digits.forEach((d, i) => {
    const v = i % 2 === 0 ? d * 2 : d;
    sum += v > 9 ? v - 9 : v;
  });
  digits.push((10 - (sum % 10)) % 10);
  const s = digits.join('');
  return s.slice(0, 6) + '-' + s.slice(6);
}
