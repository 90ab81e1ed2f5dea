/* What is specific to C: NULL and invalid UTF-8 arguments, path getters, ownership. */
#include <math.h>
#include <stdint.h>

#include "smsc.h"
#include "common.h"

/* Whether `s` is non-NULL and equal to `want`. */
static int is(const char *s, const char *want) { return s != NULL && strcmp(s, want) == 0; }

/* A sentinel for out-parameters that must stay untouched when a call fails; never dereferenced. */
#define UNTOUCHED ((void *)&passed)

static smsc_request *balance_request(smsc_client *client) {
    smsc_request *req = NULL;
    smsc_client_prepare(client, "balance", "{\"currency\": true}", &req, NULL);
    return req;
}

int main(void) {
    smsc_client *client = NULL;
    smsc_error *err = NULL;

    /* NULL and invalid UTF-8 arguments are reported, never crash. */
    CHECK(smsc_client_new(NULL, &client, &err) == SMSC_NULL_ARGUMENT, "NULL config");
    CHECK(smsc_error_status(err) == SMSC_NULL_ARGUMENT, "error keeps its status");
    CHECK(strcmp(smsc_error_field(err), "config_json") == 0, "NULL argument is named");
    smsc_error_free(err);
    err = NULL;
    CHECK(smsc_client_new_login("demo", "\xff\xfe", &client, &err) == SMSC_INVALID_UTF8, "invalid UTF-8 password");
    CHECK(strcmp(smsc_error_kind(err), "invalid") == 0, "UTF-8 error is of kind invalid");
    smsc_error_free(err);
    err = NULL;
    CHECK(smsc_client_new("{not json", &client, &err) == SMSC_INVALID, "malformed config JSON");
    smsc_error_free(err);
    err = NULL;
    CHECK(smsc_client_new_login("demo", "pw", NULL, NULL) == SMSC_NULL_ARGUMENT, "NULL out pointer");
    CHECK(smsc_client_new_login("demo", "s3cret-pw", &client, &err) == SMSC_OK, "client from login");

    /* Bad calls give typed errors whose messages carry no secret. */
    smsc_request *req = NULL;
    CHECK(smsc_client_prepare(client, "send_sms", "{\"phones\": [], \"message\": \"hi\"}", &req, &err) == SMSC_INVALID, "empty phone list");
    CHECK(strcmp(smsc_error_field(err), "phones") == 0, "field named");
    CHECK(strstr(smsc_error_message(err), "s3cret-pw") == NULL, "no secret in message");
    smsc_error_free(err);
    err = NULL;
    CHECK(smsc_client_prepare(client, "send_sms", "[1,2", &req, &err) == SMSC_INVALID, "malformed params JSON");
    smsc_error_free(err);
    err = NULL;
    CHECK(smsc_client_prepare(client, "teleport", NULL, &req, &err) == SMSC_INVALID, "unknown operation");
    CHECK(strcmp(smsc_error_field(err), "op") == 0, "unknown operation names op");
    smsc_error_free(err);
    err = NULL;
    CHECK(smsc_client_prepare(NULL, "balance", NULL, &req, NULL) == SMSC_NULL_ARGUMENT, "NULL client");
    CHECK(smsc_client_prepare(client, NULL, NULL, &req, &err) == SMSC_NULL_ARGUMENT && is(smsc_error_field(err), "op"), "NULL op");
    smsc_error_free(err);
    err = NULL;
    CHECK(smsc_client_prepare(client, "balance", NULL, NULL, &err) == SMSC_NULL_ARGUMENT && is(smsc_error_field(err), "out"), "NULL out");
    smsc_error_free(err);
    err = NULL;
    CHECK(smsc_client_prepare(client, "bal\xc3", NULL, &req, &err) == SMSC_INVALID_UTF8 && is(smsc_error_field(err), "op"), "op not UTF-8");
    smsc_error_free(err);
    err = NULL;
    CHECK(smsc_client_prepare(client, "send_sms", "{\"phones\": \"7999\", \"message\": \"\xe2\x28\xa1\"}", &req, &err) == SMSC_INVALID_UTF8
              && is(smsc_error_field(err), "params_json"), "params not UTF-8");
    smsc_error_free(err);
    err = NULL;
    CHECK(smsc_client_prepare(client, "balance", "42", &req, &err) == SMSC_INVALID && is(smsc_error_field(err), "params"), "params not an object");
    smsc_error_free(err);
    err = NULL;
    CHECK(smsc_client_prepare(client, "send_sms", "{\"phones\": \"79991234567\", \"message\": \"hi\", \"warp\": 9}", &req, &err) == SMSC_INVALID,
          "unknown parameter");
    smsc_error_free(err);
    err = NULL;
    /* A failed call leaves its out-parameter alone; a NULL err is fine on failure too. */
    req = UNTOUCHED;
    CHECK(smsc_client_prepare(client, "teleport", NULL, &req, NULL) == SMSC_INVALID && req == UNTOUCHED, "out untouched on failure");
    req = NULL;

    /* Requests expose every field and a redacted rendering. */
    req = balance_request(client);
    CHECK(req != NULL, "balance request");
    CHECK(strcmp(smsc_request_method(req), "POST") == 0, "POST by default");
    CHECK(strcmp(smsc_request_url(req), "https://smsc.ru/sys/balance.php") == 0, "URL without credentials");
    CHECK(strstr(smsc_request_body(req), "psw=s3cret-pw") != NULL, "body carries the password for the server");
    CHECK(strstr(smsc_request_redacted(req), "s3cret-pw") == NULL, "redacted form hides it");
    CHECK(smsc_request_header_count(req) == 1, "one header");
    CHECK(is(smsc_request_header_name(req, 0), "Content-Type") && is(smsc_request_header_value(req, 0), "application/x-www-form-urlencoded"),
          "form header");
    CHECK(smsc_request_header_value(req, 7) == NULL, "header value out of range is NULL");
    CHECK(smsc_request_header_name(req, 1) == NULL, "header index out of range is NULL");
    CHECK(strcmp(smsc_request_operation(req), "balance") == 0, "operation name");

    /* Results: JSON view and typed getters by path. */
    smsc_result *res = NULL;
    const char *body = "{\"balance\": \"250.80\", \"credit\": \"100.00\", \"currency\": \"RUB\"}";
    CHECK(smsc_request_parse(req, 200, (const uint8_t *)body, strlen(body), &res, &err) == SMSC_OK, "parse balance");
    CHECK(err == NULL, "err untouched on success");
    const char *money = NULL;
    double approx = 0;
    CHECK(smsc_result_get_money(res, "balance", &money, &err) == SMSC_OK && strcmp(money, "250.80") == 0, "exact money");
    CHECK(smsc_result_get_money_f64(res, "credit", &approx, &err) == SMSC_OK && approx > 99.99 && approx < 100.01, "money as double");
    const char *cur = NULL;
    CHECK(smsc_result_get_string(res, "currency", &cur, &err) == SMSC_OK && strcmp(cur, "RUB") == 0, "string getter");
    int64_t n = 0;
    CHECK(smsc_result_get_int(res, "currency", &n, &err) == SMSC_INVALID, "wrong type is reported");
    CHECK(strstr(smsc_error_message(err), "currency") != NULL, "the path is named");
    smsc_error_free(err);
    err = NULL;
    CHECK(smsc_result_get_string(res, "nothing.here", &cur, &err) == SMSC_INVALID, "absent path");
    CHECK(strstr(smsc_error_message(err), "nothing.here") != NULL && is(smsc_error_field(err), "path"), "absent path is named");
    smsc_error_free(err);
    err = NULL;
    const char *again = NULL;
    CHECK(smsc_result_get_string(res, "balance", &again, NULL) == SMSC_OK && again == money, "same pointer for the same path");
    CHECK(smsc_result_get_money(res, "currency", &money, &err) == SMSC_INVALID && strstr(smsc_error_message(err), "currency"),
          "text is not money");
    smsc_error_free(err);
    err = NULL;
    approx = -1;
    CHECK(smsc_result_get_money_f64(res, "currency", &approx, NULL) == SMSC_INVALID && approx == -1, "text is not a double amount");
    size_t len = 0;
    CHECK(smsc_result_count(res, "balance", &len, &err) == SMSC_INVALID && strstr(smsc_error_message(err), "balance"), "money is not a list");
    smsc_error_free(err);
    err = NULL;
    bool flag = false;
    CHECK(smsc_result_get_bool(res, "currency", &flag, NULL) == SMSC_INVALID, "text is not a boolean");
    CHECK(smsc_result_get_int(res, "nope", &n, NULL) == SMSC_INVALID, "absent int");
    CHECK(smsc_result_get_string(res, NULL, &cur, NULL) == SMSC_NULL_ARGUMENT, "NULL path");
    CHECK(smsc_result_get_string(NULL, "balance", &cur, NULL) == SMSC_NULL_ARGUMENT, "NULL result");
    CHECK(smsc_result_get_money(res, "balance", NULL, NULL) == SMSC_NULL_ARGUMENT, "NULL out of a getter");
    CHECK(smsc_result_get_int(res, "bal\xff", &n, &err) == SMSC_INVALID_UTF8 && is(smsc_error_field(err), "path"), "path not UTF-8");
    smsc_error_free(err);
    err = NULL;
    CHECK(smsc_result_count(res, "", &len, NULL) == SMSC_INVALID, "the root is not a list");
    CHECK(!smsc_result_has(NULL, "balance") && !smsc_result_has(res, NULL), "has with NULL");
    CHECK(smsc_result_has(res, "credit") && !smsc_result_has(res, "nope"), "has");
    CHECK(strstr(smsc_result_json(res), "\"250.80\"") != NULL, "JSON view keeps money exact");
    smsc_result_free(res);
    res = NULL;

    /* Errors from answers. */
    const char *api_err = "ERROR = 9 (duplicate request, wait a minute)";
    CHECK(smsc_request_parse(req, 200, (const uint8_t *)api_err, strlen(api_err), &res, &err) == SMSC_API, "API error");
    CHECK(smsc_error_code(err) == 9 && strcmp(smsc_error_reason(err), "rate_limited") == 0, "code and reason");
    CHECK(smsc_error_status(err) == SMSC_API && is(smsc_error_kind(err), "api"), "api status and kind");
    CHECK(smsc_error_field(err) == NULL && smsc_error_message_id(err) == NULL, "api error without field or id");
    CHECK(strstr(smsc_error_message(err), "duplicate request") != NULL, "server wording kept");
    smsc_error_free(err);
    err = NULL;
    CHECK(smsc_request_parse(req, 503, NULL, 0, &res, &err) == SMSC_HTTP && smsc_error_code(err) == 503, "HTTP error");
    CHECK(smsc_error_status(err) == SMSC_HTTP && is(smsc_error_kind(err), "http") && smsc_error_reason(err) == NULL, "http kind");
    smsc_error_free(err);
    err = NULL;
    const char *html = "<html><body>Bad gateway</body></html>";
    CHECK(smsc_request_parse(req, 200, (const uint8_t *)html, strlen(html), &res, &err) == SMSC_PARSE, "HTML page");
    CHECK(smsc_error_status(err) == SMSC_PARSE && is(smsc_error_kind(err), "parse") && smsc_error_code(err) == 0
              && smsc_error_reason(err) == NULL && smsc_error_field(err) == NULL && smsc_error_message_id(err) == NULL,
          "parse error accessors");
    smsc_error_free(err);
    err = NULL;
    CHECK(smsc_request_parse(req, 200, (const uint8_t *)html, strlen(html), &res, NULL) == SMSC_PARSE, "parse error without err");
    CHECK(smsc_request_parse(NULL, 200, (const uint8_t *)html, 4, &res, NULL) == SMSC_NULL_ARGUMENT, "NULL request");
    CHECK(smsc_request_parse(req, 200, (const uint8_t *)body, strlen(body), NULL, NULL) == SMSC_NULL_ARGUMENT, "NULL result out");
    CHECK(smsc_request_parse(req, 200, NULL, 5, &res, &err) == SMSC_NULL_ARGUMENT, "NULL body with a length");
    smsc_error_free(err);
    err = NULL;
    const unsigned char junk[] = {0xff, 0x00, 0x41};
    CHECK(smsc_request_parse(req, 200, junk, sizeof junk, &res, &err) == SMSC_PARSE, "binary junk is a parse error");
    smsc_error_free(err);
    err = NULL;

    /* An API error that names the message: the id accessor. */
    smsc_request *send = NULL;
    CHECK(smsc_client_prepare(client, "send_sms", "{\"phones\": \"79991234567\", \"message\": \"Hello\"}", &send, NULL) == SMSC_OK,
          "send request");
    const char *funds = "{\"error\": \"no money\", \"error_code\": 3, \"id\": 275}";
    CHECK(smsc_request_parse(send, 200, (const uint8_t *)funds, strlen(funds), &res, &err) == SMSC_API, "send error");
    CHECK(is(smsc_error_message_id(err), "275") && is(smsc_error_reason(err), "insufficient_funds") && smsc_error_code(err) == 3,
          "message id of an API error");
    smsc_error_free(err);
    err = NULL;
    smsc_request_free(send);

    /* Clients: API key, another base address, GET. */
    smsc_client *keyed = NULL;
    CHECK(smsc_client_new_api_key(NULL, &keyed, NULL) == SMSC_NULL_ARGUMENT, "NULL API key");
    CHECK(smsc_client_new_api_key("k\xc0y", &keyed, NULL) == SMSC_INVALID_UTF8, "API key not UTF-8");
    CHECK(smsc_client_new_login(NULL, "pw", &keyed, NULL) == SMSC_NULL_ARGUMENT, "NULL login");
    CHECK(smsc_client_new_api_key("my-secret-key", &keyed, &err) == SMSC_OK && keyed != NULL, "client from API key");
    CHECK(smsc_client_set_base_url(keyed, "http://127.0.0.1:8080", &err) == SMSC_OK, "base URL");
    CHECK(smsc_client_set_base_url(keyed, "ftp://example.org", &err) == SMSC_INVALID && is(smsc_error_field(err), "base_url"), "bad base URL");
    smsc_error_free(err);
    err = NULL;
    CHECK(smsc_client_set_base_url(NULL, "http://127.0.0.1:8080", NULL) == SMSC_NULL_ARGUMENT, "NULL client for base URL");
    CHECK(smsc_client_set_base_url(keyed, NULL, NULL) == SMSC_NULL_ARGUMENT, "NULL base URL");
    smsc_request *kreq = balance_request(keyed);
    CHECK(is(smsc_request_url(kreq), "http://127.0.0.1:8080/sys/balance.php"), "base URL used");
    CHECK(strstr(smsc_request_body(kreq), "apikey=my-secret-key") != NULL, "API key in the body");
    CHECK(strstr(smsc_request_redacted(kreq), "my-secret-key") == NULL, "API key redacted");
    smsc_request_free(kreq);
    smsc_client_free(keyed);
    keyed = NULL;
    CHECK(smsc_client_new("{\"login\": \"demo\", \"password\": \"s3cret-pw\", \"method\": \"GET\"}", &keyed, &err) == SMSC_OK, "GET client");
    kreq = balance_request(keyed);
    CHECK(is(smsc_request_method(kreq), "GET") && smsc_request_body(kreq) == NULL, "GET has no body");
    CHECK(strstr(smsc_request_url(kreq), "psw=s3cret-pw") != NULL, "GET carries the password in the URL");
    CHECK(strstr(smsc_request_redacted(kreq), "s3cret-pw") == NULL, "redacted GET hides it");
    smsc_request_free(kreq);
    smsc_client_free(keyed);
    CHECK(smsc_client_new("{\"login\": \"demo\"}", &keyed, &err) == SMSC_INVALID, "config without a password");
    smsc_error_free(err);
    err = NULL;

    /* Status results: lists, ints, booleans. */
    smsc_request *st = NULL;
    CHECK(smsc_client_prepare(client, "status", "{\"id\": 5, \"phone\": \"79991234567\"}", &st, NULL) == SMSC_OK, "status request");
    const char *sbody = "{\"status\": 1, \"last_timestamp\": 1577550022, \"err\": 0}";
    CHECK(smsc_request_parse(st, 200, (const uint8_t *)sbody, strlen(sbody), &res, NULL) == SMSC_OK, "status parse");
    size_t count = 0;
    bool fin = false;
    CHECK(smsc_result_count(res, "messages", &count, NULL) == SMSC_OK && count == 1, "list count");
    CHECK(smsc_result_get_int(res, "messages.0.status", &n, NULL) == SMSC_OK && n == 1, "int by path");
    CHECK(smsc_result_get_bool(res, "messages.0.is_final", &fin, NULL) == SMSC_OK && fin, "bool by path");
    CHECK(smsc_result_get_string(res, "messages.0.id", &cur, NULL) == SMSC_OK && strcmp(cur, "5") == 0, "id filled from the request");
    smsc_result_free(res);
    smsc_request_free(st);

    /* Every free accepts NULL. */
    smsc_client_free(NULL);
    smsc_request_free(NULL);
    smsc_result_free(NULL);
    smsc_error_free(NULL);
    CHECK(smsc_error_kind(NULL) == NULL && smsc_request_url(NULL) == NULL, "accessors accept NULL");
    CHECK(smsc_error_status(NULL) == SMSC_NULL_ARGUMENT && smsc_error_code(NULL) == 0 && smsc_error_reason(NULL) == NULL
              && smsc_error_field(NULL) == NULL && smsc_error_message(NULL) == NULL && smsc_error_message_id(NULL) == NULL,
          "error accessors accept NULL");
    CHECK(smsc_request_method(NULL) == NULL && smsc_request_body(NULL) == NULL && smsc_request_operation(NULL) == NULL
              && smsc_request_redacted(NULL) == NULL && smsc_request_header_count(NULL) == 0 && smsc_request_header_name(NULL, 0) == NULL
              && smsc_request_header_value(NULL, 0) == NULL && smsc_result_json(NULL) == NULL,
          "request and result accessors accept NULL");
    CHECK(strlen(smsc_version()) > 0, "version");

    smsc_request_free(req);
    smsc_client_free(client);
    /* The header's version is the library's. */
    {
        char version[32];
        snprintf(version, sizeof version, "%d.%d.%d", SMSC_VERSION_MAJOR, SMSC_VERSION_MINOR, SMSC_VERSION_PATCH);
        CHECK(strcmp(version, SMSC_VERSION) == 0 && strcmp(smsc_version(), SMSC_VERSION) == 0, "version macros");
    }

    /* A transport error is never NULL, whatever it is given. */
    {
        smsc_error *e = smsc_request_transport_error(NULL, NULL, NULL);
        CHECK(e != NULL && smsc_error_status(e) == SMSC_TRANSPORT, "transport error from nothing");
        CHECK(e && strcmp(smsc_error_transport(e), "other") == 0, "no name is other");
        CHECK(e && strcmp(smsc_error_message(e), "no answer to the SMSC request (other)") == 0, "its message");
        smsc_error_free(e);
        e = smsc_request_transport_error(NULL, "teleport", "\xff\xfe broken");
        CHECK(e && strcmp(smsc_error_transport(e), "other") == 0, "an unknown name is other");
        CHECK(e && strstr(smsc_error_message(e), "broken") != NULL, "invalid UTF-8 in the detail is kept readable");
        smsc_error_free(e);
        e = smsc_request_transport_error(NULL, "timeout", "Operation timed out");
        CHECK(e && strcmp(smsc_error_transport(e), "timeout") == 0, "timeout");
        CHECK(e && smsc_error_code(e) == 0 && smsc_error_reason(e) == NULL, "no SMSC code or reason");
        smsc_error_free(e);
        CHECK(smsc_error_transport(NULL) == NULL, "NULL error, NULL transport");
    }

    /* Parameters built value by value: the library escapes them, so a quote or a line break in
       a message can neither break the request nor add a parameter; bad values are typed errors. */
    {
        smsc_client *c = NULL;
        smsc_client_new_login("demo", "s3cret-pw", &c, NULL);
        smsc_params *p = smsc_params_new();
        CHECK(p != NULL, "new parameters");
        CHECK(smsc_params_add_text(p, "phones", "79991234567", NULL) == SMSC_OK
                  && smsc_params_add_text(p, "phones", "79997654321", NULL) == SMSC_OK, "a list, value by value");
        CHECK(smsc_params_set_text(p, "message", "say \"hi\"\n&psw=stolen", NULL) == SMSC_OK, "text with a quote, a newline, an ampersand");
        CHECK(smsc_params_set_int(p, "cost", 3, NULL) == SMSC_OK, "a whole number");
        CHECK(smsc_params_set_bool(p, "flash", true, NULL) == SMSC_OK, "a switch");
        smsc_request *r = NULL;
        CHECK(smsc_client_prepare_params(c, "send_sms", p, &r, &err) == SMSC_OK, "prepare from parameters");
        const char *b = r ? smsc_request_body(r) : NULL;
        CHECK(b && strstr(b, "phones=79991234567%2C79997654321") != NULL, "the list joined and encoded");
        CHECK(b && strstr(b, "mes=say+%22hi%22%0A%26psw%3Dstolen") != NULL, "the text escaped whole");
        CHECK(b && strstr(b, "psw=s3cret-pw") != NULL && strstr(b, "psw=stolen") == NULL, "no parameter injected");
        CHECK(b && strstr(b, "cost=3") != NULL && strstr(b, "flash=1") != NULL, "number and switch");
        smsc_request_free(r);
        r = NULL;
        /* The same parameters as JSON give the same body. */
        smsc_request *j = NULL;
        smsc_client_prepare(c, "send_sms",
                            "{\"phones\": [\"79991234567\", \"79997654321\"], \"message\": \"say \\\"hi\\\"\\n&psw=stolen\", \"cost\": 3, \"flash\": true}",
                            &j, NULL);
        CHECK(smsc_client_prepare_params(c, "send_sms", p, &r, NULL) == SMSC_OK && j && strcmp(smsc_request_body(r), smsc_request_body(j)) == 0,
              "the same request as the JSON form");
        smsc_request_free(r);
        smsc_request_free(j);
        r = NULL;
        /* Bad input: NULL, invalid UTF-8, a list added to a single value, a number that is not finite. */
        CHECK(smsc_params_set_text(NULL, "message", "hi", &err) == SMSC_NULL_ARGUMENT && is(smsc_error_field(err), "params"), "NULL parameters");
        smsc_error_free(err);
        err = NULL;
        CHECK(smsc_params_set_text(p, NULL, "hi", &err) == SMSC_NULL_ARGUMENT && is(smsc_error_field(err), "name"), "NULL name");
        smsc_error_free(err);
        err = NULL;
        CHECK(smsc_params_set_text(p, "sender", NULL, &err) == SMSC_NULL_ARGUMENT && is(smsc_error_field(err), "sender"), "NULL value names the parameter");
        smsc_error_free(err);
        err = NULL;
        CHECK(smsc_params_set_text(p, "message", "\xe2\x28\xa1", &err) == SMSC_INVALID_UTF8 && is(smsc_error_field(err), "message"), "invalid UTF-8 value");
        smsc_error_free(err);
        err = NULL;
        CHECK(smsc_params_set_text(p, "mes\xc3", "hi", &err) == SMSC_INVALID_UTF8 && is(smsc_error_field(err), "name"), "invalid UTF-8 name");
        smsc_error_free(err);
        err = NULL;
        CHECK(smsc_params_add_text(p, "message", "more", &err) == SMSC_INVALID && is(smsc_error_field(err), "message"), "a single value is no list");
        smsc_error_free(err);
        err = NULL;
        CHECK(smsc_params_set_double(p, "period", NAN, &err) == SMSC_INVALID && is(smsc_error_field(err), "period"), "NaN refused");
        smsc_error_free(err);
        err = NULL;
        CHECK(smsc_params_set_text(p, "warp", "9", NULL) == SMSC_OK, "any name may be set");
        CHECK(smsc_client_prepare_params(c, "send_sms", p, &r, &err) == SMSC_INVALID && r == NULL, "an unknown parameter is refused at prepare");
        smsc_error_free(err);
        err = NULL;
        CHECK(smsc_client_prepare_params(c, "balance", NULL, &r, NULL) == SMSC_OK, "NULL parameters are none");
        smsc_request_free(r);
        CHECK(smsc_client_prepare_params(NULL, "balance", p, &r, NULL) == SMSC_NULL_ARGUMENT, "NULL client");
        smsc_params_free(p);
        smsc_params_free(NULL);
        smsc_client_free(c);
    }

    /* Message maths and phone numbers, offline. */
    {
        smsc_result *s = NULL;
        const char *text = NULL;
        int64_t n = 0;
        CHECK(smsc_segments("\xd0\x92\xd0\xb0\xd1\x88 code", "2.35", 2, &s, NULL) == SMSC_OK, "segments");
        CHECK(smsc_result_get_string(s, "alphabet", &text, NULL) == SMSC_OK && strcmp(text, "ucs2") == 0, "UCS-2 for Cyrillic");
        CHECK(smsc_result_get_int(s, "ucs2_because.index", &n, NULL) == SMSC_OK && n == 0, "the first character named");
        CHECK(smsc_result_get_money(s, "price", &text, NULL) == SMSC_OK && strcmp(text, "4.70") == 0, "exact price");
        smsc_result_free(s);
        CHECK(smsc_segments(NULL, NULL, 1, &s, NULL) == SMSC_NULL_ARGUMENT, "NULL text");
        CHECK(smsc_segments("hi", "cheap", 1, &s, &err) == SMSC_INVALID, "a price that is no amount");
        CHECK(strcmp(smsc_error_field(err), "price_per_part") == 0, "the price is named");
        smsc_error_free(err);
        err = NULL;
        CHECK(smsc_normalize_phone("8 (999) 123-45-67", &s, NULL) == SMSC_OK, "phone");
        CHECK(smsc_result_get_string(s, "normalized", &text, NULL) == SMSC_OK && strcmp(text, "79991234567") == 0, "8 becomes 7");
        smsc_result_free(s);
        CHECK(smsc_normalize_phone("\xff", &s, NULL) == SMSC_INVALID_UTF8, "invalid UTF-8 phone");
    }

    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
