// The retry advice followed by `deliver` against an emulator told to misbehave, with fetch: no
// message is lost and none is sent twice.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import * as smsc from 'smsc-core';
import { startEmulator } from './emulator.js';

let emulator;
before(async () => { emulator = await startEmulator(); });
after(() => emulator?.stop());
beforeEach(() => fetch(`${emulator.baseUrl}/emulator/reset`, { method: 'POST' }).then((r) => r.text()));

// Tiny delays keep the suite fast; the advice scales them as it would the defaults.
const retry = { baseDelayMs: 1, rateLimitDelayMs: 2 };
const client = () => new smsc.Client({ login: 'demo', password: 'demo-password', baseUrl: emulator.baseUrl, retry });

async function fault(fields) {
  const res = await fetch(`${emulator.baseUrl}/emulator/faults`, { method: 'POST', body: new URLSearchParams(fields) });
  assert.equal(await res.text(), 'OK');
}

async function sentWithId(id) {
  const { messages } = await (await fetch(`${emulator.baseUrl}/emulator/messages`)).json();
  return messages.filter((m) => m.id === id).reduce((n, m) => n + m.sends, 0);
}

/** The delivery's clock and timers replaced (no real waiting), and its attempts recorded. */
function recorder() {
  const rec = { t: 0, waits: [], attempts: [] };
  rec.now = () => rec.t;
  rec.sleep = async (ms) => { rec.waits.push(ms); rec.t += ms; };
  rec.onAttempt = (a) => {
    assert.ok(!a.request.includes('demo-password'), a.request);
    rec.attempts.push([a.purpose, a.number]);
  };
  return rec;
}

/** Delivers `request` with the library's reliable send; the outcome and what it did. */
async function follow(request, options = {}) {
  const rec = recorder();
  try {
    const result = await smsc.deliver(request, { now: rec.now, sleep: rec.sleep, onAttempt: rec.onAttempt, ...options });
    return { how: 'done', result, rec };
  } catch (err) {
    return { how: 'gave_up', err, rec };
  }
}

const CHECKED = [['request', 1], ['status_check', 1]];
const CHECKED_AND_SENT = [['request', 1], ['status_check', 1], ['request', 2]];

test('a send whose answer was lost is found by its id and not sent again', async () => {
  const c = client();
  await fault({ fault: 'lost', script: 'send.php' });
  const { how, result, rec } = await follow(c.sendSms({ phones: '79991234567', message: 'shipped', id: 'order-1' }));
  assert.equal(how, 'done');
  // The result is the send as status.php reports it.
  assert.deepEqual([result.id, result.sms_count], ['order-1', 1]);
  assert.deepEqual(rec.attempts, CHECKED);
  assert.equal(await sentWithId('order-1'), 1);
});

test('a lost answer reaches the caller as a TransportError that says the connection closed', async () => {
  const c = client();
  await fault({ fault: 'lost', script: 'balance.php' });
  const request = c.balance();
  const err = await smsc.send(request).catch((e) => e);
  assert.ok(err instanceof smsc.TransportError, String(err));
  assert.equal(err.transport, 'closed');
  assert.equal(request.advice(err).action, 'retry');
});

test('a send that never arrived is sent once after the status check', async () => {
  const c = client();
  await fault({ fault: 'drop', script: 'send.php' });
  const { how, result, rec } = await follow(c.sendSms({ phones: '79991234567', message: 'hi', id: 'order-2' }));
  assert.equal(how, 'done');
  assert.equal(result.id, 'order-2');
  assert.deepEqual(rec.attempts, CHECKED_AND_SENT);
  assert.equal(await sentWithId('order-2'), 1);
});

