// What is specific to JavaScript: classes, rendering without secrets, JS types, fetch shape.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import * as smsc from 'smsc-core';

const client = new smsc.Client({ login: 'demo', password: 'top-secret-pw' });

test('typed methods build the same request as the generic one', () => {
  const typed = client.sendSms({ phones: ['79991234567'], message: 'Hi', cost: 3 });
  const generic = client.prepare('send_sms', { phones: ['79991234567'], message: 'Hi', cost: 3 });
  assert.equal(typed.body, generic.body);
  assert.equal(typed.operation, 'send_sms');
  assert.ok(smsc.OPERATIONS.includes('status'));
});

test('no rendering of a request or client shows the password', () => {
  const req = client.balance();
  for (const shown of [String(req), JSON.stringify(req), inspect(req), inspect({ req }), `${client}`, inspect(client)]) {
    assert.ok(!shown.includes('top-secret-pw'), shown);
  }
  assert.ok(req.body.includes('psw=top-secret-pw'), 'the body itself still carries it for the server');
  const keyed = new smsc.Client({ apiKey: 'key-abcdef' });
  assert.ok(!inspect(keyed.balance()).includes('key-abcdef'));
});

test('wrong JS types are InvalidArgumentError naming the field', () => {
  const cases = [
    [{ phones: '79991234567', message: 42 }, 'message'],
    [{ phones: '79991234567', message: ['Hi'] }, 'message'],
    [{ phones: '79991234567', message: 'Hi', flash: 'yes' }, 'flash'],
    [{ phones: 79991234567, message: 'Hi' }, 'phones'],
  ];
  for (const [params, field] of cases) {
    assert.throws(() => client.sendSms(params), (err) => {
      assert.ok(err instanceof smsc.InvalidArgumentError, err.name);
      assert.equal(err.field, field);
      return true;
    });
  }
  assert.throws(() => client.sendSms(undefined), smsc.InvalidArgumentError);
  assert.throws(() => client.sendSms({ phones: '79991234567', message: 'Hi', maxsms: () => 1 }), smsc.InvalidArgumentError);
  assert.throws(() => new smsc.Client({ login: 'demo' }), smsc.InvalidArgumentError);
  assert.throws(() => new smsc.Client(null), smsc.InvalidArgumentError);
  assert.throws(() => client.balance().parse('200', '1.00'), smsc.InvalidArgumentError);
  assert.throws(() => client.balance().parse(200, 12), smsc.InvalidArgumentError);
});

test('errors are Error subclasses with kind and code', () => {
  const req = client.balance();
  assert.throws(() => req.parse(200, '{"error": "x", "error_code": 2}'), (err) => {
    assert.ok(err instanceof Error && err instanceof smsc.ApiError && err instanceof smsc.AuthError);
    assert.equal(err.name, 'AuthError');
    assert.equal(err.kind, 'api');
    assert.equal(err.code, 2);
    assert.ok(err.stack);
    return true;
  });
  assert.throws(() => req.parse(503, 'busy'), (err) => err instanceof smsc.HttpError && err.code === 503);
});

test('bodies may be strings, Uint8Arrays or ArrayBuffers', () => {
  const req = client.balance({ currency: true });
  const text = '{"balance": "12.30", "currency": "RUB"}';
  const bytes = new TextEncoder().encode(text);
  for (const body of [text, bytes, bytes.buffer]) {
    assert.deepEqual(req.parse(200, body), { balance: '12.30', currency: 'RUB' });
  }
});

test('a long answer given as a string reads as the same answer given as bytes', () => {
  // Long strings take another way into the module (the encoder writes them into its memory,
  // with room first for ASCII and then for the rest); Cyrillic, emoji and escapes must arrive
  // as they do in bytes.
  const message = 'Привет, мир 👋 "quoted" \\ back\nline '.repeat(40);
  const page = Array.from({ length: 30 }, (_, i) => ({ id: i + 1, phone: `7999123456${i % 10}`, status: 1, message }));
  const text = JSON.stringify(page);
  assert.ok(text.length > 2000);
  const req = client.history({ start: '01.03.2026' });
  const fromText = req.parse(200, text);
  assert.deepEqual(fromText, req.parse(200, new TextEncoder().encode(text)));
  assert.equal(fromText.messages.length, 30);
  assert.equal(fromText.messages[29].message, message);
});

