// Compiled with `tsc --noEmit` by ../types.test.js: the declarations in src/index.d.ts must accept
// every documented use and refuse the wrong ones (each `@ts-expect-error` must find an error).
import {
  Client, Request, send, deliver, pages, parseCallback, segments, normalizePhone, OPERATIONS,
  SmscError, InvalidArgumentError, ApiError, AuthError, RateLimitError, InsufficientFundsError,
  HttpError, ParseError, InternalError, TransportError, SignatureError,
  type Balance, type SendResult, type CostResult, type StatusResult, type DeleteResult,
  type Money, type OperationName, type Callback, type SmtpMessage,
  type JobAddResult, type ListedRecord, type HistoryResult, NotFoundError, type Advice, type RetryPolicy,
  type SendEmailParams, type SendHlrParams, type SendSmsChannelParams, type Phones, type Translit,
} from 'smsc-core';

const client = new Client({ login: 'demo', password: 'secret' });
const keyed = new Client({ apiKey: 'key', baseUrl: 'http://127.0.0.1:8080', method: 'GET', format: 'xml' });
const base: string = keyed.baseUrl;

// Every per-operation method, and its result type.
const balance: Request<Balance> = client.balance();
client.balance({ currency: true });
const sent: Request<SendResult> = client.sendSms({ phones: ['79991234567'], message: 'Hi', cost: 3 });
client.sendSms({ list: [{ phones: '79991234567', message: 'one' }] });
const cost: Request<CostResult> = client.cost({ phones: '79991234567', message: 'Hi' });
const status: Request<StatusResult> = client.status({ id: 12, phone: '79991234567', all: 2 });
client.status({ messages: [{ id: 'a1', phone: '79991234567' }] });
const deleted: Request<DeleteResult> = client.deleteMessage({ id: 12, phone: '79991234567' });
client.sendHlr({ phones: '79991234567' });
client.sendPing({ phones: '79991234567' });
client.sendMms({ phones: '79991234567', subj: 'Hi', fileurl: 'https://example.com/a.jpg' });
client.sendEmail({ phones: 'a@example.com', message: 'Hi', sender: 'me@example.com', subj: 'Hi' });
client.sendCall({ phones: '79991234567', message: 'Hi', voice: 'w' });
client.sendViber({ phones: '79991234567', message: 'Hi' });
client.sendTelegram({ phones: '@someone', message: 'Hi', bot: '@my_bot' });
client.sendSmsJson({ phones: '79991234567', message: 'Hi' });
const generic: Request<SendResult> = client.prepare('send_sms', { phones: '79991234567', message: 'Hi' });
const names: readonly OperationName[] = OPERATIONS;

// Requests are plain data for any HTTP client, and parse their own answer.
const init: RequestInit = sent;
const method: 'POST' | 'GET' = sent.method;
const headers: Record<string, string> = sent.headers;
const body: string | undefined = sent.body;
const b: Balance = balance.parse(200, '{"balance": "1.00"}');
const money: Money = b.balance;
const viaBytes: CostResult = cost.parse(200, new Uint8Array());
status.parse(200, new ArrayBuffer(0)).messages[0]?.status_text;
deleted.parse(200, '').deleted.toFixed();

async function transport(): Promise<void> {
  const result: SendResult = await send(sent);
  const other: Balance = await send(balance, { fetch: globalThis.fetch, signal: AbortSignal.timeout(5000) });
  const res = await fetch(sent.url, sent);
  const again: SendResult = sent.parse(res.status, await res.arrayBuffer());
  void [result, other, again];
}

// Errors: classes with the shared fields.
try {
  client.sendSms({ phones: '79991234567', message: 'Hi' });
} catch (err) {
  if (err instanceof RateLimitError || err instanceof AuthError || err instanceof InsufficientFundsError) {
    const code: number | undefined = err.code;
    const api: ApiError = err;
    void [code, api];
  } else if (err instanceof InvalidArgumentError) {
    const field: string | undefined = err.field;
    void field;
  } else if (err instanceof SmscError) {
    const kind: 'invalid' | 'api' | 'http' | 'parse' | 'signature' | 'internal' | 'transport' = err.kind;
    const id: string | undefined = err.messageId;
    const e: Error = err;
    void [kind, id, e, err.reason];
  }
}
const errs: SmscError[] = [
  new HttpError('x', { kind: 'http', code: 503 }), new ParseError('x'), new InternalError('x'),
  new TransportError('x', { kind: 'transport' }), new SignatureError('x', { kind: 'signature' }),
];