for (const [kind, carriedOut] of [['truncate', true], ['garble', true], ['html', false]]) {
  test(`an unreadable answer to a send (${kind}) is checked by its id`, async () => {
    const c = client();
    await fault({ fault: kind, script: 'send.php' });
    const { how, rec } = await follow(c.sendSms({ phones: '79991234567', message: 'hi', id: 'order-3' }));
    // A proxy's page means the server never saw the send: the check finds nothing, so it goes.
    assert.equal(how, 'done');
    assert.deepEqual(rec.attempts, carriedOut ? CHECKED : CHECKED_AND_SENT);
    assert.equal(await sentWithId('order-3'), 1);
  });
}

test('a send without an id is never repeated', async () => {
  const c = client();
  await fault({ fault: 'lost', script: 'send.php' });
  const { how, err, rec } = await follow(c.sendSms({ phones: '79991234567', message: 'hi' }));
  assert.equal(how, 'gave_up');
  assert.ok(err instanceof smsc.TransportError, String(err));
  assert.equal(err.transport, 'closed');
  assert.ok(err.cause, 'the error fetch threw is kept as the cause');
  assert.equal(err.advice.action, 'check_by_hand');
  assert.equal(err.advice.retry, false);
  assert.deepEqual(rec.attempts, [['request', 1]]);
  assert.equal(await sentWithId('1'), 1);
});

test('a balance read through server errors is retried until it succeeds', async () => {
  const c = client();
  await fault({ fault: 'http', status: '503', count: '2', script: 'balance.php' });
  await fault({ fault: 'drop', script: 'balance.php' });
  const { how, result, rec } = await follow(c.balance());
  assert.equal(how, 'done');
  assert.equal(result.balance, '1000.00');
  assert.deepEqual(rec.waits, [1, 2, 4]);
  assert.equal(rec.attempts.length, 4);
});

test('an SMSC error ends the delivery with that error and its advice', async () => {
  const c = new smsc.Client({ login: 'demo', password: 'wrong', baseUrl: emulator.baseUrl, retry });
  const { how, err, rec } = await follow(c.balance());
  assert.equal(how, 'gave_up');
  assert.ok(err instanceof smsc.AuthError, String(err));
  assert.equal(err.advice.action, 'stop');
  assert.equal(rec.attempts.length, 1);
});

test('the deadline ends a delivery that would wait past it', async () => {
  const c = new smsc.Client({ login: 'demo', password: 'demo-password', baseUrl: emulator.baseUrl, retry: { baseDelayMs: 1000 } });
  await fault({ fault: 'http', status: '503', count: '5', script: 'balance.php' });
  const { how, err, rec } = await follow(c.balance(), { deadlineMs: 2500 });
  assert.equal(how, 'gave_up');
  assert.ok(err instanceof smsc.HttpError, String(err));
  assert.match(err.advice.reason, /deadline/);
  assert.deepEqual(rec.waits, [1000]);
});

test('a slow answer is abandoned after timeoutMs and a read is repeated', async () => {
  const c = client();
  await fault({ fault: 'delay', ms: '2000', script: 'balance.php' });
  const { how, result, rec } = await follow(c.balance(), { timeoutMs: 300 });
  assert.equal(how, 'done');
  assert.equal(result.balance, '1000.00');
  assert.deepEqual(rec.attempts, [['request', 1], ['request', 2]]);
});

test('an error that is no transport failure, and the caller\'s abort, end the delivery as they are', async () => {
  const c = client();
  const bug = new RangeError('a bug in the fetch wrapper');
  const err = await smsc.deliver(c.balance(), { fetch: async () => { throw bug; } }).catch((e) => e);
  assert.equal(err, bug);
  const controller = new AbortController();
  controller.abort(new Error('user left'));
  const aborted = await smsc.deliver(c.balance(), { signal: controller.signal }).catch((e) => e);
  assert.equal(aborted.message, 'user left');
  await assert.rejects(smsc.deliver(c.balance(), { maxAttempts: 0 }), smsc.InvalidArgumentError);
});

