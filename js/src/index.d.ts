// Types of the smsc-core npm package. Data keys are the same in every language (snake_case, as
// the SMSC API writes them); money is an exact decimal string.

/** A decimal amount exactly as SMSC wrote it, e.g. `"250.80"`. */
export type Money = string;

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

/**
 * What to do after a failed attempt: `retry` (send `request.at(base_url)` after `delay_ms`),
 * `check_status` (first `client.prepare('status', status_check)`; send again only if every
 * message has status -3, not found), `check_by_hand` or `stop` (never send again).
 */
export interface Advice {
  action: 'retry' | 'check_status' | 'check_by_hand' | 'stop';
  /** Whether the request may be sent again at all (directly, or after the status check). */
  retry: boolean;
  delay_ms: number;
  next_attempt: number;
  host: string;
  base_url: string;
  /** Why, for logs; never holds credentials. */
  reason: string;
  status_check?: { messages: { id: string; phone: string }[] };
}

export type Phones = string | string[];
export type MessageId = number | string;

export interface BalanceParams {
  /** Add the account currency to the answer. */
  currency?: boolean;
}

export interface SendSmsParams {
  phones?: Phones;
  /** At most 1000 characters; required unless `list` is given. */
  message?: string;
  sender?: string;
  /** 0 none, 1 translit, 2 "mpaHc/Ium". */
  translit?: 0 | 1 | 2;
  tinyurl?: boolean;
  /** `DDMMYYhhmm`, `DD.MM.YY hh:mm`, `h1-h2`, `0<unix time>` or `+<minutes>`. */
  time?: string;
  /** Hours relative to Moscow. */
  tz?: number;
  /** Hours to spread the sending over (0.1–720). */
  period?: number;
  /** Minutes between batches (1–1440), with `period`. */
  freq?: number;
  flash?: boolean;
  /** 1–2147483647, or up to 40 of `[A-Za-z0-9._-]`. */
  id?: MessageId;
  /** Lifetime: whole hours 1–24 or `"hh:mm"`. */
  valid?: string;
  maxsms?: number;
  /** 0 send, 1 price only, 2 send + cost, 3 send + cost + balance. */
  cost?: 0 | 1 | 2 | 3;
  err?: boolean;
  op?: boolean;
  userip?: string;
  /** WAP-push: `message` holds the link and the title on two lines (SMS only). */
  push?: boolean;
  /** Binary SMS: 1 binary text, 2 hex string (SMS only). */
  bin?: 0 | 1 | 2;
  /** Subject (MMS, e-mail). */
  subj?: string;
  /** Address of a file the server fetches (MMS, e-mail, call). */
  fileurl?: string;
  /** Call voice: m, m2, m3, m4, w, w2, w3, w4, optionally `,<language>`. */
  voice?: string;
  /** Call settings `"<wait>,<interval>,<attempts>"`. */
  param?: string;
  /** Telegram bot, `@name_bot`. */
  bot?: string;
  /** Different texts to different recipients, instead of `phones` and `message` (SMS only). */
  list?: ListEntry[];
}

export interface ListEntry {
  phones: Phones;
  /** One line of text. */
  message: string;
}

/** An HLR query or ping-SMS: recipients only. */
export type SendHlrParams = Pick<SendSmsParams, 'phones' | 'id' | 'time' | 'tz' | 'cost' | 'err' | 'op' | 'userip'>;
/** An MMS: text, a subject or a file. */
export type SendMmsParams = Omit<SendSmsParams, 'message' | 'flash' | 'push' | 'bin' | 'voice' | 'param' | 'bot'> & { message?: string };
/** An e-mail: `phones` are addresses; `sender` (an address) and `subj` are required. */
export type SendEmailParams = Omit<SendSmsParams, 'flash' | 'push' | 'bin' | 'voice' | 'param' | 'bot'> & { sender: string; subj: string };
/** A voice call: the text is spoken, or `fileurl` is played. */
export type SendCallParams = Omit<SendSmsParams, 'message' | 'flash' | 'push' | 'bin' | 'subj' | 'bot'> & { message?: string };
export type SendViberParams = Omit<SendSmsParams, 'flash' | 'push' | 'bin' | 'subj' | 'fileurl' | 'voice' | 'param' | 'bot'>;
/** A Telegram message: `phones` may be phones, `@usernames` or `#ids`. */
export type SendTelegramParams = Omit<SendSmsParams, 'flash' | 'push' | 'bin' | 'subj' | 'fileurl' | 'voice' | 'param'>;

