/* Bad input that only C can give: NULL pointers and invalid UTF-8 at every entry point, and
 * parameters and answers too big or too deep. Each case carries its id in docs/bad-input.md.
 * run.sh runs this program under valgrind and under ASan + UBSan. */
#include <stdint.h>

#include "smsc.h"
#include "common.h"

static const char *BAD = "bad\xc3(utf8"; /* a lead byte without its continuation */
#define DEEP 100000

/* Checks that a call gave `want` with an error naming `field` and saying `words`; frees it. */
static void expect(smsc_status got, smsc_error **err, smsc_status want, const char *field, const char *words, const char *what) {
    int ok = got == want && *err != NULL && smsc_error_status(*err) == want && smsc_error_message(*err) != NULL
             && strcmp(smsc_error_kind(*err), want == SMSC_PARSE ? "parse" : "invalid") == 0
             && (!field || (smsc_error_field(*err) && strcmp(smsc_error_field(*err), field) == 0))
             && (!words || strstr(smsc_error_message(*err), words) != NULL);
    if (!ok) printf("  got status %d: %s (field %s)\n", (int)got, *err ? smsc_error_message(*err) : "(no error)",
                    *err && smsc_error_field(*err) ? smsc_error_field(*err) : "-");
    CHECK(ok, what);
    smsc_error_free(*err);
    *err = NULL;
}

/* `open` repeated `n` times, then `middle`, then `close` repeated `n` times; the caller frees it. */
static char *nested(const char *open, const char *middle, const char *close, size_t n) {
    size_t lo = strlen(open), lm = strlen(middle), lc = strlen(close);
    char *s = malloc(n * (lo + lc) + lm + 1), *p = s;
    for (size_t i = 0; i < n; i++, p += lo) memcpy(p, open, lo);
    memcpy(p, middle, lm);
    p += lm;
    for (size_t i = 0; i < n; i++, p += lc) memcpy(p, close, lc);
    *p = '\0';
    return s;
}

