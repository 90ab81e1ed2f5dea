// Per-call cost of smsc-core from JavaScript, next to a hand-written client doing the least a
// correct client must: encode the form, parse the JSON, check for the error envelope. Prints
// microseconds per call; timings are the machine's, not assertions.
import { Client } from 'smsc-core';

const ANSWER = '{"id": 1234, "cnt": 1, "cost": "2.50", "balance": "997.50"}';
const client = new Client({ login: 'demo', password: 'demo-password' });

function withSmscCore() {
  const req = client.sendSms({ phones: '79991234567', message: 'Hello', cost: 3 });
  return req.parse(200, ANSWER);
}

function handWritten() {
  const body = new URLSearchParams({
    login: 'demo', psw: 'demo-password', phones: '79991234567', mes: 'Hello', cost: '3', fmt: '3', charset: 'utf-8',
  }).toString();
  const data = JSON.parse(ANSWER);
  if ('error_code' in data) throw new Error(data.error);
  return [body, { id: String(data.id), sms_count: data.cnt, cost: data.cost, balance: data.balance }];
}

// Microseconds per call of each function, best of five rounds of 50 000 calls. The rounds
// alternate between the functions, so that a slower stretch of a shared machine weighs on all
// of them alike rather than on one.
function sideBySide(fns) {
  for (const fn of fns) for (let i = 0; i < 20000; i++) fn();
  const best = fns.map(() => Infinity);
  for (let round = 0; round < 5; round++) {
    fns.forEach((fn, k) => {
      const n = 50000;
      const start = process.hrtime.bigint();
      for (let i = 0; i < n; i++) fn();
      best[k] = Math.min(best[k], Number(process.hrtime.bigint() - start) / n / 1000);
    });
  }
  return best;
}

const [coreCall, handCall] = sideBySide([withSmscCore, handWritten]);
console.log(`${'smsc-core sendSms prepare+parse'.padEnd(40)} ${coreCall.toFixed(2).padStart(8)} us/call`);
console.log(`${'hand-written URLSearchParams+JSON'.padEnd(40)} ${handCall.toFixed(2).padStart(8)} us/call`);
console.log(`send prepare+parse ratio to the hand-written client: ${(coreCall / handCall).toFixed(2)}x`);
// A large history page (shaped like tests/fixtures/history/json_page.json) against JSON.parse
// of the same text, at growing sizes, to show the cost grows linearly.
function historyPage(n) {
  const page = [];
  for (let i = 0; i < n; i++) {
    page.push({
      status: 1, last_date: '13.03.2026 15:50:50', last_timestamp: 1773406250 + i, err: 0,
      send_date: '13.03.2026 15:50:46', send_timestamp: 1773406246 + i, phone: `7999${String(i).padStart(7, '0')}`,
      cost: '2.50', sender_id: 'SMSC.RU', status_name: 'Delivered',
      message: `Hello, world: your code is ${String(i).padStart(6, '0')}. Thank you for using our service!`,
      type: 0, country: 'Russia', operator: 'Beeline', region: 'Moscow', id: `order-${i}`, int_id: 5000 + i,
      sms_cnt: 1, format: 0, crc: '1a2b3c', mccmnc: '25099',
    });
  }
  return JSON.stringify(page);
}

// Milliseconds of one call of each function, best of five alternating rounds.
function onceEach(fns) {
  const best = fns.map(() => Infinity);
  for (let round = 0; round < 5; round++) {
    fns.forEach((fn, k) => {
      const start = process.hrtime.bigint();
      fn();
      best[k] = Math.min(best[k], Number(process.hrtime.bigint() - start) / 1e6);
    });
  }
  return best;
}

const history = client.history({ start: '01.03.2026', end: '31.03.2026', cnt: 1000 });
console.log('history page (ms)                  smsc-core  JSON.parse   ratio');
for (const n of [2500, 5000, 10000, 20000]) {
  const text = historyPage(n);
  const [core, json] = onceEach([() => history.parse(200, text), () => JSON.parse(text)]);
  const size = `${(text.length / 1e6).toFixed(2)} MB`;
  console.log(`  ${size.padEnd(30)} ${core.toFixed(2).padStart(9)} ${json.toFixed(2).padStart(10)} ${(core / json).toFixed(2).padStart(7)}x`);
}

const before = process.memoryUsage().rss;
for (let i = 0; i < 100000; i++) withSmscCore();
globalThis.gc?.();
console.log(`rss growth over 100000 calls: ${((process.memoryUsage().rss - before) / 1048576).toFixed(1)} MiB`);