export type CostParams = Omit<SendSmsParams, 'cost'>;

export interface MessageRef {
  id: MessageId;
  phone: string;
}

export type StatusParams = ({ id: MessageId; phone: string } | { messages: MessageRef[] }) & {
  /** 0 status, 1 full information, 2 also country, operator and region. */
  all?: 0 | 1 | 2;
};

export interface Balance {
  balance: Money;
  credit?: Money;
  currency?: string;
}

export interface PhoneResult {
  phone: string;
  mccmnc?: string;
  cost?: Money;
  status?: number;
  status_text?: string;
  error?: number;
  error_text?: string;
}

export interface SendResult {
  id?: string;
  sms_count: number;
  cost?: Money;
  balance?: Money;
  phones?: PhoneResult[];
}

export interface CostResult {
  cost: Money;
  sms_count: number;
}

export interface MessageStatus {
  id?: string;
  phone?: string;
  status: number;
  status_text?: string;
  is_final: boolean;
  err?: number;
  err_text?: string;
  last_date?: string;
  last_timestamp?: number;
  flag?: number;
  send_date?: string;
  send_timestamp?: number;
  cost?: Money;
  sender_id?: string;
  status_name?: string;
  message?: string;
  comment?: string;
  type?: number;
  sms_count?: number;
  mccmnc?: string;
  country?: string;
  operator?: string;
  region?: string;
  /** The result of an HLR query. */
  hlr?: HlrData;
}

export interface HlrData {
  imsi?: string;
  msc?: string;
  mcc?: string;
  mnc?: string;
  /** Country of registration. */
  cn?: string;
  /** Operator of registration. */
  net?: string;
  /** Roaming country. */
  rcn?: string;
  /** Roaming operator. */
  rnet?: string;
}

export interface StatusResult {
  messages: MessageStatus[];
}

export interface DeleteResult {
  /** How many messages the server confirmed as deleted. */
  deleted: number;
}

export type DeleteParams = { id: MessageId; phone: string } | { messages: MessageRef[] };

// ---- Mailing lists, templates and monitoring events ----

/** The id of a stored record (mailing list, template, task group): a positive whole number. */
export type RecordId = number | string;

/** A record as the server listed it: every named field as text, or the unnamed values of a fmt=1 line. */
export interface ListedRecord {
  id?: string;
  name?: string;
  fields?: Record<string, string>;
  values?: string[];
}

/** A new mailing list: the send parameters (each applied to every message) and its own. */
export type JobAddParams = Omit<SendSmsParams, 'cost'> & {
  name: string;
  /** Report the cost of the list. */
  cost?: 0 | 1;
  /** The SMS text used when a message is forwarded as an SMS. */
  mes2?: string;
  /** A message template whose text the messages carry, instead of `message`. */
  tpl?: RecordId;
  /** 0 by hand, 1 hourly, 2 daily, 3 working days, 4 weekends, 5 weekly, 6 monthly, 7 yearly. */
  rpt?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7;
  /** The most repeats, with `rpt`. */
  rptn?: number;
  /** Sender name on an automatic repeat. */
  sender2?: string;
  /** Automatic repeat on (`fl[5]`). */
  auto_repeat?: boolean;
  /** One message type at most: e-mail, HLR, ping-SMS, MMS, call or Viber. */
  mail?: boolean;
  hlr?: boolean;
  ping?: boolean;
  mms?: boolean;
  call?: boolean;
  viber?: boolean;
};

export interface JobAddResult {
  id: string;
  cost?: Money;
}

export interface JobParams {
  id: RecordId;
}

export interface JobDeleted {
  id: string;
  deleted: true;
}

export interface JobCancelled {
  id: string;
  cancelled: true;
}

export interface JobsParams {
  /** `DD.MM.YYYY`. */
  start?: string;
  /** `DD.MM.YYYY`. */
  end?: string;
}

export interface JobList {
  jobs: ListedRecord[];
}

