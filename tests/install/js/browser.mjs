// Opens the bundled pages in headless Chromium, served by the emulator from the build output:
//   node tests/install/js/browser.mjs <dir served> <page>...
// Each page must set window.smscResult: `{page, worker?}`, each a quickstart's summary, or `{error}`.
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../../../js/test/emulator.js';

const require = createRequire(new URL('../../../js/package.json', import.meta.url));
const { chromium } = require('playwright-core');
const [dir, ...pages] = process.argv.slice(2);
const emulator = await startEmulator(['--static', dir]);
const home = mkdtempSync(join(tmpdir(), 'smsc-bundles-'));
const context = await chromium.launchPersistentContext(join(home, 'profile'), {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, 'config'), XDG_CACHE_HOME: join(home, 'cache') },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
let failed = false;
try {
  for (const path of pages) {
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (err) => problems.push(err.message));
    await page.goto(`${emulator.baseUrl}/${path}`);
    const result = await page.waitForFunction(() => window.smscResult, null, { timeout: 30000 })
      .then((h) => h.jsonValue())
      .catch(() => ({ error: `no result; page errors: ${problems.join('; ') || 'none'}` }));
    const text = JSON.stringify(result);
    const ran = (summary) => /cost 2\.50\), status \w+.*, balance \d+\.\d\d$/.test(String(summary));
    if (result.error || !ran(result.page) || (result.worker !== undefined && !ran(result.worker))) {
      console.error(`${path}: ${text}`);
      failed = true;
    } else {
      console.log(`${path}: ${text}`);
    }
    await page.close();
  }
} finally {
  await context.close();
  emulator.stop();
  rmSync(home, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
