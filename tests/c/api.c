/* What is specific to C: NULL and invalid UTF-8 arguments, path getters, ownership. */
#include <stdint.h>

#include "smsc.h"
#include "common.h"

static int passed = 0, failed = 0;

#define CHECK(cond, what)                                   \
    do {                                                    \
        if (cond) {                                         \
            passed++;                                       \
        } else {                                            \
            failed++;                                       \
            printf("FAIL line %d: %s\n", __LINE__, what);  \
        }                                                   \
    } while (0)

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

    /* Requests expose every field and a redacted rendering. */
    req = balance_request(client);
    CHECK(req != NULL, "balance request");
    CHECK(strcmp(smsc_request_method(req), "POST") == 0, "POST by default");
    CHECK(strcmp(smsc_request_url(req), "https://smsc.ru/sys/balance.php") == 0, "URL without credentials");
    CHECK(strstr(smsc_request_body(req), "psw=s3cret-pw") != NULL, "body carries the password for the server");
    CHECK(strstr(smsc_request_redacted(req), "s3cret-pw") == NULL, "redacted form hides it");
    CHECK(smsc_request_header_count(req) == 1, "one header");
    CHECK(smsc_request_header_name(req, 1) == NULL, "header index out of range is NULL");
    CHECK(strcmp(smsc_request_operation(req), "balance") == 0, "operation name");

    /* Results: JSON view and typed getters by path. */
    smsc_result *res = NULL;
    const char *body = "{\"balance\": \"250.80\", \"credit\": \"100.00\", \"currency\": \"RUB\"}";
    CHECK(smsc_request_parse(req, 200, (const uint8_t *)body, strlen(body), &res, &err) == SMSC_OK, "parse balance");
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
    smsc_error_free(err);
    err = NULL;
    CHECK(smsc_result_has(res, "credit") && !smsc_result_has(res, "nope"), "has");
    CHECK(strstr(smsc_result_json(res), "\"250.80\"") != NULL, "JSON view keeps money exact");
    smsc_result_free(res);
    res = NULL;

    /* Errors from answers. */
    const char *api_err = "ERROR = 9 (duplicate request, wait a minute)";
    CHECK(smsc_request_parse(req, 200, (const uint8_t *)api_err, strlen(api_err), &res, &err) == SMSC_API, "API error");
    CHECK(smsc_error_code(err) == 9 && strcmp(smsc_error_reason(err), "rate_limited") == 0, "code and reason");
    smsc_error_free(err);
    err = NULL;
    CHECK(smsc_request_parse(req, 503, NULL, 0, &res, &err) == SMSC_HTTP && smsc_error_code(err) == 503, "HTTP error");
    smsc_error_free(err);
    err = NULL;
    CHECK(smsc_request_parse(req, 200, NULL, 5, &res, &err) == SMSC_NULL_ARGUMENT, "NULL body with a length");
    smsc_error_free(err);
    err = NULL;
    const unsigned char junk[] = {0xff, 0x00, 0x41};
    CHECK(smsc_request_parse(req, 200, junk, sizeof junk, &res, &err) == SMSC_PARSE, "binary junk is a parse error");
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
    CHECK(strlen(smsc_version()) > 0, "version");

    smsc_request_free(req);
    smsc_client_free(client);
    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