export type TemplateFormat = '' | 'sms' | 'flash' | 'bin' | 'push' | 'mms' | 'call' | 'mail' | 'viber';

export interface TemplateAddParams {
  name: string;
  message: string;
  format?: TemplateFormat;
  sender?: string;
  /** Use the template for auto-signing (`fl[1]`). */
  autosign?: boolean;
}

export interface TemplateUpdateParams {
  id: RecordId;
  name?: string;
  message?: string;
  format?: TemplateFormat;
  sender?: string;
  autosign?: boolean;
}

export interface TemplateParams {
  id: RecordId;
}

export type TemplatesParams = Record<string, never>;

export interface TemplateAdded {
  /** Absent when the server only confirmed. */
  id?: string;
}

export interface TemplateUpdated {
  id: string;
  updated: true;
}

export interface TemplateDeleted {
  id: string;
  deleted: true;
}

export interface TemplateList {
  templates: ListedRecord[];
}

export interface OperatorTemplateAddParams {
  sender: string;
  message: string;
  mts_srv?: boolean;
  mts_auth?: boolean;
  mts_trn?: boolean;
  mega_srv?: boolean;
  mega_auth?: boolean;
  mega_trn?: boolean;
  mega_adv?: boolean;
  bee_srv?: boolean;
  bee_trn?: boolean;
  tele2_srv?: boolean;
  tele2_trn?: boolean;
  motiv_srv?: boolean;
  motiv_trn?: boolean;
  soc?: boolean;
}

export interface OperatorTemplatesParams {
  sender: string;
  message: string;
}

export interface OperatorTemplateAdded {
  created: true;
  /** Operator and message type in `name`, the template's id in `id`, when the answer lists them. */
  templates?: ListedRecord[];
}

export interface OperatorTemplateList {
  templates: ListedRecord[];
}

export interface MonitoringEventParams {
  /** The task group's id. */
  id: RecordId;
  /** Fills `{NAME}`. */
  name?: string;
  /** Fills `{HOST}`. */
  host?: string;
  /** Fills `{INFO}`. */
  info?: string;
  /** Use the "back to normal" template. */
  ok?: boolean;
}

export interface MonitoringEventResult {
  id: string;
  accepted: true;
}

// ---- Contacts, sub-clients, sender names and documents ----

/** Ids as a number, a string of digits, a list, or a comma-separated string. */
export type RecordIds = RecordId | RecordId[];
/** Words (tags, e-mail addresses) as a list or a comma-separated string. */
export type Words = string | string[];
/** An amount: decimal text such as `"150.50"` (exact) or a number with at most two decimals. */
export type Amount = string | number;

/** A contact's fields; changing one finds it by `phone` (or `email`). */
export interface ContactParams {
  phone?: Phones;
  email?: Words;
  /** `contact_update` only: the numbers that replace `phone`. */
  new_phone?: Phones;
  /** `contact_update` only: the addresses that replace `email`. */
  new_email?: Words;
  name?: string;
  /** Ids of the contact's groups. */
  groups?: RecordIds;
  first_name?: string;
  middle_name?: string;
  last_name?: string;
  full_name?: string;
  /** `DD.MM.YYYY`. */
  birthday?: string;
  /** The client's own id for the contact. */
  my_id?: string;
  comment?: string;
  tags?: Words;
  other_phones?: Phones;
}

/** Contacts named by their phone numbers or e-mail addresses. */
export interface ContactRefParams {
  phone?: Phones;
  email?: Words;
}

export interface ContactsParams {
  search?: string;
  /** Page on from this contact id. */
  after_id?: RecordId;
}

export interface GroupAddParams {
  name: string;
  /** The number for sending to the group as `G<number>`. */
  number?: number;
  /** 0 phone numbers (default), 1 e-mail addresses. */
  type?: 0 | 1;
}

export interface GroupUpdateParams {
  group: RecordId;
  name?: string;
  number?: number;
}

export interface GroupRefParams {
  group: RecordId;
}

export type GroupsParams = Record<string, never>;

export interface ContactGroupParams {
  group: RecordId;
  phone?: Phones;
  email?: Words;
}

export interface BlacklistParams {
  phone: Phones;
  /** 0 all messages, 1 mass mailings, 2 single messages. */
  type?: 0 | 1 | 2;
}