// Notifications and the SMTP route.
const event: Callback = parseCallback('id=1&phone=79991234567&status=1', { secret: 'md5=x', charset: 'utf-8' });
if (event.kind === 'status') event.is_final.valueOf();
const mail: SmtpMessage = client.smtpMessage({ phones: '79991234567', message: 'Hi' });

// Mailing lists, templates and monitoring events.
const job: Request<JobAddResult> = client.jobAdd({ name: 'Sale', phones: '79991234567', message: 'Hi', rpt: 2, cost: 1 });
client.jobAdd({ name: 'From template', phones: ['79991234567'], tpl: 5, mail: false });
const jobId: string = job.parse(200, '{"id": 1}').id;
client.jobDelete({ id: 1 }).parse(200, 'OK').deleted.valueOf();
client.jobCancel({ id: '1' }).parse(200, 'OK').cancelled.valueOf();
const listed: ListedRecord = client.job({ id: 1 }).parse(200, '{}');
client.jobs({ start: '01.03.2026' }).parse(200, '[]').jobs[0]?.fields?.['status'];
client.templateAdd({ name: 'Greeting', message: 'Hi', format: 'sms', autosign: true }).parse(200, '{}').id;
client.templateUpdate({ id: 5, format: '' });
client.templateDelete({ id: 5 });
client.templates().parse(200, '[]').templates.length.toFixed();
client.operatorTemplateAdd({ sender: 'SHOP', message: 'Code', mts_auth: true }).parse(200, 'OK').created.valueOf();
client.operatorTemplates({ sender: 'SHOP', message: 'Code' });
client.monitoringEvent({ id: 3, host: '10.0.0.7', ok: true }).parse(200, 'OK').accepted.valueOf();

// Getting data.
const page: HistoryResult = client.history({ start: '01.03.2026', cnt: 100, prev_id: 5002 }).parse(200, '[]');
client.history({ phone: ['79991234567'], format: 8 }).parse(200, '[]').messages[0]?.cost?.length;
const older: number | undefined = page.next_prev_id;
client.incoming({ hour: 24, after_id: '301' }).parse(200, '[]').next_after_id?.toFixed();
client.statistics({ start: '01.03.2026', mycur: true }).parse(200, '{}').accounts[0]?.credit?.length;
client.rates().parse(200, '[]').zones[0]?.other?.['viber'];
client.operatorInfo({ phone: '79991234567' }).parse(200, '{}').phones[0]?.operator;
client.shortLink({ id: 15 }).parse(200, '{}').clicks?.toFixed();
const missing: ApiError = new NotFoundError('not found');
// Retry advice: settings, the advice itself, and the request at the advised address.
const policy: RetryPolicy = { baseDelayMs: 5, rateLimitDelayMs: 10, maxAttempts: 3 };
const retrying = new Client({ login: 'demo', password: 'secret', retry: policy });
const advice: Advice = retrying.balance().advice(new TransportError('down', { kind: 'transport', transport: 'timeout' }), 2);
const next: Request<Balance> = retrying.balance().at(advice.base_url);
const checkFirst: boolean = advice.action === 'check_status' && advice.status_check !== undefined;
if (advice.status_check) client.status(advice.status_check);
const delay: number = advice.delay_ms;
const readOnly: boolean = retrying.balance().effect === 'read';

// What the declarations refuse.
// @ts-expect-error no such advice action
const noAction: boolean = advice.action === 'resend';
// @ts-expect-error unknown retry setting
new Client({ login: 'demo', password: 'secret', retry: { delay: 5 } });
// @ts-expect-error message must be a string
client.sendSms({ phones: '79991234567', message: 42 });
// @ts-expect-error status needs id and phone, or messages
client.status({});
// @ts-expect-error statistics need a start date
client.statistics({});
// @ts-expect-error the history lists SMS (0) or e-mail (8) only
client.history({ format: 2 });
// @ts-expect-error no such operation
client.prepare('send_fax', {});
// @ts-expect-error no such method
client.sendFax({});
// @ts-expect-error requests come from Client only
new Request();
// @ts-expect-error money is a string, not a number
const wrong: number = b.balance;
// @ts-expect-error unknown setting
new Client({ user: 'demo' });
// @ts-expect-error a mailing list reports its cost with 1; 2 and 3 are for sending
client.jobAdd({ name: 'Sale', phones: '79991234567', message: 'Hi', cost: 3 });
// @ts-expect-error the repeat period is 0 to 7
client.jobAdd({ name: 'Sale', phones: '79991234567', message: 'Hi', rpt: 8 });
// @ts-expect-error a template format the page does not list
client.templateAdd({ name: 'Greeting', message: 'Hi', format: 'fax' });

