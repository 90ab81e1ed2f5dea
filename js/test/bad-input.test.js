// Bad input that only JavaScript can give: undefined, NaN, BigInt, functions, symbols, cycles,
// deep nesting, Dates, odd statuses and bodies, and answers too big or too deep. Each case
// carries its id in docs/bad-input.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as smsc from 'smsc-core';

const P = '79991234567';
const DEEP = 100_000;
const client = new smsc.Client({ login: 'demo', password: 's3cret-pw' });

function deepList(levels) {
  let value = [];
  for (let i = 0; i < levels; i += 1) value = [value];
  return value;
}

/** `fn` must throw InvalidArgumentError (or `Class`) naming `field`, its message saying `words`. */
function refused(fn, field, words, Class = smsc.InvalidArgumentError) {
  assert.throws(fn, (err) => {
    assert.ok(err instanceof Class && err instanceof smsc.SmscError && err instanceof Error, `${err?.name}: ${err?.message}`);
    if (field !== undefined) assert.equal(err.field, field, err.message);
    assert.ok(err.message.includes(words), `${err.message} does not say ${JSON.stringify(words)}`);
    assert.ok(!err.message.includes('s3cret-pw'));
    return true;
  });
}

const cyclic = { phones: P };
cyclic.message = cyclic;

// [id, params for sendSms, field, words]
const PREPARE_CASES = [
  ['JS01', { phones: undefined, message: 'Hi' }, 'phones', 'no recipients given'],
  ['JS02', { phones: P, message: null }, 'message', 'the message text is missing'],
  ['JS03', { phones: P, message: 'Hi', maxsms: NaN }, 'maxsms', 'not a finite number'],
  ['JS04', { phones: P, message: 'Hi', period: Infinity }, 'period', 'not a finite number'],
  ['JS05', { phones: P, message: 'Hi', id: 17n }, 'id', 'BigInt'],
  ['JS06', { phones: P, message: () => 'Hi' }, 'message', 'is a function'],
  ['JS07', { phones: P, message: Symbol('Hi') }, 'message', 'is a symbol'],
  ['JS08', cyclic, 'params', 'cycle'],
  ['JS09', { phones: deepList(DEEP), message: 'Hi' }, 'params', 'deep'],
  ['JS10', { phones: P, message: 'Hi', time: new Date('never') }, 'time', 'is an invalid Date'],
  ['JS11', { phones: P, message: true }, 'message', 'expected a string'],
  ['JS12', { phones: P, message: 'Hi', maxsms: '3' }, 'maxsms', 'expected a whole number'],
  ['JS21', { phones: P, message: 'Hi\u0000there' }, 'message', 'NUL character'],
];

for (const [id, params, field, words] of PREPARE_CASES) {
  test(`[${id}] sendSms with ${field} = ${typeof params[field] === 'symbol' ? 'a symbol' : id}`, () => {
    refused(() => client.sendSms(params), field, words);
  });
}

test('[JS13] client settings: nested too deep, misspelt, null', () => {
  refused(() => new smsc.Client({ login: 'demo', password: deepList(DEEP) }), 'config', 'deep');
  refused(() => new smsc.Client({ login: 'demo', pasword: 'x' }), 'pasword', 'did you mean `password`?');
  refused(() => new smsc.Client(null), 'config', 'object');
  refused(() => new smsc.Client({ apiKey: 12n }), 'apiKey', 'BigInt');
});

test('[JS14] an operation name that is not a known string', () => {
  refused(() => client.prepare(undefined, {}), 'op', 'unknown operation "undefined"');
  refused(() => client.prepare('sendSMS', {}), 'op', 'did you mean "send_sms"?');
});

test('[JS15] statuses that are not HTTP statuses', () => {
  const req = client.balance();
  for (const status of [undefined, null, NaN, true, '200', 200.5, -1, 70000, 200n]) {
    refused(() => req.parse(status, '1.00'), 'status', 'integer from 0 to 65535');
  }
});

test('[JS16] bodies that are not text or bytes', () => {
  const req = client.balance();
  for (const body of [undefined, null, 1, {}, [49], new DataView(new ArrayBuffer(1))]) {
    refused(() => req.parse(200, body), 'body', 'string, Uint8Array or ArrayBuffer');
  }
});

test('[JS17] a 10 MB body is a typed error or a result', () => {
  const junk = 'x'.repeat(10 * 1024 * 1024);
  refused(() => client.sendSms({ phones: P, message: 'Hi' }).parse(200, junk), undefined, 'unreadable SMSC answer', smsc.ParseError);
  const padded = new TextEncoder().encode(`{"balance": "1.00", "pad": "${junk}"}`);
  assert.equal(client.balance().parse(200, padded).balance, '1.00');
});

test('[JS18] answers nested 100 000 deep are parse errors', () => {
  const req = client.balance();
  refused(() => req.parse(200, '['.repeat(DEEP) + ']'.repeat(DEEP)), undefined, 'nested deeper than 128 levels', smsc.ParseError);
  refused(() => req.parse(200, '{"a":'.repeat(DEEP) + '1' + '}'.repeat(DEEP)), undefined, 'nested deeper than 128 levels', smsc.ParseError);
  refused(() => req.parse(200, '<a>'.repeat(DEEP) + '</a>'.repeat(DEEP)), undefined, 'nests deeper than 32 levels', smsc.ParseError);
});

test('[JS19] notifications: a body of the wrong type, a misspelt option, a deep body', () => {
  refused(() => smsc.parseCallback(undefined), 'body', 'string, Uint8Array or ArrayBuffer');
  refused(() => smsc.parseCallback('id=1', { secert: 'x' }), 'secert', 'did you mean `secret`?');
  refused(() => smsc.parseCallback('{"a":'.repeat(DEEP) + '1' + '}'.repeat(DEEP)), undefined, 'recursion limit', smsc.ParseError);
});

test('[JS20] the module keeps working after every refusal above', () => {
  assert.deepEqual(client.balance().parse(200, '{"balance": "2.50"}'), { balance: '2.50' });
});