int main(void) {
    smsc_client *client = NULL, *other = NULL;
    smsc_request *req = NULL;
    smsc_result *res = NULL;
    smsc_error *err = NULL;
    const uint8_t *body = (const uint8_t *)"1.00";

    /* [C01] smsc_client_new: NULL config, NULL out, config not UTF-8, not JSON. */
    expect(smsc_client_new(NULL, &other, &err), &err, SMSC_NULL_ARGUMENT, "config_json", "must not be NULL", "C01 NULL config");
    expect(smsc_client_new("{\"login\":\"a\",\"password\":\"b\"}", NULL, &err), &err, SMSC_NULL_ARGUMENT, "out", NULL, "C01 NULL out");
    expect(smsc_client_new(BAD, &other, &err), &err, SMSC_INVALID_UTF8, "config_json", "UTF-8", "C01 config not UTF-8");
    expect(smsc_client_new("{\"login\": ", &other, &err), &err, SMSC_INVALID, "config_json", "is not valid JSON", "C01 config not JSON");
    /* [C02] smsc_client_new_login: each argument NULL or not UTF-8. */
    expect(smsc_client_new_login(NULL, "pw", &other, &err), &err, SMSC_NULL_ARGUMENT, "login", NULL, "C02 NULL login");
    expect(smsc_client_new_login("demo", NULL, &other, &err), &err, SMSC_NULL_ARGUMENT, "password", NULL, "C02 NULL password");
    expect(smsc_client_new_login("demo", "pw", NULL, &err), &err, SMSC_NULL_ARGUMENT, "out", NULL, "C02 NULL out");
    expect(smsc_client_new_login(BAD, "pw", &other, &err), &err, SMSC_INVALID_UTF8, "login", NULL, "C02 login not UTF-8");
    expect(smsc_client_new_login("demo", BAD, &other, &err), &err, SMSC_INVALID_UTF8, "password", NULL, "C02 password not UTF-8");
    expect(smsc_client_new_login("demo", "", &other, &err), &err, SMSC_INVALID, "password", "the password is empty", "C02 empty password");
    /* [C03] smsc_client_new_api_key. */
    expect(smsc_client_new_api_key(NULL, &other, &err), &err, SMSC_NULL_ARGUMENT, "api_key", NULL, "C03 NULL key");
    expect(smsc_client_new_api_key("key-123456", NULL, &err), &err, SMSC_NULL_ARGUMENT, "out", NULL, "C03 NULL out");
    expect(smsc_client_new_api_key(BAD, &other, &err), &err, SMSC_INVALID_UTF8, "api_key", NULL, "C03 key not UTF-8");
    CHECK(other == NULL, "no client was made by a failed call");

    CHECK(smsc_client_new_login("demo", "s3cret-pw", &client, NULL) == SMSC_OK, "client");
    /* [C04] smsc_client_set_base_url. */
    expect(smsc_client_set_base_url(NULL, "http://127.0.0.1", &err), &err, SMSC_NULL_ARGUMENT, "client", NULL, "C04 NULL client");
    expect(smsc_client_set_base_url(client, NULL, &err), &err, SMSC_NULL_ARGUMENT, "base_url", NULL, "C04 NULL url");
    expect(smsc_client_set_base_url(client, BAD, &err), &err, SMSC_INVALID_UTF8, "base_url", NULL, "C04 url not UTF-8");
    /* [C05] smsc_client_prepare: every pointer, both strings, and parameters nested 100 000 deep. */
    expect(smsc_client_prepare(NULL, "balance", NULL, &req, &err), &err, SMSC_NULL_ARGUMENT, "client", NULL, "C05 NULL client");
    expect(smsc_client_prepare(client, NULL, NULL, &req, &err), &err, SMSC_NULL_ARGUMENT, "op", NULL, "C05 NULL op");
    expect(smsc_client_prepare(client, "balance", NULL, NULL, &err), &err, SMSC_NULL_ARGUMENT, "out", NULL, "C05 NULL out");
    expect(smsc_client_prepare(client, BAD, NULL, &req, &err), &err, SMSC_INVALID_UTF8, "op", NULL, "C05 op not UTF-8");
    expect(smsc_client_prepare(client, "send_sms", BAD, &req, &err), &err, SMSC_INVALID_UTF8, "params_json", NULL, "C05 params not UTF-8");
    expect(smsc_client_prepare(client, "send_sms", "{\"phones\": \"7999", &req, &err), &err, SMSC_INVALID, "params_json", "is not valid JSON",
           "C05 params not JSON");
    char *deep = nested("{\"phones\":[", "\"79991234567\"", "]}", DEEP);
    expect(smsc_client_prepare(client, "send_sms", deep, &req, &err), &err, SMSC_INVALID, "params_json", "nests deeper than 128 levels",
           "C05 params nested 100 000 deep");
    free(deep);
    deep = nested("{\"a\":", "1", "}", DEEP);
    expect(smsc_client_new(deep, &other, &err), &err, SMSC_INVALID, "config_json", "nests deeper than 128 levels", "C05 config nested deep");
    CHECK(req == NULL, "no request was made by a failed call");
    /* [C13] a NUL inside the text, escaped in the JSON (a C string cannot hold it raw). */
    expect(smsc_client_prepare(client, "send_sms", "{\"phones\": \"79991234567\", \"message\": \"Hi\\u0000there\"}", &req, &err), &err,
           SMSC_INVALID, "message", "NUL character", "C13 NUL in the message");
    /* [C06] smsc_client_smtp_message. */
    expect(smsc_client_smtp_message(NULL, NULL, &res, &err), &err, SMSC_NULL_ARGUMENT, "client", NULL, "C06 NULL client");
    expect(smsc_client_smtp_message(client, "{\"phones\": \"79991234567\", \"message\": \"Hi\"}", NULL, &err), &err, SMSC_NULL_ARGUMENT, "out",
           NULL, "C06 NULL out");
    expect(smsc_client_smtp_message(client, BAD, &res, &err), &err, SMSC_INVALID_UTF8, "params_json", NULL, "C06 params not UTF-8");
    expect(smsc_client_smtp_message(client, deep, &res, &err), &err, SMSC_INVALID, "params_json", "nests deeper", "C06 params nested deep");

    /* [C07] smsc_request_parse: NULL request, NULL body with a length, NULL out. */
    CHECK(smsc_client_prepare(client, "balance", NULL, &req, NULL) == SMSC_OK, "balance request");
    expect(smsc_request_parse(NULL, 200, body, 4, &res, &err), &err, SMSC_NULL_ARGUMENT, "request", NULL, "C07 NULL request");
    expect(smsc_request_parse(req, 200, NULL, 4, &res, &err), &err, SMSC_NULL_ARGUMENT, "body", NULL, "C07 NULL body with a length");
    expect(smsc_request_parse(req, 200, body, 4, NULL, &err), &err, SMSC_NULL_ARGUMENT, "out", NULL, "C07 NULL out");
    /* [C08] a 10 MB body: a typed error or a result, no crash. */
    size_t big = 10u * 1024 * 1024;
    char *junk = malloc(big + 64);
    memset(junk, 'x', big);
    expect(smsc_request_parse(req, 200, (const uint8_t *)junk, big, &res, &err), &err, SMSC_PARSE, NULL, "unreadable SMSC answer",
           "C08 10 MB of junk");
    memcpy(junk, "{\"balance\": \"1.00\", \"pad\": \"", 28);
    memcpy(junk + big, "\"}", 3);
    CHECK(smsc_request_parse(req, 200, (const uint8_t *)junk, big + 2, &res, &err) == SMSC_OK, "C08 10 MB padded answer");
    const char *money = NULL;
    CHECK(smsc_result_get_money(res, "balance", &money, NULL) == SMSC_OK && strcmp(money, "1.00") == 0, "C08 balance read");
    smsc_result_free(res);
    res = NULL;
    free(junk);
    /* [C09] answers nested 100 000 deep: parse errors, no stack overflow. */
    char *deep_body = nested("[", "", "]", DEEP);
    expect(smsc_request_parse(req, 200, (const uint8_t *)deep_body, strlen(deep_body), &res, &err), &err, SMSC_PARSE, NULL,
           "nested deeper than 128 levels", "C09 JSON answer nested deep");
    free(deep_body);
    deep_body = nested("<a>", "", "</a>", DEEP);
    expect(smsc_request_parse(req, 200, (const uint8_t *)deep_body, strlen(deep_body), &res, &err), &err, SMSC_PARSE, NULL,
           "nests deeper than 32 levels", "C09 XML answer nested deep");
    free(deep_body);
    /* [C10] smsc_parse_callback: NULL body with a length, NULL out, options not UTF-8, nested deep. */
    const uint8_t *form = (const uint8_t *)"id=1&phone=79991234567&status=1";
    expect(smsc_parse_callback(NULL, 5, NULL, &res, &err), &err, SMSC_NULL_ARGUMENT, "body", NULL, "C10 NULL body");
    expect(smsc_parse_callback(form, 31, NULL, NULL, &err), &err, SMSC_NULL_ARGUMENT, "out", NULL, "C10 NULL out");
    expect(smsc_parse_callback(form, 31, BAD, &res, &err), &err, SMSC_INVALID_UTF8, "options_json", NULL, "C10 options not UTF-8");
    expect(smsc_parse_callback(form, 31, deep, &res, &err), &err, SMSC_INVALID, "options_json", "nests deeper", "C10 options nested deep");
    expect(smsc_parse_callback(form, 31, "{\"secert\": \"x\"}", &res, &err), &err, SMSC_INVALID, "secert", "did you mean `secret`?",
           "C10 misspelt option");
    free(deep);

    /* [C11] result getters: NULL result, NULL path, NULL out, path not UTF-8, for each getter. */
    CHECK(smsc_request_parse(req, 200, body, 4, &res, NULL) == SMSC_OK, "a result to read");
    const char *s = NULL;
    int64_t i = 0;
    double d = 0;
    bool b = false;
    size_t n = 0;
    expect(smsc_result_get_string(NULL, "balance", &s, &err), &err, SMSC_NULL_ARGUMENT, "result", NULL, "C11 string: NULL result");
    expect(smsc_result_get_string(res, NULL, &s, &err), &err, SMSC_NULL_ARGUMENT, "path", NULL, "C11 string: NULL path");
    expect(smsc_result_get_string(res, "balance", NULL, &err), &err, SMSC_NULL_ARGUMENT, "out", NULL, "C11 string: NULL out");
    expect(smsc_result_get_string(res, BAD, &s, &err), &err, SMSC_INVALID_UTF8, "path", NULL, "C11 string: path not UTF-8");
    expect(smsc_result_get_int(NULL, "balance", &i, &err), &err, SMSC_NULL_ARGUMENT, "result", NULL, "C11 int: NULL result");
    expect(smsc_result_get_int(res, BAD, &i, &err), &err, SMSC_INVALID_UTF8, "path", NULL, "C11 int: path not UTF-8");
    expect(smsc_result_get_int(res, "balance", &i, &err), &err, SMSC_INVALID, "path", "is not a whole number", "C11 int: wrong type");
    expect(smsc_result_get_money(res, NULL, &s, &err), &err, SMSC_NULL_ARGUMENT, "path", NULL, "C11 money: NULL path");
    expect(smsc_result_get_money_f64(res, "balance", NULL, &err), &err, SMSC_NULL_ARGUMENT, "out", NULL, "C11 double: NULL out");
    expect(smsc_result_get_money_f64(res, BAD, &d, &err), &err, SMSC_INVALID_UTF8, "path", NULL, "C11 double: path not UTF-8");
    expect(smsc_result_get_bool(NULL, "x", &b, &err), &err, SMSC_NULL_ARGUMENT, "result", NULL, "C11 bool: NULL result");
    expect(smsc_result_get_bool(res, BAD, &b, &err), &err, SMSC_INVALID_UTF8, "path", NULL, "C11 bool: path not UTF-8");
    expect(smsc_result_count(res, NULL, &n, &err), &err, SMSC_NULL_ARGUMENT, "path", NULL, "C11 count: NULL path");
    expect(smsc_result_count(res, "balance", NULL, &err), &err, SMSC_NULL_ARGUMENT, "out", NULL, "C11 count: NULL out");
    expect(smsc_result_count(res, BAD, &n, &err), &err, SMSC_INVALID_UTF8, "path", NULL, "C11 count: path not UTF-8");
    CHECK(!smsc_result_has(res, BAD) && !smsc_result_has(NULL, "balance") && !smsc_result_has(res, NULL), "C11 has: bad arguments are false");
    /* [C12] accessors and frees take NULL, and a failed call with a NULL err only returns its status. */
    CHECK(smsc_request_method(NULL) == NULL && smsc_request_url(NULL) == NULL && smsc_request_body(NULL) == NULL
              && smsc_request_operation(NULL) == NULL && smsc_request_redacted(NULL) == NULL && smsc_request_header_count(NULL) == 0
              && smsc_request_header_name(NULL, 0) == NULL && smsc_request_header_value(NULL, 0) == NULL && smsc_result_json(NULL) == NULL,
          "C12 request and result accessors");
    CHECK(smsc_error_status(NULL) == SMSC_NULL_ARGUMENT && smsc_error_kind(NULL) == NULL && smsc_error_code(NULL) == 0
              && smsc_error_reason(NULL) == NULL && smsc_error_field(NULL) == NULL && smsc_error_message(NULL) == NULL
              && smsc_error_message_id(NULL) == NULL,
          "C12 error accessors");
    smsc_client_free(NULL);
    smsc_request_free(NULL);
    smsc_result_free(NULL);
    smsc_error_free(NULL);
    CHECK(smsc_client_prepare(NULL, NULL, BAD, NULL, NULL) == SMSC_NULL_ARGUMENT, "C12 everything NULL, no err");

    smsc_result_free(res);
    smsc_request_free(req);
    smsc_client_free(client);
    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
