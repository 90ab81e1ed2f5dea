// Checks one fixture case against the package; shared by the Node and the browser suites, so it
// uses nothing but the package and plain JavaScript.

const KIND_CLASS = {
  invalid: 'InvalidArgumentError',
  api: 'ApiError',
  http: 'HttpError',
  parse: 'ParseError',
  signature: 'SignatureError',
};
// The class each of the core's reasons must arrive as; a reason missing here fails the case, so
// a new reason in the core needs its class in src/errors.js and src/api.js.
const REASON_CLASS = {
  parameters: 'ParametersError',
  auth: 'AuthError',
  insufficient_funds: 'InsufficientFundsError',
  ip_blocked: 'IpBlockedError',
  invalid_date: 'InvalidDateError',
  forbidden: 'ForbiddenError',
  invalid_phone: 'InvalidPhoneError',
  undeliverable: 'UndeliverableError',
  delete_failed: 'DeleteFailedError',
  rate_limited: 'RateLimitError',
  unknown: 'ApiError',
  save_failed: 'SaveFailedError',
  not_found: 'NotFoundError',
  operation_failed: 'OperationFailedError',
  subclient_not_found: 'SubclientNotFoundError',
  shared_balance: 'SharedBalanceError',
  code_already_sent: 'CodeAlreadySentError',
  invalid_code: 'InvalidCodeError',
};

function fail(why) {
  throw new Error(why);
}

function equal(a, b) {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && equal(a[k], b[k]));
}

function secrets(client) {
  return ['password', 'api_key'].map((k) => client?.[k]).filter((s) => typeof s === 'string' && s.length >= 4);
}

function checkError(smsc, err, want, c) {
  if (!(err instanceof Error) || !(err instanceof smsc.SmscError)) fail(`not an SmscError: ${err}`);
  const kindClass = KIND_CLASS[want.kind];
  if (!kindClass) fail(`kind ${want.kind} has no class in the test's table`);
  if (!(err instanceof smsc[kindClass])) fail(`${err.name} is not a ${kindClass}`);
  if (err.kind !== want.kind) fail(`kind ${err.kind} != ${want.kind}: ${err.message}`);
  if ('code' in want && err.code !== want.code) fail(`code ${err.code} != ${want.code}`);
  if ('reason' in want) {
    if (err.reason !== want.reason) fail(`reason ${err.reason} != ${want.reason}`);
    const cls = REASON_CLASS[want.reason];
    if (!cls) fail(`reason ${want.reason} has no class in the test's table`);
    if (!(err instanceof smsc[cls])) fail(`${err.name} is not a ${cls}`);
  }
  if ('field' in want && err.field !== want.field) fail(`field ${err.field} != ${want.field}`);
  if ('message' in want && !err.message.includes(want.message)) fail(`the message does not say ${JSON.stringify(want.message)}: ${err.message}`);
  if (err.messageId !== want.id) fail(`messageId ${err.messageId} != ${want.id}`);
  for (const s of secrets(c.client)) {
    if (err.message.includes(s) || String(err).includes(s)) fail('the error shows a secret');
  }
}

function checkCallback(smsc, c) {
  const { options = {}, ...body } = c.callback;
  const { content_type: contentType, ...rest } = options;
  let result;
  try {
    result = smsc.parseCallback(responseBody(body), { ...rest, contentType });
  } catch (err) {
    if (c.expect.result) fail(`expected a result, got ${err.name}: ${err.message}`);
    checkError(smsc, err, c.expect.error, c);
    return;
  }
  if (!c.expect.result) fail(`expected an error, got ${JSON.stringify(result)}`);
  if (!equal(result, c.expect.result)) fail(`result ${JSON.stringify(result)} != ${JSON.stringify(c.expect.result)}`);
}

/** Runs case `c` (parsed JSON) with the response body as bytes; throws on any mismatch. */
export function checkCase(smsc, c, body) {
  if (c.op === 'parse_callback') {
    checkCallback(smsc, c);
    return;
  }
  if (c.op === 'smtp_message') {
    let mail;
    try {
      mail = new smsc.Client(c.client).smtpMessage(c.params);
    } catch (err) {
      if (c.expect.result) fail(`expected a result, got ${err.name}: ${err.message}`);
      checkError(smsc, err, c.expect.error, c);
      return;
    }
    if (!c.expect.result) fail(`expected an error, got ${JSON.stringify(mail)}`);
    if (!equal(mail, c.expect.result)) fail(`result ${JSON.stringify(mail)} != ${JSON.stringify(c.expect.result)}`);
    return;
  }
  const want = c.expect;
  let request;
  try {
    request = new smsc.Client(c.client).prepare(c.op, c.params);
  } catch (err) {
    if (c.request) fail(`preparing failed: ${err.message}`);
    checkError(smsc, err, want.error, c);
    return;
  }
  if (!c.request) fail('expected the call to be refused');
  const r = c.request;
  if (request.method !== r.method) fail(`method ${request.method}`);
  if (request.url !== r.url) fail(`url ${request.url}`);
  if (!equal({ ...request.headers }, r.headers)) fail(`headers ${JSON.stringify(request.headers)}`);
  if ((request.body ?? null) !== r.body) fail(`body ${request.body}`);
  for (const s of secrets(c.client)) {
    if (String(request).includes(s) || JSON.stringify(request).includes(s)) fail('the request shows a secret');
  }
  let result;
  try {
    result = request.parse(c.response.status, body);
  } catch (err) {
    if (want.result) fail(`expected a result, got ${err.name}: ${err.message}`);
    checkError(smsc, err, want.error, c);
    for (const { attempt, ...fields } of c.advice ?? []) {
      const advice = request.advice(err, attempt);
      for (const [k, v] of Object.entries(fields)) {
        if (!equal(advice[k], v)) fail(`advice at attempt ${attempt}: ${k} is ${JSON.stringify(advice[k])}, want ${JSON.stringify(v)}`);
      }
    }
    return;
  }
  if (!want.result) fail(`expected an error, got ${JSON.stringify(result)}`);
  if (!equal(result, want.result)) fail(`result ${JSON.stringify(result)} != ${JSON.stringify(want.result)}`);
}

/** The body bytes of a case's response (text, or base64 for bytes that are not UTF-8). */
export function responseBody(response) {
  if ('body_base64' in response) return Uint8Array.from(atob(response.body_base64), (ch) => ch.charCodeAt(0));
  return new TextEncoder().encode(response.body);
}
