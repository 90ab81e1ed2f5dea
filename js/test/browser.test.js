// Drives headless Chromium (Debian's, through playwright-core) to run the package in a real
// browser page served by the local SMSC emulator: every fixture case, then an end-to-end send.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { chromium } from 'playwright-core';
import { startEmulator, repoRoot } from './emulator.js';
import { fixtureFiles } from './corpus.js';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
let emulator;
let context;
let page;
let home;

before(async () => {
  emulator = await startEmulator(['--static', repoRoot]);
  // Chromium writes into $HOME even with its own profile: give it a private one.
  home = mkdtempSync(join(tmpdir(), 'smsc-browser-'));
  context = await chromium.launchPersistentContext(join(home, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, 'config'), XDG_CACHE_HOME: join(home, 'cache') },
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run',
    ],
  });
  page = await context.newPage();
  const problems = [];
  page.on('pageerror', (err) => problems.push(err.message));
  await page.goto(`${emulator.baseUrl}/js/test/browser/index.html`);
  await page.waitForFunction(() => window.smscSuite !== undefined, null, { timeout: 30000 }).catch(() => {
    throw new Error(`the page did not load: ${problems.join('; ')}`);
  });
});

after(async () => {
  await context?.close();
  emulator?.stop();
  if (home) rmSync(home, { recursive: true, force: true });
});

test('every fixture case passes in the browser', async () => {
  const paths = fixtureFiles().map((f) => `/${relative(repoRoot, f)}`);
  const { ran, failures } = await page.evaluate((p) => window.smscSuite.fixtures(p), paths);
  assert.equal(ran, paths.length);
  assert.ok(ran >= 40);
  assert.deepEqual(failures, []);
});

test('the browser sends an SMS, reads its status and the balance', async () => {
  const r = await page.evaluate(() => window.smscSuite.endToEnd());
  assert.equal(r.sent.sms_count, 1);
  assert.equal(r.sent.cost, '2.50');
  assert.equal(r.status.messages[0].status, 1);
  assert.equal(r.status.messages[0].status_text, 'Delivered');
  assert.deepEqual(r.balance, { balance: '997.50', currency: 'RUB' });
  assert.deepEqual(r.authError, { name: 'AuthError', isError: true, code: 2 });
});
