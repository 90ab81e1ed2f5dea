// Files with a request: an MMS with an image (a File) and a sender name's document ({name, data}),
// posted with fetch as the multipart bodies the library builds; the emulator keeps what it
// received. Bad files are typed errors naming the file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as smsc from 'smsc-core';
import { startEmulator } from './emulator.js';

let emulator;
before(async () => { emulator = await startEmulator(); });
after(() => emulator?.stop());

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0xff, 0xd9]);

async function post(request, files) {
  const m = await request.withFiles(files);
  const res = await fetch(m.url, m);
  return request.parse(res.status, await res.arrayBuffer());
}

test('an MMS with an image and a sender document arrive as sent', async () => {
  await fetch(`${emulator.baseUrl}/emulator/reset`, { method: 'POST' }).then((r) => r.text());
  const client = new smsc.Client({ login: 'demo', password: 'demo-password', baseUrl: emulator.baseUrl });
  const sent = await post(client.sendMms({ phones: '79991234567', message: 'Look', subj: 'Photo' }), [
    new File([JPEG], 'фото.jpg', { type: 'image/jpeg' }),
  ]);
  assert.equal(sent.sms_count, 1);
  await post(client.senderAdd({ sender: 'SHOP' }), [{ name: 'certificate.pdf', data: new TextEncoder().encode('%PDF-1.4 trademark') }]);
  const { uploads } = await (await fetch(`${emulator.baseUrl}/emulator/uploads`)).json();
  assert.deepEqual(uploads.map((u) => [u.script, u.field, u.filename, u.content_type, u.size]), [
    ['send.php', 'file0', 'фото.jpg', 'image/jpeg', JPEG.length],
    ['senders.php', 'file0', 'certificate.pdf', 'application/pdf', 18],
  ]);
});

test('bad files are typed errors naming the file', async () => {
  const req = new smsc.Client({ login: 'demo', password: 'pw' }).sendMms({ phones: '79991234567', message: 'Look', subj: 'Photo' });
  for (const [files, field] of [
    [[{ name: 'a.jpg', data: new Uint8Array() }], 'files[0]'],
    [[{ name: '../a.jpg', data: JPEG }], 'files[0]'],
    [[{ name: 'a.exe', data: JPEG }], 'files[0]'],
    [[{ name: 'a.jpg', data: 'text' }], 'files[0]'],
    [[new Blob([JPEG])], 'files[0]'],
    ['a.jpg', 'files'],
  ]) {
    await assert.rejects(req.withFiles(files), (e) => e instanceof smsc.InvalidArgumentError && e.field === field, JSON.stringify(files));
  }
  const client = new smsc.Client({ login: 'demo', password: 'pw' });
  await assert.rejects(client.balance().withFiles([{ name: 'a.jpg', data: JPEG }]), /takes no files/);
  const m = await req.withFiles([{ name: 'a.png', data: JPEG, type: 'image/png' }], { boundary: 'XYZ' });
  assert.equal(m.headers['Content-Type'], 'multipart/form-data; boundary=XYZ');
  assert.ok(new TextDecoder().decode(m.body).endsWith('--XYZ--\r\n'));
});
