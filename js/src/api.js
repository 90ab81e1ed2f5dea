// The package itself, shared by both entry points: src/node.js (Node, Deno, Bun) and
// src/index.js (browsers, bundlers), which differ only in how they load the WebAssembly module.
// smsc-core builds SMSC requests and reads their answers; the HTTP call is yours (`fetch`,
// axios, undici…), or use `send()` below.
import {
  Client as NativeClient,
  operations,
  parseCallback as nativeParseCallback,
  segments as nativeSegments,
  normalizePhone as nativeNormalizePhone,
  transportFailure as nativeTransportFailure,
  takePanic,
  panicForTests as nativePanicForTests,
  moduleMemory as nativeMemory,
  __wbg_reset_state as resetInstance,
} from '../pkg/smsc_core.js';
import * as errors from './errors.js';
import { InternalError, InvalidArgumentError, SmscError, TransportError } from './errors.js';

// Error classes by the core's `kind`, and for SMSC codes by its `reason`: the core decides what
// an answer means, this only picks the class.
const BY_REASON = {
  parameters: errors.ParametersError,
  auth: errors.AuthError,
  insufficient_funds: errors.InsufficientFundsError,
  ip_blocked: errors.IpBlockedError,
  invalid_date: errors.InvalidDateError,
  forbidden: errors.ForbiddenError,
  invalid_phone: errors.InvalidPhoneError,
  undeliverable: errors.UndeliverableError,
  delete_failed: errors.DeleteFailedError,
  save_failed: errors.SaveFailedError,
  not_found: errors.NotFoundError,
  operation_failed: errors.OperationFailedError,
  subclient_not_found: errors.SubclientNotFoundError,
  shared_balance: errors.SharedBalanceError,
  code_already_sent: errors.CodeAlreadySentError,
  invalid_code: errors.InvalidCodeError,
  rate_limited: errors.RateLimitError,
};

const BY_KIND = {
  invalid: errors.InvalidArgumentError,
  api: errors.ApiError,
  http: errors.HttpError,
  parse: errors.ParseError,
  signature: errors.SignatureError,
  internal: errors.InternalError,
};

/** Turns an error the core threw (a plain `Error` with `kind`, `code`…) into its class. */
function fromNative(err) {
  if (err instanceof SmscError) return err;
  const Class = (err.kind === 'api' && BY_REASON[err.reason]) || BY_KIND[err.kind] || InternalError;
  return new Class(err.message, err);
}

// Counts the WebAssembly instances replaced after a trap; a Client rebuilds its native half when
// the instance it was made in is gone.
let generation = 0;

/**
 * Calls into the module. The core reports every failure as a thrown error with a `kind`; anything
 * else means the instance trapped (a panic: the wasm build has panic = "abort"). The trapped
 * instance is replaced by a fresh one, so the next call runs on clean memory, and the bug is
 * reported as `InternalError` with the panic message.
 */
function call(fn) {
  try {
    return fn();
  } catch (err) {
    if (err && typeof err.kind === 'string') throw fromNative(err);
    throw recover(err);
  }
}

function recover(err) {
  let why = null;
  try {
    why = takePanic() ?? null;
  } catch {
    // The trapped instance may refuse even this; the original error is reported instead.
  }
  try {
    resetInstance();
    generation += 1;
  } catch (resetErr) {
    return new InternalError(`internal error in smsc-core (a bug; please report it), and the module could not be restarted: ${resetErr?.message ?? resetErr}`);
  }
  const detail = why ?? (err && err.message ? `${err.name ?? 'Error'}: ${err.message}` : String(err));
  return new InternalError(`internal error in smsc-core (a bug; please report it): ${detail}`);
}

/** Panics inside the module on purpose (tests only; not exported by the entry points). */
export function panicForTests() {
  return call(() => nativePanicForTests());
}

/** Size in bytes of the module's linear memory (tests only; not exported by the entry points). */
export function wasmMemoryBytes() {
  return call(() => nativeMemory().buffer.byteLength);
}

/** Names of every operation, for `client.prepare(op, params)`; set by `ready()`. */
export let OPERATIONS = Object.freeze([]);

