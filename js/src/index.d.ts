// Types of the smsc-core npm package. The parameters and result of every operation, the
// `Operations` map, the retry advice, the notifications and the SMTP message are generated from
// the core's description into ./operations.d.ts; this file adds what only the JS wrapper has
// (its camelCase settings, `Request`, `Client`, the error classes).

import type {
  Advice, Callback, Operations, PhoneCheck, Segments, SmtpMessage, SmtpParams, TemplateAddParams,
} from './operations.js';

export * from './operations.js';

/** The parameters of `cost`: those of a send, without `cost` (a price request implies it). */
export type CostParams = Operations['cost'][0];
/** The parameters of `delete_message`: `id` and `phone`, or `messages`. */
export type DeleteParams = Operations['delete_message'][0];
/** The message formats a template may be for (`""`: not specified). */
export type TemplateFormat = NonNullable<TemplateAddParams['format']>;

export interface ClientConfig {
  login?: string;
  /** The password, or the lower-case MD5 hash of it. */
  password?: string;
  /** Sent instead of login and password. */
  apiKey?: string;
  /** `"smsc.ru"` (default), `"smscentre.com"`, `"smsc.kz"`, `"www2.smsc.ru"`… */
  host?: string;
  /** Any base address, e.g. `"http://127.0.0.1:8080"`; wins over `host`. Plain `http://` is
   * accepted only to this machine unless `allowHttp` is set. */
  baseUrl?: string;
  /** Accept a plain `http://` base address to another machine (the password then travels
   * unencrypted). Off by default. */
  allowHttp?: boolean;
  /** `"POST"` (default: credentials stay out of URLs) or `"GET"`. */
  method?: 'POST' | 'GET';
  /** Answer format asked for: `"json"` (default), `"text"` (fmt=0), `"csv"` (fmt=1) or `"xml"` (fmt=2). */
  format?: 'json' | 'text' | 'csv' | 'xml';
  /** Delays and limits of `Request.advice`. */
  retry?: RetryPolicy;
}

/** Delays and limits of the retry advice; every field is optional. */
export interface RetryPolicy {
  /** The wait after the first failed attempt (default 1000 ms); it doubles with each further one. */
  baseDelayMs?: number;
  /** The longest wait (default 30000 ms). */
  maxDelayMs?: number;
  /** The wait after code 9 on a read (default 60000 ms). */
  rateLimitDelayMs?: number;
  /** Attempts in all, the first included (default 5). */
  maxAttempts?: number;
  /** The attempt from which the backup host `www2.<domain>` is used (default 3). */
  backupFromAttempt?: number;
}

export type OperationName = keyof Operations;
export declare const OPERATIONS: readonly OperationName[];

/** `send_sms` → `sendSms`. */
export type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S;

/**
 * The per-operation methods of `Client`: `client.sendSms(params)` is
 * `client.prepare('send_sms', params)`. Parameters may be left out where every one is optional.
 */
export type OperationMethods = {
  [K in keyof Operations as CamelCase<K>]: {} extends Operations[K][0]
    ? (params?: Operations[K][0]) => Request<Operations[K][1]>
    : (params: Operations[K][0]) => Request<Operations[K][1]>;
};

export type Body = string | Uint8Array | ArrayBuffer;