/** A sub-client's login, password and settings (SMSC's own field names). */
export interface SubclientParams {
  user: string;
  /** The new password; never shown in errors or debug output. */
  password?: string;
  /** `subclient_update`: the current password (`pswc`). */
  current_password?: string;
  new_login?: string;
  site_id?: RecordId;
  /** 0 own tariff and balance … 4 an extra login of the main account. */
  type?: 0 | 1 | 2 | 3 | 4;
  email?: string;
  email2?: string;
  phone?: Phones;
  phone2?: Phones;
  fio?: string;
  props?: string;
  cntr?: string;
  tariff?: number;
  mintrf?: number;
  /** 1 RUB, 2 USD, 3 EUR, 4 UAH, 5 KZT. */
  curr?: 1 | 2 | 3 | 4 | 5;
  /** 0 = GMT-12 … 24 = GMT+12. */
  tz?: number;
  sender?: string;
  sender2?: string;
  nb?: Amount;
  ktm?: number;
  /** Allowed phone codes, e.g. `"7,-77"`. */
  fmts?: string;
  notes?: string;
  ph?: string;
  dlim?: number;
  plim?: number;
  tlim?: number;
  ilim?: number;
  /** Hours window `h1-h2`. */
  tmlim?: string;
  vld?: number;
  url?: string;
  mph?: Phones;
  mh1?: number;
  mh2?: number;
  mlen?: number;
  /** Settings flags by their SMSC names: `{"fl[29]": true}`. */
  flags?: Record<string, boolean>;
}

export interface SubclientPayParams {
  user: string;
  /** Positive to credit the sub-client, negative to take money back. */
  sum: Amount;
  balance2?: boolean;
}

export interface SubclientStatsParams {
  /** `DD.MM.YYYY`. */
  start?: string;
  /** `DD.MM.YYYY`. */
  end?: string;
  user?: string;
  user_id?: RecordId;
  reseller?: 0 | 1;
  hide_deleted?: boolean;
  mycur?: boolean;
  balance2?: boolean;
}

export interface SendersParams {
  all?: boolean;
  operators?: boolean;
  /** `DD.MM.YYYY`. */
  from_date?: string;
  prev_id?: RecordId;
  cnt?: number;
  /** A sub-client's login. */
  user?: string;
}

/** A sender name's details; changing one names it by `sender` or `id`. */
export interface SenderParams {
  sender?: string;
  id?: RecordId;
  comment?: string;
  fio?: string;
  inn?: string;
  site?: string;
  email?: string;
  address?: string;
  desc?: string;
  subj?: string;
  mail?: string;
  name?: string;
  user?: string;
  doc_info?: string;
  mega?: boolean;
  mega_step?: boolean;
  mts?: boolean;
  mts_step?: boolean;
  tele2?: boolean;
  tele2_step?: boolean;
  bee_step?: boolean;
  motiv_step?: boolean;
  ua_reg?: boolean;
  ua_int?: boolean;
}

export interface SenderRefParams {
  sender?: string;
  id?: RecordId;
  user?: string;
}

export interface SenderSendCodeParams {
  /** A numeric sender name (a phone number). */
  sender: string;
  site_name?: string;
  user?: string;
}

export interface SenderCheckCodeParams {
  sender: string;
  code: string;
  user?: string;
}

export interface InvoiceAddParams {
  user?: string;
  user_id?: RecordId;
  sum: Amount;
  service?: string;
}

export interface InvoiceGetParams {
  user?: string;
  user_id?: RecordId;
  id: RecordId;
}

export interface ActGetParams {
  user?: string;
  user_id?: RecordId;
  id?: RecordId;
  /** The act's number, instead of its id. */
  num?: string;
}

export interface Created {
  id: string;
}

export interface Done {
  ok: true;
  id?: string;
}

export interface Contact {
  id?: string;
  phones?: string[];
  name?: string;
  groups?: string[];
  emails?: string[];
  first_name?: string;
  middle_name?: string;
  last_name?: string;
  full_name?: string;
  birthday?: string;
  my_id?: string;
  comment?: string;
  tags?: string[];
  other_phones?: string[];
  extra?: Record<string, string>;
}

