// Compiled with `tsc --noEmit` by ../types.test.js: the declarations in src/index.d.ts must accept
// every documented use and refuse the wrong ones (each `@ts-expect-error` must find an error).
import {
  Client, Request, send, parseCallback, OPERATIONS,
  SmscError, InvalidArgumentError, ApiError, AuthError, RateLimitError, InsufficientFundsError,
  HttpError, ParseError, InternalError, TransportError, SignatureError,
  type Balance, type SendResult, type CostResult, type StatusResult, type DeleteResult,
  type Money, type OperationName, type Callback, type SmtpMessage,
  type JobAddResult, type ListedRecord, type HistoryResult, NotFoundError, type Advice, type RetryPolicy,
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

void [readOnly, next, checkFirst, delay, noAction, base, generic, names, init, method, headers, body, money, viaBytes, transport, errs, mail, wrong, jobId, listed];
