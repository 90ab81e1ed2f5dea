// The browser suite: the npm package loaded as an ES module from the same origin as the local
// SMSC emulator. The Node driver (../browser.test.js) calls these functions in the page.
import * as smsc from '../../src/index.js';
import { checkCase, responseBody } from '../fixture-check.js';

/** Runs the fixture cases at `paths` (URLs); returns the failures as text. */
async function fixtures(paths) {
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

/** Sends an SMS, reads its status and the balance through the emulator with fetch. */
async function endToEnd() {
  const baseUrl = location.origin;
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

window.smscSuite = { fixtures, endToEnd };
document.getElementById('state').textContent = 'ready';
