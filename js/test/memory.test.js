// 100 000 prepare + parse calls must not grow the WebAssembly module's linear memory once it
// has warmed up: a leak per call (a request, a result or an error left behind in wasm memory)
// would grow it by pages. Memory never shrinks, so growth is the signal; time is not measured.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as smsc from 'smsc-core';
import { wasmMemoryBytes } from '../src/api.js';

const CALLS = 100_000;

test('wasm memory does not grow over 100 000 prepare + parse calls', () => {
  const client = new smsc.Client({ login: 'demo', password: 'demo-password' });
  const round = (i) => {
    const req = client.sendSms({ phones: '79991234567', message: `Hello ${i}`, cost: 3 });
    const sent = req.parse(200, `{"id": ${i}, "cnt": 1, "cost": "2.50", "balance": "997.50"}`);
    assert.equal(sent.id, String(i));
    // Errors cross the boundary too: every tenth call refuses an answer.
    if (i % 10 === 0) assert.throws(() => req.parse(200, '{"error": "x", "error_code": 9}'), smsc.RateLimitError);
  };
  for (let i = 0; i < 2_000; i += 1) round(i);
  const before = wasmMemoryBytes();
  for (let i = 0; i < CALLS; i += 1) round(i);
  const after = wasmMemoryBytes();
  console.log(`wasm linear memory: ${before} bytes after warm-up, ${after} after ${CALLS} calls`);
  assert.equal(after, before, `grew by ${after - before} bytes`);
});

test('wasm memory does not grow over large answers alternating with small calls', () => {
  // A large answer passes through the client's own buffer, which keeps no more than 64 KiB once
  // calls are small again: the room given back is reused, so repeating the cycle grows nothing.
  const client = new smsc.Client({ login: 'demo', password: 'demo-password' });
  const message = 'Привет, мир: '.repeat(8);
  const page = JSON.stringify(Array.from({ length: 3000 }, (_, i) => ({ id: i + 1, phone: '79991234567', status: 1, message })));
  assert.ok(page.length > 64 * 1024);
  const cycle = () => {
    const history = client.history({ start: '01.03.2026' });
    assert.equal(history.parse(200, page).messages.length, 3000);
    const balance = client.balance({});
    assert.deepEqual(balance.parse(200, '{"balance": "12.30"}'), { balance: '12.30' });
  };
  // The allocator settles on its layout for these sizes within some tens of cycles.
  for (let i = 0; i < 50; i += 1) cycle();
  const before = wasmMemoryBytes();
  for (let i = 0; i < 50; i += 1) cycle();
  const after = wasmMemoryBytes();
  assert.equal(after, before, `grew by ${after - before} bytes`);
});
