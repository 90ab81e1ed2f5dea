// What the browser pages run, given the package as loaded by each page: straight from src/ as
// an ES module (suite.js) or bundled by esbuild (bundle-entry.js). The Node driver
// (../browser.test.js) calls these through `window.smscSuite`.
import { checkCase, responseBody } from '../fixture-check.js';

/** Runs the fixture cases at `paths` (URLs); returns the failures as text. */
export async function fixtures(smsc, paths) {
  const failures = [];
  for (const path of paths) {
    const c = await (await fetch(path)).json();
    try {
      checkCase(smsc, c, c.response ? responseBody(c.response) : undefined);
    } catch (err) {
      failures.push(`${path}: ${err.message}`);
    }
  }
  return { ran: paths.length, failures };
}

/**
 * From a fresh emulator: sends an SMS, reads its status and the balance with fetch, and reads a
 * wrong password as AuthError.
 */
export async function endToEnd(smsc) {
  const baseUrl = location.origin;
  await fetch(`${baseUrl}/emulator/reset`, { method: 'POST' });
  const client = new smsc.Client({ login: 'demo', password: 'demo-password', baseUrl });
  const sent = await smsc.send(client.sendSms({ phones: '79991234567', message: 'Hello from the browser', cost: 3 }));
  await fetch(`${baseUrl}/emulator/advance?seconds=15`, { method: 'POST' });
  const status = await smsc.send(client.status({ id: sent.id, phone: '79991234567' }));
  const balance = await smsc.send(client.balance({ currency: true }));
  let authError = null;
  try {
    await smsc.send(new smsc.Client({ login: 'demo', password: 'wrong', baseUrl }).balance());
  } catch (err) {
    authError = { name: err.name, isError: err instanceof Error, code: err.code };
  }
  return { sent, status, balance, authError };
}

/** Hands the suite to the driver. */
export function expose(smsc) {
  window.smscSuite = {
    fixtures: (paths) => fixtures(smsc, paths),
    endToEnd: () => endToEnd(smsc),
  };
  document.getElementById('state').textContent = 'ready';
}