export interface ContactList {
  contacts: Contact[];
}

export interface Group {
  id?: string;
  name?: string;
  number?: string;
  type?: number;
  count?: number;
  extra?: Record<string, string>;
}

export interface GroupList {
  groups: Group[];
}

export interface Payment {
  ok: true;
  balance?: Money;
}

export interface SubclientStat {
  user?: string;
  user_id?: string;
  date?: string;
  sms_count?: number;
  cost?: Money;
  balance?: Money;
  currency?: string;
  extra?: Record<string, string>;
}

export interface SubclientStats {
  subclients: SubclientStat[];
}

export interface Sender {
  id?: string;
  sender?: string;
  status?: string;
  comment?: string;
  extra?: Record<string, string>;
}

export interface SenderList {
  senders: Sender[];
}

/** A downloaded invoice or act: the file (base64) with its type and size, or a link to it. */
export interface Document {
  content_type?: string;
  size?: number;
  data_base64?: string;
  url?: string;
}

// ---- Getting data ----

// Getting data (get.php, info.php, tinyurls.php).

export interface HistoryParams {
  /** First day of the period, `dd.mm.yyyy`. */
  start?: string;
  /** Last day, `dd.mm.yyyy`; at most six months after `start`. */
  end?: string;
  /** Only messages to these numbers. */
  phone?: Phones;
  /** Only e-mail messages to these addresses. */
  email?: Phones;
  /** 0 SMS (default), 8 e-mail. */
  format?: 0 | 8;
  /** 1–1000. */
  cnt?: number;
  /** Only messages sent before this one: the `next_prev_id` of the previous page. */
  prev_id?: RecordId;
}

/** A sent message as the history reports it: a status's fields and the history's own. */
export interface HistoryMessage extends MessageStatus {
  /** The global id, for `prev_id`. */
  int_id?: number;
  /** The `format` it was sent in (0 SMS, 8 e-mail…). */
  format?: number;
  /** The server's checksum of the message. */
  crc?: string;
}

export interface HistoryResult {
  /** Newest first. */
  messages: HistoryMessage[];
  /** The `prev_id` of the next, older page; absent on the last page. */
  next_prev_id?: number;
}

export interface IncomingParams {
  /** The period in hours back from now, 1–168. */
  hour?: number;
  /** Only messages after this one: the `next_after_id` of the previous answer. */
  after_id?: RecordId;
  /** 1–10000. */
  cnt?: number;
  /** Only messages to this number of the client's. */
  to_phone?: string;
}

export interface IncomingMessage {
  id: number;
  received?: string;
  /** The sender's number. */
  phone?: string;
  to_phone?: string;
  /** `DD.MM.YYYY hh:mm:ss`. */
  sent?: string;
  message?: string;
}

export interface IncomingResult {
  messages: IncomingMessage[];
  /** The `after_id` of the next request. */
  next_after_id?: number;
}

export interface StatisticsParams {
  /** First day of the period, `dd.mm.yyyy` (required). */
  start: string;
  /** Last day, `dd.mm.yyyy`; without it, from `start` on. */
  end?: string;
  /** Amounts in the client's current currency. */
  mycur?: boolean;
  /** Messages paid from the electronic balance. */
  balance2?: boolean;
}

export interface AccountStatistics {
  login?: string;
  /** Number of messages. */
  count?: number;
  /** Amount spent. */
  credit?: Money;
  /** Amount received. */
  debit?: Money;
  currency?: string;
}

export interface StatisticsResult {
  accounts: AccountStatistics[];
}

export type RatesParams = Record<string, never>;

export interface Rate {
  zone?: string;
  /** An operator, a country… */
  name?: string;
  /** An SMS sent through the API. */
  api?: Money;
  /** An SMS sent from the personal account. */
  mass?: Money;
  mms?: Money;
  hlr?: Money;
  /** A voice message. */
  call?: Money;
  /** Fields beyond the documented ones, as the server named and wrote them. */
  other?: Record<string, string>;
}

export interface RatesResult {
  zones: Rate[];
}

export interface OperatorInfoParams {
  /** One number or several. */
  phone: Phones;
}

