// What each bundled page and worker does with the package it was given: send an SMS to the
// emulator that served the page, read its status and the balance.
export async function quickstart({ Client, send }, baseUrl) {
  const client = new Client({ login: 'demo', password: 'demo-password', baseUrl });
  const phone = '79991234567';
  const sent = await send(client.sendSms({ phones: phone, message: 'Hello from a bundle', cost: 3 }));
  const [status] = (await send(client.status({ id: sent.id, phone }))).messages;
  const balance = await send(client.balance({ currency: true }));
  return `sent ${sent.id} (cost ${sent.cost}), status ${status.status_text}, balance ${balance.balance}`;
}