test('send() calls fetch with the request as it is and parses the answer', async () => {
  let seen;
  const fakeFetch = async (url, init) => {
    seen = { url, init };
    return new Response('{"id": 9, "cnt": 1}', { status: 200 });
  };
  const result = await smsc.send(client.sendSms({ phones: '79991234567', message: 'Hi' }), { fetch: fakeFetch });
  assert.deepEqual(result, { id: '9', sms_count: 1 });
  assert.equal(seen.url, 'https://smsc.ru/sys/send.php');
  assert.equal(seen.init.method, 'POST');
  assert.equal(seen.init.headers['Content-Type'], 'application/x-www-form-urlencoded');
  assert.match(seen.init.body, /phones=79991234567&mes=Hi/);
  await assert.rejects(
    smsc.send(client.balance(), { fetch: async () => { throw new TypeError('fetch failed'); } }),
    (err) => err instanceof smsc.TransportError && err.kind === 'transport',
  );
});

test('fetch(req.url, req) accepts the request object itself', async () => {
  const req = client.balance();
  const native = new globalThis.Request(req.url, req);
  assert.equal(native.method, 'POST');
  assert.equal(await native.text(), req.body);
});

test('every core operation is a method and has declared types', async () => {
  const { readFile } = await import('node:fs/promises');
  const dts = await readFile(new URL('../src/operations.d.ts', import.meta.url), 'utf8');
  const declared = dts.slice(dts.indexOf('export interface Operations {'));
  for (const op of smsc.OPERATIONS) {
    const method = op.replace(/_([a-z])/g, (_, c) => c.toUpperCase());
    assert.equal(typeof client[method], 'function', `${method} missing`);
    // Empty parameters either prepare the operation or are refused by the core, never by JS.
    try {
      assert.equal(client[method]({}).operation, op);
    } catch (err) {
      assert.ok(err instanceof smsc.InvalidArgumentError, `${method}: ${err}`);
    }
    assert.match(declared, new RegExp(`\\b${op}:`), `${op} has no entry in Operations of operations.d.ts`);
  }
});

test('a panic inside the module is an InternalError, and the package goes on working', async () => {
  // panicForTests is internal: the entry points do not export it.
  const { panicForTests } = await import('../src/api.js');
  assert.equal(smsc.panicForTests, undefined);
  const made = client.balance();
  for (let i = 0; i < 20; i += 1) {
    assert.throws(() => panicForTests(), (err) => {
      assert.ok(err instanceof smsc.InternalError && err instanceof Error, err.name);
      assert.equal(err.kind, 'internal');
      assert.match(err.message, /deliberate panic from panicForTests/);
      return true;
    });
  }
  // The trapped instance was replaced: a client and a request made before still work, and so
  // do new ones.
  assert.equal(client.balance().body, made.body);
  assert.deepEqual(made.parse(200, '{"balance": "1.00"}'), { balance: '1.00' });
  assert.throws(() => made.parse(200, '{"error": "x", "error_code": 2}'), smsc.AuthError);
  assert.equal(new smsc.Client({ apiKey: 'k-123456' }).balance().operation, 'balance');
  assert.equal(client.baseUrl, 'https://smsc.ru');
});

const STATUS_ANSWER = '{"status": 1, "last_timestamp": 1773406250, "err": 0}';

test('a request the client no longer keeps is prepared again from its parameters: parse, advice, at and rendering', () => {
  const own = new smsc.Client({ login: 'demo', password: 'top-secret-pw' });
  const first = own.status({ id: 7, phone: '79990000001' });
  // Far more requests than the client keeps, all of other messages.
  for (let i = 0; i < 300; i += 1) own.status({ id: 100 + i, phone: '79990000002' });
  const [message] = first.parse(200, STATUS_ANSWER).messages;
  assert.equal(message.id, '7');
  assert.equal(message.phone, '79990000001');
  assert.match(String(first), /phone=79990000001/);
  assert.ok(!String(first).includes('top-secret-pw'));
  const moved = first.at('https://www2.smsc.ru');
  assert.equal(moved.url, 'https://www2.smsc.ru/sys/status.php');
  assert.equal(moved.body, first.body);
  const advice = first.advice(new smsc.TransportError('no answer', { kind: 'transport', transport: 'timeout' }));
  assert.equal(advice.action, 'retry');
  // An error answer still never repeats the password, though the request was prepared again.
  assert.throws(() => first.parse(500, 'proxy said: psw=top-secret-pw'), (err) => !err.message.includes('top-secret-pw'));
});