function invalidArgument(field, why) {
  return new InvalidArgumentError(`invalid argument \`${field}\`: ${why}`, { kind: 'invalid', field });
}

// What to write instead of a value JSON cannot carry as it is.
function notPlain(value) {
  switch (typeof value) {
    case 'bigint': return `${String(value).slice(0, 40)}n is a BigInt; give a Number or a string of digits`;
    case 'number': return `${value} is not a finite number; give a finite Number`;
    case 'function': return 'is a function; give its result instead (strings, numbers, booleans, arrays, objects)';
    default: return `${String(value).slice(0, 40)} is a ${typeof value}; give strings, numbers, booleans, arrays or objects`;
  }
}

/**
 * Plain data as JSON text for the module. JSON.stringify would silently drop functions and
 * turn NaN into null; those are refused, naming the key, so a wrong value never becomes a
 * missing one. A cycle or nesting deeper than the JS stack (TypeError, RangeError from
 * JSON.stringify itself) is refused too, as an InvalidArgumentError like every bad argument.
 */
function toJson(value, root) {
  // The common case, an object of strings, numbers and booleans, needs no replacer (which costs
  // a call per value): only nested or unusual values go the checking way.
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && flatAndPlain(value)) {
    return JSON.stringify(value);
  }
  try {
    return JSON.stringify(value ?? null, function check(key, v) {
      // A Date reaches here as its UTC text; the original is written with its local offset
      // instead, so that a day is the one the caller meant and a time still names its instant.
      const original = this[key];
      if (original instanceof Date) {
        if (Number.isNaN(original.getTime())) throw invalidArgument(key === '' ? root : key, 'is an invalid Date');
        return localIso(original);
      }
      const type = typeof v;
      if (type === 'function' || type === 'symbol' || type === 'bigint' || (type === 'number' && !Number.isFinite(v))) {
        throw invalidArgument(key === '' ? root : key, notPlain(v));
      }
      return v;
    }) ?? 'null';
  } catch (err) {
    if (err instanceof SmscError) throw err;
    const why = err instanceof RangeError
      ? 'nests too deeply; give a flat object of named values'
      : err instanceof TypeError && /circular|cyclic/i.test(err.message)
        ? 'refers to itself (a cycle); give plain data without cycles'
        : `cannot be read as plain data: ${err?.message ?? err}`;
    const wrapped = invalidArgument(root, why);
    wrapped.cause = err;
    throw wrapped;
  }
}

