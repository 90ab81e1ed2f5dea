// The package through require(), as a CommonJS program of a default `npm init -y` project uses
// it, on every Node the package supports (Node 18 included): send, status, balance.
const { Client, send, SmscError } = require('smsc-core');

async function main() {
  const client = new Client({
    login: process.env.SMSC_LOGIN,
    password: process.env.SMSC_PASSWORD,
    baseUrl: process.env.SMSC_BASE_URL,
  });
  const phone = '79991234567';
  const sent = await send(client.sendSms({ phones: phone, message: 'Hello from require()', cost: 3 }));
  const [status] = (await send(client.status({ id: sent.id, phone }))).messages;
  const balance = await send(client.balance({ currency: true }));
  console.log(`cjs ${process.version}: sent ${sent.id} (${sent.sms_count} SMS, cost ${sent.cost}), status ${status.status_text}, balance ${balance.balance} ${balance.currency}`);
}

main().catch((err) => {
  console.error(err instanceof SmscError ? `${err.name} (${err.kind}): ${err.message}` : err);
  process.exitCode = 1;
});
