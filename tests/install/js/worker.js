// A Cloudflare Worker using the package (the "workerd" export condition, the wasm imported as a
// module): each request to it sends an SMS to the emulator, reads its status and the balance,
// and answers with what it read.
import { Client, send } from 'smsc-core';

export default {
  async fetch(_request, env) {
    const client = new Client({ login: 'demo', password: 'demo-password', baseUrl: env.SMSC_BASE_URL });
    const phone = '79991234567';
    const sent = await send(client.sendSms({ phones: phone, message: 'Hello from a Worker', cost: 3 }));
    const [status] = (await send(client.status({ id: sent.id, phone }))).messages;
    const balance = await send(client.balance({ currency: true }));
    return Response.json({ sent, status: status.status_text, balance });
  },
};