/** A request ready for any HTTP client; `fetch(req.url, req)` works as is. */
export declare class Request<R = unknown> {
  /** Requests are made by `Client`, never directly. */
  private constructor();
  readonly method: 'POST' | 'GET';
  readonly url: string;
  readonly headers: Record<string, string>;
  /**
   * The form body with POST, `undefined` with GET. Declared optional so that `fetch(req.url, req)`
   * also compiles under `exactOptionalPropertyTypes`, where `RequestInit.body` refuses `undefined`.
   */
  readonly body?: string;
  readonly operation: string;
  /** What it does to the account: an HTTP client should not repeat a `send` or `create` by itself. */
  readonly effect: 'read' | 'idempotent' | 'send' | 'create';
  /** Interprets the answer; throws an `SmscError` subclass on any failure. */
  parse(status: number, body: Body): R;
  /**
   * What to do after attempt `attempt` (default 1) failed with `err`: an `SmscError` (a
   * `TransportError` included) or whatever `fetch` threw. Throws `InvalidArgumentError` for an
   * error that is no transport failure (a bug in the calling code), which is never advised.
   */
  advice(err: unknown, attempt?: number): Advice;
  /** The same request sent to another base address, such as an advice's `base_url`. */
  at(baseUrl: string): Request<R>;
  /**
   * This request with files, as a `multipart/form-data` body that `fetch(m.url, m)` sends as it
   * is. Checked before a body exists: the operation must take files, none empty, names without
   * directories, the documented types and sizes (sender documents at most 3 MB).
   */
  withFiles(files: ReadonlyArray<File | FileData>, options?: { boundary?: string }): Promise<MultipartRequest>;
  /** Sends the request until it has a result, following the retry advice (see `deliver`). */
  deliver(options?: DeliverOptions): Promise<R>;
  /** This page of a paged list and the pages after it (see `pages`). */
  pages(options?: DeliverOptions): AsyncGenerator<R, void, undefined>;
  toString(): string;
  toJSON(): { operation: string; request: string };
}

/** A file given by name and content. */
export interface FileData {
  name: string;
  data: Uint8Array | ArrayBuffer | Blob;
  /** The media type; by default the one the name's extension names. */
  type?: string;
}

/** A request with files: POST `url` with `headers` and `body`. */
export interface MultipartRequest {
  readonly method: 'POST';
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: Uint8Array<ArrayBuffer>;
}

/** An SMSC client: credentials and where requests go. It holds no connection. */
export declare class Client {
  /** Throws `InvalidArgumentError` for missing or contradictory settings. */
  constructor(config: ClientConfig);
  /** The base address requests go to, e.g. `"https://smsc.ru"`. */
  readonly baseUrl: string;
  /** Builds the request of any operation by name; throws `InvalidArgumentError` for bad input. */
  prepare<K extends OperationName>(op: K, params?: Operations[K][0]): Request<Operations[K][1]>;
  /** Builds the e-mail for SMSC's SMTP route. */
  smtpMessage(params: SmtpParams): SmtpMessage;
  toString(): string;
  toJSON(): { baseUrl: string };
}
/** One method per operation (`balance`, `sendSms`, `cost`, `status`, …), see `Operations`. */
export interface Client extends OperationMethods {}

/**
 * How to read and check a notification. Declared here rather than generated: the wrapper takes
 * `contentType` and hands it to the core as `content_type`.
 */
export interface CallbackOptions {
  /** The secret given as `md5=…`, `sha1=…` or `crc32=…` in the handler address. */
  secret?: string;
  /** The `charset` of the handler address (SMSC's default is windows-1251). */
  charset?: string;
  /** The notification's Content-Type, when known. */
  contentType?: string;
}

/** How `text` is split into SMS, offline; with `pricePerPart` (decimal text) its exact `price`. */
export declare function segments(text: string, options?: { pricePerPart?: string; recipients?: number }): Segments;

/** Checks and normalises one phone number, offline (`8…` becomes `7…`, separators go). */
export declare function normalizePhone(phone: string): PhoneCheck;

/** Reads a notification SMSC posted to your handler address (the raw POST body). */
export declare function parseCallback(body: Body, options?: CallbackOptions): Callback;

export interface SendOptions {
  fetch?: typeof globalThis.fetch;
  signal?: AbortSignal;
}

/** Sends the request with fetch and returns the parsed result. */
export declare function send<R>(request: Request<R>, options?: SendOptions): Promise<R>;

/** One exchange about to be made, given to `onAttempt`; nothing in it carries credentials. */
export interface Attempt {
  /** The operation delivered (`"send_sms"`…). */
  readonly operation: string;
  /** The request itself, or status.php asked whether a send whose answer was lost went out. */
  readonly purpose: 'request' | 'status_check';
  /** Its number among the attempts of its purpose, 1 for the first. */
  readonly number: number;
  /** The milliseconds the exchange may take. */
  readonly timeoutMs: number;
  /** The request on one line, credentials replaced by `***`. */
  readonly request: string;
}