// One typed call of every operation, in the core's order, with a field of its result read
// with the type the generated declarations give it.
const everyOperation = {
  balance: client.balance().parse(200, '').balance satisfies Money,
  send_sms: client.sendSms({ phones: '79991234567', message: 'Hi', translit: 1, bin: 2 }).parse(200, '').sms_count satisfies number,
  cost: client.cost({ phones: '79991234567', message: 'Hi' }).parse(200, '').cost satisfies Money,
  status: client.prepare('status', { messages: [{ id: 1, phone: '79991234567' }] }).parse(200, '').messages satisfies { is_final: boolean }[],
  delete_message: client.deleteMessage({ messages: [{ id: 'a1', phone: '79991234567' }] }).parse(200, '').deleted satisfies number,
  // The core accepts a sender (and the other common send fields) on an HLR query.
  send_hlr: client.sendHlr({ phones: '79991234567', sender: 'SHOP' }).parse(200, '').id satisfies string | undefined,
  send_ping: client.sendPing({ phones: '79991234567', err: true }).parse(200, '').phones satisfies { phone: string }[] | undefined,
  send_mms: client.sendMms({ phones: '79991234567', subj: 'Hi', message: 'text' }).parse(200, '').cost satisfies Money | undefined,
  send_email: client.prepare('send_email', { phones: 'a@example.com', sender: 'me@example.com', subj: 'Hi', fileurl: 'https://example.com/a.pdf' }).parse(200, '').balance satisfies Money | undefined,
  send_call: client.sendCall({ phones: '79991234567', fileurl: 'https://example.com/a.wav', param: '10,10,2' }).parse(200, '').sms_count satisfies number,
  send_viber: client.sendViber({ phones: '79991234567', message: 'Hi', sender: 'SHOP' }).parse(200, '').sms_count satisfies number,
  send_telegram: client.sendTelegram({ phones: '#123', message: 'Hi' }).parse(200, '').sms_count satisfies number,
  send_sms_json: client.sendSmsJson({ list: [{ phones: ['79991234567'], message: 'one' }] }).parse(200, '').sms_count satisfies number,
  job_add: client.jobAdd({ name: 'Sale', phones: '79991234567', message: 'Hi' }).parse(200, '').cost satisfies Money | undefined,
  job_delete: client.jobDelete({ id: '7' }).parse(200, '').id satisfies string,
  job_cancel: client.jobCancel({ id: 7 }).parse(200, '').cancelled satisfies boolean,
  job: client.job({ id: 7 }).parse(200, '').values satisfies string[] | undefined,
  jobs: client.jobs().parse(200, '').jobs satisfies ListedRecord[],
  template_add: client.templateAdd({ name: 'T', message: 'Hi' }).parse(200, '').id satisfies string | undefined,
  template_update: client.templateUpdate({ id: 5, autosign: false }).parse(200, '').updated satisfies boolean,
  template_delete: client.templateDelete({ id: '5' }).parse(200, '').deleted satisfies boolean,
  templates: client.prepare('templates').parse(200, '').templates satisfies ListedRecord[],
  operator_template_add: client.operatorTemplateAdd({ sender: 'SHOP', message: 'Code', soc: true }).parse(200, '').templates satisfies ListedRecord[] | undefined,
  operator_templates: client.operatorTemplates({ sender: 'SHOP', message: 'Code' }).parse(200, '').templates satisfies ListedRecord[],
  monitoring_event: client.monitoringEvent({ id: 3 }).parse(200, '').accepted satisfies boolean,
  contact_add: client.contactAdd({ phone: '79991234567', name: 'Ann', groups: [1, '2'], tags: 'vip' }).parse(200, '').id satisfies string,
  contact_update: client.contactUpdate({ phone: '79991234567', new_phone: '79997654321' }).parse(200, '').ok satisfies boolean,
  contact_delete: client.contactDelete({ email: ['a@example.com'] }).parse(200, '').id satisfies string | undefined,
  contacts: client.contacts({ search: 'Ann', after_id: 10 }).parse(200, '').contacts[0]?.phones satisfies string[] | undefined,
  group_add: client.groupAdd({ name: 'VIP', type: 1 }).parse(200, '').id satisfies string,
  group_update: client.groupUpdate({ group: 4, name: 'VIP+' }).parse(200, '').ok satisfies boolean,
  group_delete: client.groupDelete({ group: '4' }).parse(200, '').ok satisfies boolean,
  groups: client.groups().parse(200, '').groups[0]?.count satisfies number | undefined,
  contact_group_move: client.contactGroupMove({ group: 4, phone: '79991234567' }).parse(200, '').ok satisfies boolean,
  contact_group_add: client.contactGroupAdd({ group: 4, email: 'a@example.com' }).parse(200, '').ok satisfies boolean,
  contact_group_remove: client.contactGroupRemove({ group: 4, phone: ['79991234567'] }).parse(200, '').ok satisfies boolean,
  blacklist_add: client.blacklistAdd({ phone: '79991234567', type: 2 }).parse(200, '').id satisfies string,
  blacklist_delete: client.blacklistDelete({ phone: '79991234567' }).parse(200, '').ok satisfies boolean,
  subclient_add: client.subclientAdd({ user: 'sub1', password: 'pw', type: 4, curr: 1, flags: { 'fl[29]': true } }).parse(200, '').ok satisfies boolean,
  subclient_update: client.subclientUpdate({ user: 'sub1', current_password: 'pw', nb: '10.50' }).parse(200, '').ok satisfies boolean,
  subclient_pay: client.subclientPay({ user: 'sub1', sum: 150.5 }).parse(200, '').balance satisfies Money | undefined,
  subclient_stats: client.subclientStats({ reseller: 1 }).parse(200, '').subclients[0]?.cost satisfies Money | undefined,
  subclient_stats_detailed: client.subclientStatsDetailed({ user: 'sub1' }).parse(200, '').subclients satisfies { extra?: Record<string, string> }[],
  senders: client.senders({ all: true, cnt: 10 }).parse(200, '').senders[0]?.status satisfies string | undefined,
  sender_add: client.senderAdd({ sender: 'SHOP', comment: 'ours' }).parse(200, '').ok satisfies boolean,
  sender_update: client.senderUpdate({ id: 9, mts: true }).parse(200, '').ok satisfies boolean,
  sender_delete: client.senderDelete({ sender: 'SHOP' }).parse(200, '').ok satisfies boolean,
  sender_send_code: client.senderSendCode({ sender: '79991234567' }).parse(200, '').ok satisfies boolean,
  sender_check_code: client.senderCheckCode({ sender: '79991234567', code: '1234' }).parse(200, '').ok satisfies boolean,
  invoice_add: client.invoiceAdd({ sum: '1000.00' }).parse(200, '').id satisfies string | undefined,
  invoice_get: client.invoiceGet({ id: 12 }).parse(200, '').data_base64 satisfies string | undefined,
  act_get: client.actGet({ num: 'A-1' }).parse(200, '').size satisfies number | undefined,
  history: client.history({ format: 0 }).parse(200, '').messages[0]?.int_id satisfies number | undefined,
  incoming: client.incoming({ cnt: 10 }).parse(200, '').messages[0]?.id satisfies number | undefined,
  statistics: client.statistics({ start: '01.03.2026', end: '31.03.2026' }).parse(200, '').accounts[0]?.debit satisfies Money | undefined,
  rates: client.rates().parse(200, '').zones[0]?.api satisfies Money | undefined,
  operator_info: client.operatorInfo({ phone: ['79991234567'] }).parse(200, '').phones[0]?.mcc satisfies string | undefined,
  short_link: client.shortLink({ link: 'https://example.com' }).parse(200, '').clicks_today satisfies number | undefined,
} satisfies Record<OperationName, unknown>;
// Each operation above once and no more: a missing one would leave a key of OperationName out.
const everyName: Record<OperationName, unknown> = everyOperation;
// The channel types by name, for callers who build parameters ahead of the call.
const mailParams: SendEmailParams = { phones: 'a@example.com', sender: 'me@example.com', subj: 'Hi' };
const hlrParams: SendHlrParams = { phones: ['79991234567'], op: true };
const smsParams: SendSmsChannelParams = { phones: '79991234567', message: 'Hi', translit: 2 satisfies Translit };
const recipients: Phones = ['79991234567'];
client.sendEmail(mailParams);
client.sendHlr(hlrParams);
client.sendSms(smsParams);
void [everyName, recipients];