test('a request made before the instance was replaced reads its own answer, not that of a later request kept under the same number', async () => {
  const { panicForTests } = await import('../src/api.js');
  const own = new smsc.Client({ login: 'demo', password: 'top-secret-pw' });
  const before = own.status({ id: 7, phone: '79990000001' });
  assert.throws(() => panicForTests(), smsc.InternalError);
  // The new instance numbers its requests from the start again.
  const after = [];
  for (let i = 0; i < 5; i += 1) after.push(own.status({ id: 8, phone: '79990000002' }));
  assert.equal(before.parse(200, STATUS_ANSWER).messages[0].phone, '79990000001');
  assert.match(String(before), /phone=79990000001/);
  assert.equal(after[0].parse(200, STATUS_ANSWER).messages[0].phone, '79990000002');
});

test('require() gives a working package on every Node, the same module as import where Node can require ES modules', async () => {
  const { createRequire } = await import('node:module');
  const required = createRequire(import.meta.url)('smsc-core');
  const req = new required.Client({ login: 'demo', password: 'demo-password' }).balance();
  assert.deepEqual(req.parse(200, '{"balance": "1.00"}'), { balance: '1.00' });
  assert.throws(() => req.parse(200, '{"error": "x", "error_code": 2}'), required.AuthError);
  if (process.features.require_module) {
    assert.equal(required.Client, smsc.Client, 'the same module instance as the import');
  } else {
    // The CommonJS bundle: its own copy of the classes.
    assert.notEqual(required.Client, smsc.Client);
  }
  // The bundle itself, which older Node gets, works the same.
  const bundled = createRequire(import.meta.url)('../pkg/node-bundle.cjs');
  assert.deepEqual(new bundled.Client({ apiKey: 'k-123456' }).balance().parse(200, '{"balance": "2.50"}'), { balance: '2.50' });
});

test('Dates are written as the pages document: a time as its instant, a day as the local day', () => {
  const client = new smsc.Client({ login: 'demo', password: 'pw' });
  const send = client.sendSms({ phones: '79991234567', message: 'hi', time: new Date(Date.UTC(2026, 11, 2, 14, 0)) });
  assert.match(send.body, /time=01796220000/);
  const history = client.history({ start: new Date(2026, 2, 1), end: new Date(2026, 2, 31, 23, 59) });
  assert.match(history.body, /start=01\.03\.2026&end=31\.03\.2026/);
  assert.throws(() => client.history({ start: new Date('not a date') }), smsc.InvalidArgumentError);
  assert.throws(
    () => client.sendSms({ phones: '79991234567', message: 'hi', time: '2026-12-02' }),
    (err) => err instanceof smsc.InvalidArgumentError && err.field === 'time',
  );
});

test('message maths and phone numbers, offline', () => {
  const plain = smsc.segments('a'.repeat(161));
  assert.deepEqual([plain.alphabet, plain.parts, plain.part_size, plain.remaining], ['gsm7', 2, 153, 145]);
  const cyr = smsc.segments('Ваш код: 4821');
  assert.deepEqual([cyr.alphabet, cyr.ucs2_because], ['ucs2', { character: 'В', index: 0 }]);
  assert.equal(smsc.segments('ok 😀').units, 5);
  assert.equal(smsc.segments('a'.repeat(400), { pricePerPart: '2.35', recipients: 2 }).price, '14.10');
  assert.throws(() => smsc.segments('a', { pricePerPart: 2.35 }), smsc.InvalidArgumentError);
  assert.throws(() => smsc.segments('a', { pricePerPart: 'cheap' }), (e) => e instanceof smsc.InvalidArgumentError && e.field === 'price_per_part');
  assert.deepEqual(smsc.normalizePhone('8 (999) 123-45-67'), { valid: true, normalized: '79991234567' });
  assert.equal(smsc.normalizePhone('12-ab').valid, false);
});
