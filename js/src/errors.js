// Error classes. The core decides what an answer means (kind, code, reason); this module only
// gives each meaning its class, so `catch (e) { if (e instanceof RateLimitError) … }` works.

/** Base class of every smsc-core error. */
export class SmscError extends Error {
  constructor(message, { kind = 'internal', code, reason, field, messageId, transport } = {}) {
    super(message);
    this.name = new.target.name;
    /** `invalid`, `api`, `http`, `parse`, `signature`, `internal` or `transport`. */
    this.kind = kind;
    /** SMSC error code (kind `api`) or HTTP status (kind `http`). */
    this.code = code;
    /** What an SMSC code means for the script that answered, e.g. `auth`. */
    this.reason = reason;
    /** The argument at fault (kind `invalid`). */
    this.field = field;
    /** The message id SMSC attached to a send error. */
    this.messageId = messageId;
    /** How the connection failed (kind `transport`): `refused`, `reset`, `timeout`, `closed`, `other`. */
    if (kind === 'transport') this.transport = transport ?? 'other';
  }
}

/** The arguments were rejected before any request was built. */
export class InvalidArgumentError extends SmscError {}
/** SMSC answered with one of its error codes. */
export class ApiError extends SmscError {}
/** Code 1: SMSC found an error in the parameters. */
export class ParametersError extends ApiError {}
/** Code 2: wrong login, password or API key, or an IP not on the allowed list. */
export class AuthError extends ApiError {}
/** Not enough money on the account. */
export class InsufficientFundsError extends ApiError {}
/** Code 4: the IP address is temporarily blocked after frequent errors. */
export class IpBlockedError extends ApiError {}
/** The send time was not understood by the server. */
export class InvalidDateError extends ApiError {}
/** The message was refused (text, sender name, mass mailing without a contract). */
export class ForbiddenError extends ApiError {}
/** The server found a phone number of invalid format. */
export class InvalidPhoneError extends ApiError {}
/** The message cannot be delivered to this number. */
export class UndeliverableError extends ApiError {}
/** The message could not be deleted. */
export class DeleteFailedError extends ApiError {}
/** Code 3 on jobs.php, 8 on users.php, 5 on senders.php: the server could not save the record. */
export class SaveFailedError extends ApiError {}
/** Code 3: no records found (phones, users, documents.php), no such sender (senders.php), no operator for the number (info.php), no such short link (tinyurls.php). */
export class NotFoundError extends ApiError {}
/** Code 5 on phones.php, users.php and documents.php: the operation could not be carried out. */
export class OperationFailedError extends ApiError {}
/** Code 6 on users.php and documents.php: no sub-client has the given login. */
export class SubclientNotFoundError extends ApiError {}
/** Code 7 on users.php: a sub-client sharing the main balance, or balance2=1 missing. */
export class SharedBalanceError extends ApiError {}
/** Code 10 on senders.php: a code was already sent to this number; a new one after 8 hours. */
export class CodeAlreadySentError extends ApiError {}
/** Code 11 on senders.php: the confirmation code is wrong. */
export class InvalidCodeError extends ApiError {}
/** Code 9: too many (identical or simultaneous) requests; wait before repeating. */
export class RateLimitError extends ApiError {}
/** The HTTP status was outside 2xx. */
export class HttpError extends SmscError {}
/** The body is not an SMSC answer. */
export class ParseError extends SmscError {}
/** A notification's checksum is missing or does not match the secret: do not trust it. */
export class SignatureError extends SmscError {}
/** A bug in smsc-core; please report it. */
export class InternalError extends SmscError {}
/** The transport (fetch) got no answer at all. */
export class TransportError extends SmscError {}