// What the generated declarations refuse.
// @ts-expect-error misspelt parameter (`mesage`)
client.sendSms({ phones: '79991234567', mesage: 'Hi' });
// @ts-expect-error misspelt parameter through prepare too
client.prepare('balance', { curency: true });
// @ts-expect-error translit is 0, 1 or 2
client.sendSms({ phones: '79991234567', message: 'Hi', translit: 3 });
// @ts-expect-error cost is 0 to 3
client.sendSms({ phones: '79991234567', message: 'Hi', cost: 4 });
// @ts-expect-error an e-mail needs a subject
client.sendEmail({ phones: 'a@example.com', message: 'Hi', sender: 'me@example.com' });
// @ts-expect-error an e-mail needs a sender address
client.sendEmail({ phones: 'a@example.com', message: 'Hi', subj: 'Hi' });
// @ts-expect-error an HLR query carries no text
client.sendHlr({ phones: '79991234567', message: 'Hi' });
// @ts-expect-error an SMS has no subject: that is for MMS and e-mail
client.sendSms({ phones: '79991234567', message: 'Hi', subj: 'Hi' });
// @ts-expect-error a price request implies cost=1
client.cost({ phones: '79991234567', message: 'Hi', cost: 2 });
// @ts-expect-error deleting takes no detail level
client.deleteMessage({ id: 1, phone: '79991234567', all: 1 });
// @ts-expect-error a mailing list needs a name
client.jobAdd({ phones: '79991234567', message: 'Hi' });
// @ts-expect-error a group is 0 (phones) or 1 (e-mail)
client.groupAdd({ name: 'VIP', type: 2 });
// @ts-expect-error an SMTP message's translit is 0, 1 or 2
client.smtpMessage({ phones: '79991234567', message: 'Hi', translit: 5 });
// @ts-expect-error results are read-only data with no unknown fields
client.balance().parse(200, '').balanse;

