// JavaScript quickstart (Node >= 18; the same code runs in a browser page):
// send an SMS, read its status and the balance, with fetch.
//
//   SMSC_LOGIN=demo SMSC_PASSWORD=demo-password SMSC_BASE_URL=http://127.0.0.1:8080 \
//     node examples/quickstart.mjs
import { Client, send, SmscError } from '../js/src/node.js'; // from 'smsc-core' once installed

const client = new Client({
  login: process.env.SMSC_LOGIN,
  password: process.env.SMSC_PASSWORD,
  ...(process.env.SMSC_BASE_URL ? { baseUrl: process.env.SMSC_BASE_URL } : {}),
});
const phone = '79991234567';
try {
  const sent = await send(client.sendSms({ phones: phone, message: 'Hello from smsc-core (JS)', cost: 3 }));
  console.log(`js: sent message ${sent.id}: ${sent.sms_count} SMS, cost ${sent.cost}, balance left ${sent.balance}`);
  // Any HTTP client works: fetch(req.url, req) and req.parse(status, body).
  const req = client.status({ id: sent.id, phone });
  const res = await fetch(req.url, req);
  const [status] = req.parse(res.status, await res.text()).messages;
  console.log(`js: status of ${sent.id}: ${status.status} (${status.status_text})`);
  const balance = await send(client.balance({ currency: true }));
  console.log(`js: balance ${balance.balance} ${balance.currency ?? ''}`);
} catch (err) {
  if (!(err instanceof SmscError)) throw err;
  console.error(`js: ${err.name} (${err.kind}${err.code ? ` ${err.code}` : ''}): ${err.message}`);
  process.exitCode = 1;
}