export interface DeliverOptions {
  fetch?: typeof globalThis.fetch;
  /** Attempts in all, the first included (the client's `retry.maxAttempts` by default). */
  maxAttempts?: number;
  /** The longest one exchange may take (30 000 ms by default). */
  timeoutMs?: number;
  /** The longest the whole delivery may take, waits included. */
  deadlineMs?: number;
  /** Called before each exchange (for logs). */
  onAttempt?: (attempt: Attempt) => void;
  /** Ends the delivery when aborted: the wait or the exchange under way rejects with its reason. */
  signal?: AbortSignal;
  /** Replaces the timers (tests). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Replaces the monotonic clock, in ms (tests). */
  now?: () => number;
}

/**
 * Sends `request` until it has a result, following the core's retry advice: a read is repeated
 * after the advised delay (on the backup host from the third attempt), a send with your own `id`
 * is looked up with status.php before it is ever sent again, a send without one is never
 * repeated. When the advice is to stop, the last error is thrown with that advice as `advice`.
 * A send that status.php shows went out is not sent again: its result is what status.php
 * reports (id, parts, cost).
 */
export declare function deliver<R>(request: Request<R>, options?: DeliverOptions): Promise<R>;

/**
 * The pages of a paged list (`history`, `incoming`, `contacts`) from `request` on, each
 * delivered as `deliver` does (`deadlineMs` per page), until the last.
 */
export declare function pages<R>(request: Request<R>, options?: DeliverOptions): AsyncGenerator<R, void, undefined>;

export type ErrorKind = 'invalid' | 'api' | 'http' | 'parse' | 'signature' | 'internal' | 'transport';
export type Reason =
  | 'parameters' | 'auth' | 'insufficient_funds' | 'ip_blocked' | 'invalid_date' | 'delete_failed'
  | 'save_failed' | 'forbidden' | 'invalid_phone' | 'undeliverable' | 'rate_limited' | 'unknown'
  | 'not_found' | 'operation_failed' | 'subclient_not_found' | 'shared_balance' | 'code_already_sent'
  | 'invalid_code';

export interface ErrorDetails {
  kind?: ErrorKind;
  code?: number;
  reason?: Reason;
  field?: string;
  messageId?: string;
  transport?: 'refused' | 'reset' | 'timeout' | 'closed' | 'other';
}

export declare class SmscError extends Error {
  constructor(message: string, details?: ErrorDetails);
  readonly kind: ErrorKind;
  /** SMSC error code (kind `api`) or HTTP status (kind `http`). */
  readonly code?: number;
  readonly reason?: Reason;
  /** The argument at fault (kind `invalid`). */
  readonly field?: string;
  /** The message id SMSC attached to a send error. */
  readonly messageId?: string;
  /** Set by `deliver` on the error that ended a delivery: what to do now. */
  advice?: Advice;
}
export declare class InvalidArgumentError extends SmscError {}
export declare class ApiError extends SmscError {}
export declare class ParametersError extends ApiError {}
export declare class AuthError extends ApiError {}
export declare class InsufficientFundsError extends ApiError {}
export declare class IpBlockedError extends ApiError {}
export declare class InvalidDateError extends ApiError {}
export declare class ForbiddenError extends ApiError {}
export declare class InvalidPhoneError extends ApiError {}
export declare class UndeliverableError extends ApiError {}
export declare class DeleteFailedError extends ApiError {}
export declare class SaveFailedError extends ApiError {}
/** Code 3: what the request names does not exist (no records, no such sender, no operator for the number, no such short link). */
export declare class NotFoundError extends ApiError {}
export declare class OperationFailedError extends ApiError {}
export declare class SubclientNotFoundError extends ApiError {}
export declare class SharedBalanceError extends ApiError {}
export declare class CodeAlreadySentError extends ApiError {}
export declare class InvalidCodeError extends ApiError {}
export declare class RateLimitError extends ApiError {}
export declare class HttpError extends SmscError {}
export declare class ParseError extends SmscError {}
export declare class SignatureError extends SmscError {}
export declare class InternalError extends SmscError {}
export declare class TransportError extends SmscError {
  /** How the connection failed. */
  readonly transport: 'refused' | 'reset' | 'timeout' | 'closed' | 'other';
}