// A reliable send: the result type of the request, options typed.
const delivered: Promise<number> = deliver(client.sendSms({ phones: '79991234567', message: 'Hi', id: 'order-1' }), {
  maxAttempts: 3,
  timeoutMs: 10_000,
  deadlineMs: 60_000,
  onAttempt: (a) => console.log(a.purpose, a.number, a.request),
}).then((sent) => sent.sms_count);
const viaMethod: Promise<string> = client.balance().deliver().then((b) => b.balance);
const stopped = (err: unknown) => (err instanceof SmscError ? err.advice?.action : undefined);
// @ts-expect-error purposes are a closed set
deliver(client.balance(), { onAttempt: (a) => a.purpose === 'resend' });
// @ts-expect-error timeouts are numbers of milliseconds
deliver(client.balance(), { timeoutMs: '10s' });

const parts: number = segments('Hi', { pricePerPart: '2.35' }).parts;
const alphabet: 'gsm7' | 'ucs2' = segments('Hi').alphabet;
const normalized: string = normalizePhone('8 999 123 45 67').normalized;
// @ts-expect-error a price is exact text, not a float
segments('Hi', { pricePerPart: 2.35 });

const dated = [
  client.sendSms({ phones: '79991234567', message: 'Hi', time: new Date() }),
  client.history({ start: new Date(2026, 2, 1), end: '31.03.2026' }),
];
// @ts-expect-error a count is no date
client.history({ cnt: new Date() });

async function withFiles(): Promise<Response> {
  const m = await client.sendMms({ phones: '79991234567', message: 'Hi', subj: 'Photo' })
    .withFiles([new File([new Uint8Array([1])], 'a.jpg'), { name: 'b.png', data: new Uint8Array([2]), type: 'image/png' }]);
  return fetch(m.url, m);
}

async function countMessages(): Promise<number> {
  let n = 0;
  for await (const page of pages(client.history({ cnt: 100 }))) n += page.messages.length;
  return n;
}

void [withFiles, parts, alphabet, normalized, dated, countMessages, delivered, viaMethod, stopped, readOnly, next, checkFirst, delay, noAction, base, generic, names, init, method, headers, body, money, viaBytes, transport, errs, mail, wrong, jobId, listed];
