// End to end over real HTTP with fetch: the package builds each request and reads each answer,
// the local SMSC emulator answers as the documentation describes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as smsc from 'smsc-core';
import { startEmulator } from './emulator.js';

let emulator;
before(async () => { emulator = await startEmulator(); });
after(() => emulator?.stop());

test('send an SMS, read its status and the balance', async () => {
  const client = new smsc.Client({ login: 'demo', password: 'demo-password', baseUrl: emulator.baseUrl });
  const sent = await smsc.send(client.sendSms({ phones: '79991234567', message: 'Hello from Node', cost: 3 }));
  assert.deepEqual(sent, { id: sent.id, sms_count: 1, cost: '2.50', balance: '997.50' });

  const first = await smsc.send(client.status({ id: sent.id, phone: '79991234567' }));
  assert.equal(first.messages[0].status, -1);
  await emulator.advance(15);
  const later = await smsc.send(client.status({ id: sent.id, phone: '79991234567' }));
  assert.equal(later.messages[0].status, 1);
  assert.equal(later.messages[0].status_text, 'Delivered');
  assert.equal(later.messages[0].is_final, true);

  const balance = await smsc.send(client.balance({ currency: true }));
  assert.deepEqual(balance, { balance: '997.50', currency: 'RUB' });

  assert.deepEqual(await smsc.send(client.deleteMessage({ id: sent.id, phone: '79991234567' })), { deleted: 1 });
  const gone = await smsc.send(client.status({ id: sent.id, phone: '79991234567' }));
  assert.equal(gone.messages[0].status, -3);
  await assert.rejects(smsc.send(client.deleteMessage({ id: sent.id, phone: '79991234567' })), smsc.DeleteFailedError);
});

test('fetch(req.url, req) with the request object itself', async () => {
  const client = new smsc.Client({ apiKey: 'demo-api-key', baseUrl: emulator.baseUrl, format: 'csv' });
  const req = client.cost({ phones: ['79991234567', '79991234568'], message: 'я'.repeat(71) });
  const res = await fetch(req.url, req);
  assert.deepEqual(req.parse(res.status, await res.text()), { cost: '10.00', sms_count: 4 });
});

test('documented errors arrive as error classes', async () => {
  const wrong = new smsc.Client({ login: 'demo', password: 'nope', baseUrl: emulator.baseUrl });
  await assert.rejects(smsc.send(wrong.balance()), smsc.AuthError);
  const poor = new smsc.Client({ login: 'poor', password: 'poor-password', baseUrl: emulator.baseUrl, format: 'text' });
  await assert.rejects(smsc.send(poor.sendSms({ phones: '79991234567', message: 'Hi', id: 'order-1' })), (err) => {
    assert.ok(err instanceof smsc.InsufficientFundsError);
    assert.equal(err.messageId, 'order-1');
    return true;
  });
  await assert.rejects(smsc.send(poor.sendSms({ phones: '+12345678', message: 'Hi' })), smsc.InvalidPhoneError);
});

test('the JSON endpoint through fetch', async () => {
  const client = new smsc.Client({ login: 'demo', password: 'demo-password', baseUrl: emulator.baseUrl });
  const req = client.sendSmsJson({ phones: '79991234568', message: 'Hi' });
  assert.equal(req.headers['Content-Type'], 'application/json');
  const sent = await smsc.send(req);
  assert.equal(sent.sms_count, 1);
});