test('the history is walked page by page to its end', async () => {
  const c = client();
  for (let n = 0; n < 5; n += 1) await smsc.deliver(c.sendSms({ phones: '79991234567', message: 'hi', id: `page-${n}` }));
  const ids = [];
  for await (const page of smsc.pages(c.history({ cnt: 2 }))) ids.push(page.messages.map((m) => m.id));
  // Newest first, two to a page; the short third page is the last.
  assert.deepEqual(ids, [['page-4', 'page-3'], ['page-2', 'page-1'], ['page-0']]);
});

test('a named host moves to its backup from the third attempt; errors of other libraries are read', () => {
  const request = new smsc.Client({ login: 'demo', password: 'pw', host: 'smsc.kz', retry }).balance();
  const refused = new TypeError('fetch failed', { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) });
  assert.deepEqual([1, 2].map((n) => request.advice(refused, n).host), ['smsc.kz', 'www2.smsc.kz']);
  assert.match(request.advice(refused).reason, /refused/);
  assert.equal(request.at('https://www2.smsc.kz').url, 'https://www2.smsc.kz/sys/balance.php');
  const auth = new smsc.AuthError('no', { kind: 'api', code: 2, reason: 'auth' });
  assert.equal(request.advice(auth).action, 'stop');
  assert.throws(() => request.advice('nonsense'), smsc.InvalidArgumentError);
});

/** A local port nothing listens on. */
async function closedPort() {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function rejection(promise) {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  assert.fail('expected a rejection');
}

test('failures of fetch are read as what they are: a refusal, a timeout, a closed connection', async () => {
  const request = client().balance();
  const reason = (err) => request.advice(err).reason;
  const refused = await rejection(fetch(`http://127.0.0.1:${await closedPort()}/sys/balance.php`));
  assert.match(reason(refused), /\(transport: refused\)/, String(refused.cause ?? refused));
  await fault({ fault: 'delay', ms: '2000', script: 'balance.php' });
  const slow = await rejection(fetch(`${emulator.baseUrl}/sys/balance.php`, { signal: AbortSignal.timeout(100) }));
  assert.match(reason(slow), /\(transport: timeout\)/, String(slow));
  await fetch(`${emulator.baseUrl}/emulator/reset`, { method: 'POST' }).then((r) => r.text());
  await fault({ fault: 'drop', script: 'balance.php' });
  const dropped = await rejection(fetch(`${emulator.baseUrl}/sys/balance.php`, { method: 'POST', body: request.body, headers: request.headers }));
  assert.match(reason(dropped), /\(transport: (closed|reset)\)/, String(dropped.cause ?? dropped));
  // The same through send(), which names the failure on its TransportError.
  const sent = await rejection(smsc.send(client().prepare('balance').at(`http://127.0.0.1:${await closedPort()}`)));
  assert.ok(sent instanceof smsc.TransportError);
  assert.equal(sent.transport, 'refused');
});

test('errors as browsers and runtimes word them are read too', () => {
  const request = client().balance();
  const reason = (err) => request.advice(err).reason;
  for (const [err, transport] of [
    [new TypeError('Failed to fetch'), 'other'],
    [new TypeError('NetworkError when attempting to fetch resource.'), 'other'],
    [new TypeError('Load failed'), 'other'],
    [new DOMException('signal timed out', 'TimeoutError'), 'timeout'],
    [new DOMException('aborted', 'AbortError'), 'timeout'],
    [new TypeError('fetch failed', { cause: Object.assign(new Error('reset'), { code: 'ECONNRESET' }) }), 'reset'],
    [new TypeError('fetch failed', { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) }), 'closed'],
  ]) {
    assert.match(reason(err), new RegExp(`\\(transport: ${transport}\\)`), String(err));
  }
});

test('an error that is not a transport failure is refused, never advised as a resend', () => {
  const request = client().sendSms({ phones: '79991234567', message: 'hi', id: 'a1' });
  for (const err of [new Error('bug'), new RangeError('bug'), new TypeError('x is not a function'), new SyntaxError('bug')]) {
    assert.throws(() => request.advice(err), (thrown) => thrown instanceof smsc.InvalidArgumentError && /not a transport failure/.test(thrown.message), String(err));
  }
});
