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

function measure(fn) {
  for (let i = 0; i < 20000; i++) fn();
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    const n = 50000;
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) fn();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / n / 1000);
  }
  return best;
}

for (const [name, fn] of [['smsc-core sendSms prepare+parse', withSmscCore], ['hand-written URLSearchParams+JSON', handWritten]]) {
  console.log(`${name.padEnd(40)} ${measure(fn).toFixed(2).padStart(8)} us/call`);
}
const before = process.memoryUsage().rss;
for (let i = 0; i < 100000; i++) withSmscCore();
globalThis.gc?.();
console.log(`rss growth over 100000 calls: ${((process.memoryUsage().rss - before) / 1048576).toFixed(1)} MiB`);
