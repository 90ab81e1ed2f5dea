// Runs every case of the shared fixture corpus through the JS package.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as smsc from '../src/index.js';

const root = fileURLToPath(new URL('../../tests/fixtures', import.meta.url));

function walk(dir) {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return walk(path);
    return name.endsWith('.json') ? [path] : [];
  });
}

const files = walk(root);
const KIND_CLASS = {
  invalid: smsc.InvalidArgumentError,
  api: smsc.ApiError,
  http: smsc.HttpError,
  parse: smsc.ParseError,
};
const REASON_CLASS = {
  auth: smsc.AuthError,
  rate_limited: smsc.RateLimitError,
  insufficient_funds: smsc.InsufficientFundsError,
  invalid_phone: smsc.InvalidPhoneError,
  ip_blocked: smsc.IpBlockedError,
};

function secrets(client) {
  return ['password', 'api_key'].map((k) => client[k]).filter((s) => typeof s === 'string' && s.length >= 4);
}

function checkError(err, want, c) {
  assert.ok(err instanceof Error, 'errors are Error instances');
  assert.ok(err instanceof smsc.SmscError);
  assert.ok(err instanceof KIND_CLASS[want.kind], `class for kind ${want.kind}: ${err.name}`);
  assert.equal(err.kind, want.kind);
  if ('code' in want) assert.equal(err.code, want.code);
  if ('reason' in want) {
    assert.equal(err.reason, want.reason);
    if (REASON_CLASS[want.reason]) assert.ok(err instanceof REASON_CLASS[want.reason]);
  }
  if ('field' in want) assert.equal(err.field, want.field);
  assert.equal(err.messageId, want.id);
  for (const s of secrets(c.client)) assert.ok(!err.message.includes(s) && !String(err).includes(s), 'no secret in the error');
}

function bodyOf(response) {
  if ('body_base64' in response) return new Uint8Array(Buffer.from(response.body_base64, 'base64'));
  return new TextEncoder().encode(response.body);
}

test('the corpus is there', () => {
  assert.ok(files.length >= 40, `only ${files.length} cases`);
});

for (const file of files) {
  const c = JSON.parse(readFileSync(file, 'utf8'));
  test(relative(root, file), () => {
    const want = c.expect;
    let request;
    try {
      request = new smsc.Client(c.client).prepare(c.op, c.params);
    } catch (err) {
      assert.ok(!c.request, `preparing failed: ${err.message}`);
      checkError(err, want.error, c);
      return;
    }
    assert.ok(c.request, 'expected the call to be refused');
    assert.equal(request.method, c.request.method);
    assert.equal(request.url, c.request.url);
    assert.deepEqual({ ...request.headers }, c.request.headers);
    assert.equal(request.body ?? null, c.request.body);
    for (const s of secrets(c.client)) {
      assert.ok(!String(request).includes(s) && !JSON.stringify(request).includes(s), 'no secret when shown');
    }
    const body = bodyOf(c.response);
    if (want.result) {
      assert.deepEqual(request.parse(c.response.status, body), want.result);
    } else {
      assert.throws(() => request.parse(c.response.status, body), (err) => {
        checkError(err, want.error, c);
        return true;
      });
    }
  });
}