/** `date` in ISO 8601 in the local time zone, with its offset: `2026-12-02T17:00:00.000+03:00`. */
function localIso(date) {
  const pad = (n, width = 2) => String(Math.abs(n)).padStart(width, '0');
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
    + `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`
    + `${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}

/** Whether every value of `obj` is one JSON writes as it is: text, a finite number, a boolean, null. */
function flatAndPlain(obj) {
  for (const key in obj) {
    const v = obj[key];
    const type = typeof v;
    if (type === 'string' || type === 'boolean' || v === null || v === undefined) continue;
    if (type === 'number' && Number.isFinite(v)) continue;
    return false;
  }
  return true;
}

const inspect = Symbol.for('nodejs.util.inspect.custom');

// The HTTP status as the module takes it: a number as it is, anything else as NaN, which the
// module refuses with the error every language gives for a status that is not one.
const httpStatus = (status) => (typeof status === 'number' ? status : NaN);

// A body longer than this many characters is written into the module by the encoder (see
// `putLong`); a shorter one a character at a time, which costs less than setting the encoder up.
const LONG_TEXT = 1024;
const utf8 = new TextEncoder();

// A call's texts cross through the native client's own buffer in the module's memory (see
// bindings/wasm.rs, `Io`): written here, read there, and its output read back from there, so
// no string is allocated and freed in the module per call.
let memoryBytes = null;
// The same memory as a Node `Buffer`, where there is one: its `utf8Slice` reads short text
// faster than `TextDecoder`.
let memoryNode = null;
let memoryOf = -1;
const NodeBuffer = typeof Buffer === 'function' && typeof Buffer.prototype?.utf8Slice === 'function'
  ? Buffer
  : undefined;
const utf8Decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** The module's memory as bytes, looked up again once it has grown or the instance changed. */
function memory() {
  if (memoryOf !== generation || memoryBytes.byteLength === 0) {
    const { buffer } = nativeMemory();
    memoryBytes = new Uint8Array(buffer);
    memoryNode = NodeBuffer ? NodeBuffer.from(buffer) : null;
    memoryOf = generation;
  }
  return memoryBytes;
}

/**
 * Writes `text` as UTF-8 at `at`, where there is room for 3 bytes a character; returns its
 * length in bytes.
 */
function put(text, at) {
  const bytes = memory();
  const n = text.length;
  let i = 0;
  // ASCII a byte at a time, which for short text costs less than setting up encodeInto.
  for (; i < n; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x7f) break;
    bytes[at + i] = code;
  }
  if (i === n) return n;
  return i + utf8.encodeInto(text.slice(i), bytes.subarray(at + i, at + 3 * n)).written;
}

/** The native client's output of `len` bytes, as text. */
function output(native, len) {
  const at = native.outputAt();
  const bytes = memory();
  return memoryNode ? memoryNode.utf8Slice(at, at + len) : utf8Decoder.decode(bytes.subarray(at, at + len));
}

/** Prepares operation `op` with parameters `json` (text); the request's text. */
function prepareText(native, op, json) {
  const at = native.inputAt(3 * (op.length + json.length));
  const opLen = put(op, at);
  const len = native.prepareInput(opLen, put(json, at + opLen));
  return output(native, len);
}

/**
 * Writes a long `text` as UTF-8 at the native client's input, with room for it as ASCII first
 * (a page of history is), and more only should it not fit; returns its length in bytes. The
 * encoder writes straight into the module's memory: encoding into bytes of their own first and
 * copying those in took a tenth of a page's reading.
 */
function putLong(native, text) {
  let room = text.length;
  let at = native.inputAt(room);
  const { read, written } = utf8.encodeInto(text, memory().subarray(at, at + room));
  if (read === text.length) return written;
  // The rest at up to 3 bytes a character; what is written stays where it is as the room grows.
  room = written + 3 * (text.length - read);
  at = native.inputAt(room);
  return written + utf8.encodeInto(text.slice(read), memory().subarray(at + written, at + room)).written;
}

/**
 * The result of request `number` of `native` as JSON text, the answer's body a string,
 * `Uint8Array` or `ArrayBuffer`; `undefined` when the request is no longer kept.
 */
function parseAnswer(native, number, status, body) {
  let len;
  if (typeof body !== 'string') {
    const bytes = body instanceof Uint8Array ? body : new Uint8Array(body);
    len = bytes.length;
    const at = native.inputAt(len);
    // After `inputAt`, which may have grown the memory.
    memory().set(bytes, at);
  } else if (body.length > LONG_TEXT) {
    len = putLong(native, body);
  } else {
    len = put(body, native.inputAt(3 * body.length));
  }
  const out = native.parseInput(number, status, len);
  return out === undefined ? undefined : output(native, out);
}

/**
 * A request ready for any HTTP client: `fetch(req.url, req)` works as is. Its fields are
 * getters, so logging the object shows only the redacted form, never the password. The
 * credentials are not kept here: the client's native half adds them to the body and keeps them
 * out of every error text.
 */
export class Request {
  #op;
  #params;
  #text;
  #number;
  #owner;
  #native;

  /**
   * @param {string} op the operation name
   * @param {string} params its parameters as JSON text, to prepare the request again should the
   *   client no longer keep it
   * @param {string} text the prepared request as the core writes it: the number the client
   *   keeps it under, method, effect, content type, URL and body, separated by line breaks
   *   (none of them holds one but the body)
   * @param {() => object} native returns the client's native half
   */
  constructor(op, params, text, native) {
    this.#op = op;
    this.#params = params;
    this.#text = text;
    this.#number = Number(text.slice(0, text.indexOf('\n')));
    this.#native = native;
    this.#owner = native();
  }

  // The `n`-th field of the prepared text (the body is the rest).
  #field(n) {
    const text = this.#text;
    let start = 0;
    for (let i = 0; i < n; i++) start = text.indexOf('\n', start) + 1;
    if (n === 5) return text.slice(start);
    return text.slice(start, text.indexOf('\n', start));
  }

  /**
   * Runs `fn(native, number)` on the request the client keeps for this one. The client keeps
   * its recent requests only (and a replaced instance none): one it no longer has is prepared
   * again from the operation and parameters, and `fn` asked once more.
   */
  #kept(fn) {
    return call(() => {
      const native = this.#native();
      if (native === this.#owner) {
        const out = fn(native, this.#number);
        if (out !== undefined) return out;
      }
      this.#number = native.restore(this.#op, this.#params);
      this.#owner = native;
      return fn(native, this.#number);
    });
  }

  /** `"POST"` or `"GET"`. */
  get method() { return this.#field(1); }
  /** The full URL (with GET it carries the parameters, credentials included). */
  get url() { return this.#field(4); }
  /** Headers to send, as a plain object. */
  get headers() {
    const type = this.#field(3);
    return type === '' ? {} : { 'Content-Type': type };
  }
  /** The form body with POST, `undefined` with GET. */
  get body() { return this.method === 'GET' ? undefined : this.#field(5); }
  /** The operation name. */
  get operation() { return this.#op; }
  /** What it does to the account: `read`, `idempotent`, `send` or `create`. */
  get effect() { return this.#field(2); }

  /** Interprets the answer: HTTP status and body (string, Uint8Array or ArrayBuffer). */
  parse(status, body) {
    status = httpStatus(status);
    if (typeof body !== 'string' && !(body instanceof Uint8Array) && !(body instanceof ArrayBuffer)) {
      throw invalidArgument('body', 'the body must be a string, Uint8Array or ArrayBuffer');
    }
    const text = this.#kept((native, number) => parseAnswer(native, number, status, body));
    return JSON.parse(text);
  }

  /**
   * What to do after attempt `attempt` (1 for the first) of this request failed with `err`: an
   * `SmscError` (a `TransportError` included) or whatever the HTTP client threw. Returns
   * `{action, retry, delay_ms, next_attempt, host, base_url, reason, status_check?}`.
   */
  advice(err, attempt = 1) {
    const failure = JSON.stringify(failureOf(err));
    return JSON.parse(this.#kept((native, number) => native.advice(number, failure, attempt)));
  }

  /** The same request sent to another base address, such as an advice's `base_url`. */
  at(baseUrl) {
    const text = this.#kept((native, number) => native.prepareAt(number, String(baseUrl)));
    return new Request(this.#op, this.#params, text, this.#native);
  }

  /**
   * Sends this request until it has a result, following the retry advice (see `deliver`).
   * @returns {Promise<any>}
   */
  async deliver(options = {}) {
    return (await this.#deliverPage(options)).result;
  }

  /**
   * This request's page and the pages after it, each delivered as `deliver` does (see `pages`).
   * @returns {AsyncGenerator<any>}
   */
  async *pages(options = {}) {
    for (let request = this; request !== undefined;) {
      const { result, nextPage } = await request.#deliverPage(options);
      yield result;
      request = nextPage === undefined ? undefined : request.#at(nextPage);
    }
  }

  /** The request of the same operation with `change` applied to its parameters. */
  #at(change) {
    const params = JSON.stringify({ ...JSON.parse(this.#params), ...change });
    const text = call(() => prepareText(this.#native(), this.#op, params));
    return new Request(this.#op, params, text, this.#native);
  }

  /** Delivers this request: `{result, nextPage}`, the latter where a paged list goes on. */
  async #deliverPage(options) {
    const {
      fetch: fetchFn = globalThis.fetch,
      maxAttempts,
      timeoutMs,
      deadlineMs,
      onAttempt,
      signal,
      sleep = pause,
      now = () => performance.now(),
    } = options ?? {};
    const json = toJson({ maxAttempts, timeoutMs, deadlineMs }, 'options');
    const owner = generation;
    const delivery = this.#kept((native, number) => native.deliver(number, json));
    try {
      let failure;
      let transport = 'other';
      for (;;) {
        signal?.throwIfAborted();
        const step = JSON.parse(call(() => delivery.next(now())));
        if (step.step === 'send') {
          onAttempt?.({
            operation: step.operation,
            purpose: step.purpose,
            number: step.attempt,
            timeoutMs: step.timeout_ms,
            request: step.redacted,
          });
          let status;
          let body;
          try {
            const timeout = AbortSignal.timeout(step.timeout_ms);
            const response = await fetchFn(step.url, {
              method: step.method,
              headers: step.content_type ? { 'Content-Type': step.content_type } : {},
              body: step.body ?? undefined,
              signal: signal ? anySignal([signal, timeout]) : timeout,
            });
            status = response.status;
            body = new Uint8Array(await response.arrayBuffer());
          } catch (err) {
            // The caller's own abort ends the delivery; so does an error that is no transport failure.
            if (signal?.aborted) throw err;
            const kind = transportOf(err);
            if (kind === undefined) throw err;
            failure = err;
            transport = kind;
            call(() => delivery.noAnswer(kind));
            continue;
          }
          failure = undefined;
          call(() => delivery.answer(httpStatus(status), body));
        } else if (step.step === 'wait') {
          await sleep(step.delay_ms, signal);
        } else if (step.step === 'done') {
          return { result: step.result, nextPage: step.next_page };
        } else {
          let error;
          if (step.error) {
            error = fromNative(step.error);
          } else {
            error = new TransportError(`no answer to the ${this.#op} request: ${failure?.message ?? failure}`, { kind: 'transport', transport });
            error.cause = failure;
          }
          error.advice = step.advice;
          throw error;
        }
      }
    } finally {
      // A handle of a replaced instance is never freed into the new one.
      if (generation === owner) delivery.free();
    }
  }

  /**
   * This request with files, as a `multipart/form-data` body: each a `File`, or
   * `{name, data, type?}` with `data` a `Uint8Array`, `ArrayBuffer` or `Blob`. Resolves to
   * `{method: 'POST', url, headers, body}`, which `fetch(m.url, m)` sends as it is; read the
   * answer with this request's `parse`.
   * @returns {Promise<{method: 'POST', url: string, headers: Record<string, string>, body: Uint8Array}>}
   */
  async withFiles(files, { boundary } = {}) {
    if (!Array.isArray(files)) throw invalidArgument('files', 'give an array of files: File objects or {name, data}');
    const metas = [];
    const data = [];
    for (const [i, file] of files.entries()) {
      const at = `files[${i}]`;
      const isBlob = typeof Blob !== 'undefined' && file instanceof Blob;
      const name = file?.name;
      if (typeof name !== 'string') throw invalidArgument(at, 'a file needs a name: give a File, or {name, data}');
      const content = isBlob ? file : file.data;
      let bytes;
      if (content instanceof Uint8Array) bytes = content;
      else if (content instanceof ArrayBuffer) bytes = new Uint8Array(content);
      else if (typeof Blob !== 'undefined' && content instanceof Blob) bytes = new Uint8Array(await content.arrayBuffer());
      else throw invalidArgument(at, 'the content must be a Uint8Array, an ArrayBuffer or a Blob');
      const type = file.type || undefined;
      if (type !== undefined && typeof type !== 'string') throw invalidArgument(at, 'the type must be a string');
      metas.push({ name, content_type: type });
      data.push(bytes);
    }
    if (boundary !== undefined && typeof boundary !== 'string') throw invalidArgument('boundary', 'must be a string');
    const json = JSON.stringify(metas);
    const out = this.#kept((native, number) => native.withFiles(number, json, data, boundary));
    return { method: 'POST', url: out.url, headers: { 'Content-Type': out.contentType }, body: out.body };
  }

  /** The request on one line, credentials replaced by `***`. */
  #redacted() {
    return this.#kept((native, number) => native.redacted(number));
  }

  toString() {
    return `Request(${this.#op}: ${this.#redacted()})`;
  }

  toJSON() {
    return { operation: this.#op, request: this.#redacted() };
  }

  [inspect]() {
    return this.toString();
  }
}