export interface OperatorInfo {
  phone?: string;
  country?: string;
  operator?: string;
  region?: string;
  mcc?: string;
  mnc?: string;
  /** The region's time zone. */
  tz?: string;
}

export interface OperatorInfoResult {
  /** One entry per number, in order. */
  phones: OperatorInfo[];
}

/** Name the link by `link` (its original full address) or by `id`, not both. */
export interface ShortLinkParams {
  link?: string;
  id?: RecordId;
}

export interface ShortLinkResult {
  id?: string;
  clicks?: number;
  clicks_month?: number;
  clicks_today?: number;
  clicks_yesterday?: number;
  /** Fields beyond the documented ones, as the server named and wrote them. */
  other?: Record<string, string>;
}


/**
 * Every operation: `[parameters, result]`. Each entry is also a method of `Client`, named in
 * camelCase (`send_sms` → `client.sendSms(params)`), so an operation added to the core needs
 * one line here and nothing else in JS.
 */
export interface Operations {
  /** The account balance (balance.php). */
  balance: [BalanceParams, Balance];
  /** Sends an SMS (send.php). */
  send_sms: [SendSmsParams, SendResult];
  /** The price of a message without sending it (send.php, cost=1). */
  cost: [CostParams, CostResult];
  /** The status of one or more messages (status.php). */
  status: [StatusParams, StatusResult];
  /** Deletes sent messages from the account's history (status.php, del=1). */
  delete_message: [DeleteParams, DeleteResult];
  /** An HLR query (send.php, hlr=1). */
  send_hlr: [SendHlrParams, SendResult];
  /** A ping-SMS that checks whether a phone is on (send.php, ping=1). */
  send_ping: [SendHlrParams, SendResult];
  /** An MMS (send.php, mms=1). */
  send_mms: [SendMmsParams, SendResult];
  /** An e-mail (send.php, mail=1). */
  send_email: [SendEmailParams, SendResult];
  /** A voice call (send.php, call=1). */
  send_call: [SendCallParams, SendResult];
  /** A Viber message (send.php, viber=1). */
  send_viber: [SendViberParams, SendResult];
  /** A Telegram message (send.php, tg=1). */
  send_telegram: [SendTelegramParams, SendResult];
  /** Sends an SMS through the JSON endpoint /rest/send/. */
  send_sms_json: [SendSmsParams, SendResult];

  // Mailing lists, templates and monitoring events.
  job_add: [JobAddParams, JobAddResult];
  job_delete: [JobParams, JobDeleted];
  job_cancel: [JobParams, JobCancelled];
  job: [JobParams, ListedRecord];
  jobs: [JobsParams, JobList];
  template_add: [TemplateAddParams, TemplateAdded];
  template_update: [TemplateUpdateParams, TemplateUpdated];
  template_delete: [TemplateParams, TemplateDeleted];
  templates: [TemplatesParams, TemplateList];
  operator_template_add: [OperatorTemplateAddParams, OperatorTemplateAdded];
  operator_templates: [OperatorTemplatesParams, OperatorTemplateList];
  monitoring_event: [MonitoringEventParams, MonitoringEventResult];

  // Contacts, sub-clients, sender names and documents.
  contact_add: [ContactParams, Created];
  contact_update: [ContactParams, Done];
  contact_delete: [ContactRefParams, Done];
  contacts: [ContactsParams, ContactList];
  group_add: [GroupAddParams, Created];
  group_update: [GroupUpdateParams, Done];
  group_delete: [GroupRefParams, Done];
  groups: [GroupsParams, GroupList];
  contact_group_move: [ContactGroupParams, Done];
  contact_group_add: [ContactGroupParams, Done];
  contact_group_remove: [ContactGroupParams, Done];
  blacklist_add: [BlacklistParams, Created];
  blacklist_delete: [BlacklistParams, Done];
  subclient_add: [SubclientParams, Done];
  subclient_update: [SubclientParams, Done];
  subclient_pay: [SubclientPayParams, Payment];
  subclient_stats: [SubclientStatsParams, SubclientStats];
  subclient_stats_detailed: [SubclientStatsParams, SubclientStats];
  senders: [SendersParams, SenderList];
  sender_add: [SenderParams, Done];
  sender_update: [SenderParams, Done];
  sender_delete: [SenderRefParams, Done];
  sender_send_code: [SenderSendCodeParams, Done];
  sender_check_code: [SenderCheckCodeParams, Done];
  invoice_add: [InvoiceAddParams, Done];
  invoice_get: [InvoiceGetParams, Document];
  act_get: [ActGetParams, Document];

