// Drives headless Chromium (Debian's, through playwright-core) to run the package in a real
// browser page served by the local SMSC emulator: every fixture case, then an end-to-end send;
// once with the package loaded as ES modules from src/, once bundled by esbuild.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';
import { startEmulator, repoRoot } from './emulator.js';
import { fixtureFiles } from './corpus.js';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
let emulator;
let context;
let home;

before(async () => {
  emulator = await startEmulator(['--static', repoRoot]);
  // Chromium writes into $HOME even with its own profile: give it a private one.
  home = mkdtempSync(join(tmpdir(), 'smsc-browser-'));
  context = await chromium.launchPersistentContext(join(home, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, 'config'), XDG_CACHE_HOME: join(home, 'cache'), XDG_DATA_HOME: join(home, 'data') },
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run',
    ],
  });
});

/** Opens a suite page and waits until it has loaded the package. */
async function openSuite(path) {
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (err) => problems.push(err.message));
  await page.goto(`${emulator.baseUrl}${path}`);
  await page.waitForFunction(() => window.smscSuite !== undefined, null, { timeout: 30000 }).catch(() => {
    throw new Error(`${path} did not load: ${problems.join('; ')}`);
  });
  return page;
}

async function checkFixtures(page) {
  const paths = fixtureFiles().map((f) => `/${relative(repoRoot, f)}`);
  const { ran, failures } = await page.evaluate((p) => window.smscSuite.fixtures(p), paths);
  assert.equal(ran, paths.length);
  assert.ok(ran >= 40);
  assert.deepEqual(failures, []);
}

async function checkEndToEnd(page) {
  const r = await page.evaluate(() => window.smscSuite.endToEnd());
  assert.equal(r.sent.sms_count, 1);
  assert.equal(r.sent.cost, '2.50');
  assert.equal(r.status.messages[0].status, 1);
  assert.equal(r.status.messages[0].status_text, 'Delivered');
  assert.deepEqual(r.balance, { balance: '997.50', currency: 'RUB' });
  assert.deepEqual(r.authError, { name: 'AuthError', isError: true, code: 2 });
}

after(async () => {
  await context?.close();
  emulator?.stop();
  if (home) rmSync(home, { recursive: true, force: true });
});

test('from src/ as ES modules: every fixture case and an end-to-end send', async () => {
  const page = await openSuite('/js/test/browser/index.html');
  await checkFixtures(page);
  await checkEndToEnd(page);
});

test('bundled by esbuild for the browser: the browser entry, no Node built-ins, every case', async () => {
  // Laid out as an application would serve it: the bundle in app/, and the module at the
  // address the package asks for relative to it (../pkg/), which esbuild leaves to the app.
  const out = join(repoRoot, 'target', 'js-bundle');
  rmSync(out, { recursive: true, force: true });
  const built = await esbuild.build({
    entryPoints: [join(repoRoot, 'js/test/browser/bundle-entry.js')],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    outfile: join(out, 'app', 'bundle.js'),
    metafile: true,
    logLevel: 'silent',
    absWorkingDir: join(repoRoot, 'js'),
  });
  const inputs = Object.keys(built.metafile.inputs);
  assert.ok(inputs.includes('src/index.js'), inputs.join(', '));
  assert.ok(!inputs.includes('src/node.js'), inputs.join(', '));
  assert.deepEqual(Object.values(built.metafile.outputs).flatMap((o) => o.imports), [], 'nothing left unbundled');
  writeFileSync(join(out, 'app', 'index.html'),
    '<!doctype html><meta charset="utf-8"><p id="state">loading</p><script type="module" src="./bundle.js"></script>\n');
  mkdirSync(join(out, 'pkg'));
  copyFileSync(join(repoRoot, 'js/pkg/smsc_core_bg.wasm'), join(out, 'pkg', 'smsc_core_bg.wasm'));

  const page = await openSuite('/target/js-bundle/app/index.html');
  await checkFixtures(page);
  await checkEndToEnd(page);
});