/** An SMSC client: credentials and where requests go. It holds no connection. */
export class Client {
  #native;
  #generation;
  #config;
  // The native half as its requests reach it, made once rather than per request.
  #getNative = () => this.#client();

  /**
   * @param {object} config `{login, password}` or `{apiKey}`; optional `host`
   * (`"smsc.ru"` default, `"smscentre.com"`…), `baseUrl`, `method` (`"POST"`/`"GET"`),
   * `format` (`"json"`/`"text"`/`"csv"`/`"xml"`).
   */
  constructor(config) {
    const json = toJson(config, 'config');
    this.#native = call(() => new NativeClient(json));
    this.#generation = generation;
    // Kept to rebuild the native client should the module ever be restarted after a trap.
    this.#config = json;
  }

  /** The native client, rebuilt when the instance it lived in was replaced. */
  #client() {
    if (this.#generation !== generation) {
      this.#native = new NativeClient(this.#config);
      this.#generation = generation;
    }
    return this.#native;
  }

  /** The base address requests go to. */
  get baseUrl() { return call(() => this.#client().baseUrl); }

  /** Builds the request of any operation by name (see `OPERATIONS`). */
  prepare(op, params) {
    const json = toJson(params, 'params');
    const name = String(op);
    const text = call(() => prepareText(this.#client(), name, json));
    return new Request(name, json, text, this.#getNative);
  }

  /**
   * Builds the e-mail that sends a message through SMSC's SMTP route: `{to, server, headers,
   * body}` for your SMTP client (nodemailer…).
   */
  smtpMessage(params) {
    const json = toJson(params, 'params');
    return JSON.parse(call(() => this.#client().smtpMessage(json)));
  }

  toString() { return `Client(${this.baseUrl})`; }
  toJSON() { return { baseUrl: this.baseUrl }; }
  [inspect]() { return this.toString(); }
}

// Every operation of the core is a method named in camelCase (`send_sms` → `sendSms`), made
// from the core's own list, so an operation added to the core needs no code here; its types are
// declared in index.d.ts.
const camel = (name) => name.replace(/_([a-z])/g, (_, c) => c.toUpperCase());

/**
 * Finishes loading once the entry point has instantiated the module: reads the operation list
 * and gives Client a method per operation. Internal; the entry points call it once.
 */
export function ready() {
  if (OPERATIONS.length > 0) return;
  OPERATIONS = Object.freeze(call(() => operations()));
  for (const op of OPERATIONS) {
    const name = camel(op);
    // A method named after the operation, so stack traces read `Client.sendSms`.
    const method = { [name](params) { return this.prepare(op, params); } }[name];
    Object.defineProperty(Client.prototype, name, { value: method, writable: true, configurable: true });
  }
}

/**
 * Reads a notification SMSC posted to your handler address: the raw POST body (string,
 * Uint8Array or ArrayBuffer). `kind` tells what it is: `"status"`, `"incoming"` or
 * `"call_confirmation"`. With `secret` (given as `md5=…`, `sha1=…` or `crc32=…` in the handler
 * address) a notification without a matching checksum throws `SignatureError`.
 */
export function parseCallback(body, options = {}) {
  // Options pass through whole, so the core refuses a misspelt one instead of ignoring it.
  const { contentType, ...rest } = options ?? {};
  const json = toJson({ ...rest, content_type: contentType }, 'options');
  return JSON.parse(call(() => nativeParseCallback(body, json)));
}

/**
 * Sends `request` with `fetch` (the global one unless given) and returns the parsed result.
 * A network failure is a `TransportError`; every answer goes through `request.parse`.
 */
export async function send(request, { fetch: fetchFn = globalThis.fetch, signal } = {}) {
  let status;
  let body;
  try {
    const response = await fetchFn(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal,
    });
    status = response.status;
    // A connection cut while the body arrives is no answer either.
    body = new Uint8Array(await response.arrayBuffer());
  } catch (err) {
    // Whatever fetch threw, no answer came: a failure the core cannot name is `other`.
    throw new TransportError(`no answer to the ${request.operation} request: ${err?.message ?? err}`, { kind: 'transport', transport: transportOf(err) ?? 'other' });
  }
  return request.parse(status, body);
}

/**
 * How `text` is split into SMS, offline: `{alphabet, characters, units, parts, part_size,
 * remaining, ucs2_because?, price?}`. With `pricePerPart` (a decimal string such as `'2.35'`)
 * `price` is the exact price for `recipients` (1 by default).
 */
export function segments(text, { pricePerPart, recipients } = {}) {
  if (typeof text !== 'string') throw invalidArgument('text', 'must be a string');
  if (pricePerPart !== undefined && typeof pricePerPart !== 'string') {
    throw invalidArgument('pricePerPart', "give the price as a decimal string such as '2.35'");
  }
  if (recipients !== undefined && !(Number.isInteger(recipients) && recipients >= 1 && recipients <= 0xffffffff)) {
    throw invalidArgument('recipients', 'must be a whole number, 1 or more');
  }
  return JSON.parse(call(() => nativeSegments(text, pricePerPart, recipients)));
}

/** Checks and normalises one phone number, offline: `{valid, normalized, reason?}`. */
export function normalizePhone(phone) {
  if (typeof phone !== 'string') throw invalidArgument('phone', 'must be a string');
  return JSON.parse(call(() => nativeNormalizePhone(phone)));
}

/**
 * Sends `request` until it has a result, following the core's retry advice: a read is repeated
 * after the advised delay (on the backup host from the third attempt), a send with your own `id`
 * is looked up with status.php before it is ever sent again, a send without one is never
 * repeated. Options: `fetch`, `maxAttempts`, `timeoutMs` (per exchange, 30 s by default),
 * `deadlineMs` (the whole delivery), `onAttempt` (called before each exchange with
 * `{operation, purpose, number, timeoutMs, request}`, the request redacted), `signal`, and
 * `sleep(ms, signal)` and `now()` to replace the timers and the clock. When the advice is to
 * stop, the last error is thrown with the advice as its `advice`.
 */
export function deliver(request, options) {
  return request.deliver(options);
}

/**
 * The pages of a paged list (`history`, `incoming`, `contacts`) from `request` on, each
 * delivered as `deliver` does (with its options, `deadlineMs` per page), until the last:
 * `for await (const page of pages(client.history({ cnt: 100 }))) …`.
 */
export function pages(request, options) {
  return request.pages(options);
}

/** Waits `ms`; an abort of `signal` ends the wait with its reason. */
function pause(ms, signal) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    function onAbort() {
      clearTimeout(timer);
      reject(signal.reason);
    }
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** A signal aborted when any of `signals` is (`AbortSignal.any` where the runtime has it). */
function anySignal(signals) {
  if (typeof AbortSignal.any === 'function') return AbortSignal.any(signals);
  const controller = new AbortController();
  for (const s of signals) {
    if (s.aborted) {
      controller.abort(s.reason);
      break;
    }
    s.addEventListener('abort', () => controller.abort(s.reason), { once: true });
  }
  return controller.signal;
}

/**
 * The names the core reads to tell what a failure of `fetch` means (its table is in
 * src/transports.rs, shared with Python): the `name` and `code` of the error and of each
 * `cause` (Node puts undici's and libuv's codes there), and `TypeError: <message>` for the
 * `TypeError` by which fetch reports a network failure.
 */
function errorNames(err) {
  const names = [];
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 6; e = e.cause, depth += 1) {
    if (typeof e.name === 'string') names.push(e.name === 'TypeError' ? `TypeError: ${e.message}` : e.name);
    if (typeof e.code === 'string') names.push(e.code);
  }
  return names;
}

/** How a fetch failed, in the words of the retry advice; `undefined` when it is not a transport failure. */
function transportOf(err) {
  return call(() => nativeTransportFailure(JSON.stringify(errorNames(err))));
}

/** The fields the advice reads from a failure. */
function failureOf(err) {
  if (err && typeof err.kind === 'string') {
    return { kind: err.kind, code: err.code ?? null, transport: err.transport ?? null };
  }
  const transport = transportOf(err);
  if (transport !== undefined) return { kind: 'transport', transport };
  throw new InvalidArgumentError('invalid argument `failure`: give the error the request or the HTTP client threw (fetch, Node and undici failures are read); this one is not a transport failure', { kind: 'invalid', field: 'failure' });
}