  // Getting data.
  /** The history of sent messages, newest first, a page at a time (get.php, get_messages=1). */
  history: [HistoryParams, HistoryResult];
  /** Incoming messages (get.php, get_answers=1). */
  incoming: [IncomingParams, IncomingResult];
  /** What was sent and spent over a period (get.php, get_stat=1). */
  statistics: [StatisticsParams, StatisticsResult];
  /** The account's rates per tariff zone (get.php, get_price=1). */
  rates: [RatesParams, RatesResult];
  /** The operator, country and region of numbers (info.php, get_operator=1). */
  operator_info: [OperatorInfoParams, OperatorInfoResult];
  /** Click counts of a short link (tinyurls.php, get=1). */
  short_link: [ShortLinkParams, ShortLinkResult];
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
  readonly body: string | undefined;
  readonly operation: string;
  /** What it does to the account: an HTTP client should not repeat a `send` or `create` by itself. */
  readonly effect: 'read' | 'idempotent' | 'send' | 'create';
  /** Interprets the answer; throws an `SmscError` subclass on any failure. */
  parse(status: number, body: Body): R;
  /**
   * What to do after attempt `attempt` (default 1) failed with `err`: an `SmscError` (a
   * `TransportError` included) or whatever the HTTP client threw.
   */
  advice(err: unknown, attempt?: number): Advice;
  /** The same request sent to another base address, such as an advice's `base_url`. */
  at(baseUrl: string): Request<R>;
  toString(): string;
  toJSON(): { operation: string; request: string };
}

export interface SmtpParams {
  phones?: Phones;
  message?: string;
  list?: ListEntry[];
  id?: MessageId;
  /** Without a colon: `DDMMYYhhmm`, `h1-h2`, `0<unix time>` or `+<minutes>`. */
  time?: string;
  tz?: number;
  translit?: 0 | 1 | 2;
  /** Message type as SMSC's libraries number it: 0 SMS, 1 flash, … 10 Viber. */
  format?: number;
  sender?: string;
  /** Test mode: not really sent. */
  test?: boolean;
}

export interface SmtpMessage {
  /** `send@send.<host>`. */
  to: string;
  /** The service's SMTP server, which needs no authorisation. */
  server: string;
  headers: Record<string, string>;
  /** Plain text; it holds the credentials. */
  body: string;
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

export interface CallbackOptions {
  /** The secret given as `md5=…`, `sha1=…` or `crc32=…` in the handler address. */
  secret?: string;
  /** The `charset` of the handler address (SMSC's default is windows-1251). */
  charset?: string;
  /** The notification's Content-Type, when known. */
  contentType?: string;
}

interface CallbackBase {
  /** Whether a checksum was verified against the secret. */
  verified: boolean;
  /** Every field as received, decoded. */
  fields: Record<string, string>;
}

export interface StatusCallback extends CallbackBase {
  kind: 'status';
  id: string;
  phone: string;
  status: number;
  status_text?: string;
  is_final: boolean;
  err?: number;
  err_text?: string;
  ts?: number;
  type?: number;
  flag?: number;
  cost?: Money;
  sms_count?: number;
  hlr?: HlrData;
}

export interface IncomingCallback extends CallbackBase {
  kind: 'incoming';
  phone: string;
  message: string;
  to?: string;
  id?: string;
}

export interface CallConfirmationCallback extends CallbackBase {
  kind: 'call_confirmation';
  phone: string;
  ts?: number;
}

export type Callback = StatusCallback | IncomingCallback | CallConfirmationCallback;

/** Reads a notification SMSC posted to your handler address (the raw POST body). */
export declare function parseCallback(body: Body, options?: CallbackOptions): Callback;

export interface SendOptions {
  fetch?: typeof globalThis.fetch;
  signal?: AbortSignal;
}

/** Sends the request with fetch and returns the parsed result. */
export declare function send<R>(request: Request<R>, options?: SendOptions): Promise<R>;

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
