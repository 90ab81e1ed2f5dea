/* Runs every case of the shared fixture corpus (tests/fixtures) through the C interface. */
#define _XOPEN_SOURCE 700
#include <cjson/cJSON.h>
#include <ftw.h>
#include <stdint.h>

#include "smsc.h"
#include "common.h"

static int passed = 0, failed = 0;

static int b64_value(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

/* Decodes standard base64 into a new buffer; returns its length. */
static size_t b64_decode(const char *in, unsigned char **out) {
    size_t n = strlen(in), len = 0;
    unsigned char *buf = malloc(n * 3 / 4 + 3);
    unsigned acc = 0;
    int bits = 0;
    for (size_t i = 0; i < n; i++) {
        int v = b64_value(in[i]);
        if (v < 0) continue;
        acc = (acc << 6) | (unsigned)v;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            buf[len++] = (unsigned char)((acc >> bits) & 0xff);
        }
    }
    *out = buf;
    return len;
}

static const char *str_or_null(const cJSON *item) {
    return cJSON_IsString(item) ? item->valuestring : NULL;
}

static int same(const char *a, const char *b) {
    if (!a || !b) return a == b;
    return strcmp(a, b) == 0;
}

/* Checks an error against the case's expect.error; returns NULL or a static failure text. */
static const char *check_error(const smsc_error *err, const cJSON *want, const cJSON *client) {
    static char why[512];
    const char *kind = str_or_null(cJSON_GetObjectItem(want, "kind"));
    if (!same(smsc_error_kind(err), kind)) {
        snprintf(why, sizeof why, "kind %s != %s (%s)", smsc_error_kind(err), kind, smsc_error_message(err));
        return why;
    }
    const cJSON *code = cJSON_GetObjectItem(want, "code");
    if (code && smsc_error_code(err) != (int64_t)code->valuedouble) return "code differs";
    const cJSON *reason = cJSON_GetObjectItem(want, "reason");
    if (reason && !same(smsc_error_reason(err), reason->valuestring)) return "reason differs";
    const cJSON *field = cJSON_GetObjectItem(want, "field");
    if (field && !same(smsc_error_field(err), field->valuestring)) {
        snprintf(why, sizeof why, "field %s != %s", smsc_error_field(err), field->valuestring);
        return why;
    }
    if (!same(smsc_error_message_id(err), str_or_null(cJSON_GetObjectItem(want, "id")))) return "message id differs";
    const char *secrets[] = {"password", "api_key"};
    for (int i = 0; i < 2; i++) {
        const char *s = str_or_null(cJSON_GetObjectItem(client, secrets[i]));
        if (s && strlen(s) >= 4 && strstr(smsc_error_message(err), s)) return "error message shows a secret";
    }
    return NULL;
}

/* The body of a response or callback object: `body` text or `body_base64` bytes. */
static unsigned char *body_of(const cJSON *holder, size_t *len) {
    const cJSON *b64 = cJSON_GetObjectItem(holder, "body_base64");
    unsigned char *body = NULL;
    if (b64) {
        *len = b64_decode(b64->valuestring, &body);
    } else {
        const char *text = str_or_null(cJSON_GetObjectItem(holder, "body"));
        *len = strlen(text);
        body = malloc(*len + 1);
        memcpy(body, text, *len + 1);
    }
    return body;
}

/* A notification case: smsc_parse_callback on `callback`, compared with `expect`. */
static const char *run_callback_case(const cJSON *c) {
    static char why[1024];
    const cJSON *cb = cJSON_GetObjectItem(c, "callback");
    const cJSON *expect = cJSON_GetObjectItem(c, "expect");
    const cJSON *options = cJSON_GetObjectItem(cb, "options");
    char *opts = options ? cJSON_PrintUnformatted(options) : NULL;
    size_t len;
    unsigned char *body = body_of(cb, &len);
    smsc_result *res = NULL;
    smsc_error *err = NULL;
    const char *fail = NULL;
    smsc_status st = smsc_parse_callback(body, len, opts, &res, &err);
    const cJSON *want_result = cJSON_GetObjectItem(expect, "result");
    if (want_result) {
        if (st != SMSC_OK) {
            snprintf(why, sizeof why, "expected a result, got %s", smsc_error_message(err));
            fail = why;
        } else {
            cJSON *got = cJSON_Parse(smsc_result_json(res));
            if (!cJSON_Compare(got, want_result, 1)) {
                snprintf(why, sizeof why, "result %s", smsc_result_json(res));
                fail = why;
            }
            cJSON_Delete(got);
        }
    } else if (st == SMSC_OK) {
        fail = "expected an error, got a result";
    } else {
        const cJSON *want = cJSON_GetObjectItem(expect, "error");
        const char *kind = str_or_null(cJSON_GetObjectItem(want, "kind"));
        const cJSON *field = cJSON_GetObjectItem(want, "field");
        if (!same(smsc_error_kind(err), kind)) fail = "error kind differs";
        else if (strcmp(kind, "signature") == 0 && st != SMSC_SIGNATURE) fail = "status is not SMSC_SIGNATURE";
        else if (field && !same(smsc_error_field(err), field->valuestring)) fail = "field differs";
    }
    smsc_result_free(res);
    smsc_error_free(err);
    free(body);
    cJSON_free(opts);
    return fail;
}

/* An e-mail case: smsc_client_smtp_message, compared with `expect`. */
static const char *run_smtp_case(const cJSON *c) {
    static char why[1024];
    const cJSON *client_cfg = cJSON_GetObjectItem(c, "client");
    const cJSON *expect = cJSON_GetObjectItem(c, "expect");
    char *cfg = cJSON_PrintUnformatted(client_cfg);
    char *params = cJSON_PrintUnformatted(cJSON_GetObjectItem(c, "params"));
    smsc_client *client = NULL;
    smsc_result *res = NULL;
    smsc_error *err = NULL;
    const char *fail = NULL;
    smsc_status st = smsc_client_new(cfg, &client, &err);
    if (st == SMSC_OK) st = smsc_client_smtp_message(client, params, &res, &err);
    const cJSON *want_result = cJSON_GetObjectItem(expect, "result");
    if (want_result) {
        if (st != SMSC_OK) {
            snprintf(why, sizeof why, "expected a result, got %s", smsc_error_message(err));
            fail = why;
        } else {
            cJSON *got = cJSON_Parse(smsc_result_json(res));
            if (!cJSON_Compare(got, want_result, 1)) {
                snprintf(why, sizeof why, "result %s", smsc_result_json(res));
                fail = why;
            }
            cJSON_Delete(got);
        }
    } else {
        fail = st == SMSC_OK ? "expected an error, got a result" : check_error(err, cJSON_GetObjectItem(expect, "error"), client_cfg);
    }
    smsc_result_free(res);
    smsc_client_free(client);
    smsc_error_free(err);
    cJSON_free(cfg);
    cJSON_free(params);
    return fail;
}

static const char *run_case(const cJSON *c) {
    static char why[1024];
    if (same(str_or_null(cJSON_GetObjectItem(c, "op")), "parse_callback")) return run_callback_case(c);
    if (same(str_or_null(cJSON_GetObjectItem(c, "op")), "smtp_message")) return run_smtp_case(c);
    const cJSON *client_cfg = cJSON_GetObjectItem(c, "client");
    const cJSON *expect = cJSON_GetObjectItem(c, "expect");
    const cJSON *want_req = cJSON_GetObjectItem(c, "request");
    char *cfg = cJSON_PrintUnformatted(client_cfg);
    char *params = cJSON_PrintUnformatted(cJSON_GetObjectItem(c, "params"));
    smsc_client *client = NULL;
    smsc_request *req = NULL;
    smsc_result *res = NULL;
    smsc_error *err = NULL;
    const char *fail = NULL;

    smsc_status st = smsc_client_new(cfg, &client, &err);
    if (st == SMSC_OK)
        st = smsc_client_prepare(client, str_or_null(cJSON_GetObjectItem(c, "op")), params, &req, &err);
    if (!want_req) {
        fail = st == SMSC_OK ? "expected the call to be refused" : check_error(err, cJSON_GetObjectItem(expect, "error"), client_cfg);
        goto done;
    }
    if (st != SMSC_OK) {
        snprintf(why, sizeof why, "prepare failed: %s", smsc_error_message(err));
        fail = why;
        goto done;
    }
    if (!same(smsc_request_method(req), str_or_null(cJSON_GetObjectItem(want_req, "method")))) { fail = "method differs"; goto done; }
    if (!same(smsc_request_url(req), str_or_null(cJSON_GetObjectItem(want_req, "url")))) {
        snprintf(why, sizeof why, "url %s", smsc_request_url(req));
        fail = why;
        goto done;
    }
    if (!same(smsc_request_body(req), str_or_null(cJSON_GetObjectItem(want_req, "body")))) {
        snprintf(why, sizeof why, "body %s", smsc_request_body(req) ? smsc_request_body(req) : "(null)");
        fail = why;
        goto done;
    }
    const cJSON *headers = cJSON_GetObjectItem(want_req, "headers");
    if ((size_t)cJSON_GetArraySize(headers) != smsc_request_header_count(req)) { fail = "header count differs"; goto done; }
    for (size_t i = 0; i < smsc_request_header_count(req); i++) {
        const cJSON *h = cJSON_GetObjectItem(headers, smsc_request_header_name(req, i));
        if (!same(str_or_null(h), smsc_request_header_value(req, i))) { fail = "header differs"; goto done; }
    }
    const char *pw = str_or_null(cJSON_GetObjectItem(client_cfg, "password"));
    if (pw && strlen(pw) >= 4 && strstr(smsc_request_redacted(req), pw)) { fail = "redacted request shows the password"; goto done; }

    const cJSON *resp = cJSON_GetObjectItem(c, "response");
    size_t body_len;
    unsigned char *body = body_of(resp, &body_len);
    int http = (int)cJSON_GetObjectItem(resp, "status")->valuedouble;
    st = smsc_request_parse(req, (uint16_t)http, body, body_len, &res, &err);
    free(body);
    const cJSON *want_result = cJSON_GetObjectItem(expect, "result");
    if (want_result) {
        if (st != SMSC_OK) {
            snprintf(why, sizeof why, "expected a result, got %s", smsc_error_message(err));
            fail = why;
            goto done;
        }
        cJSON *got = cJSON_Parse(smsc_result_json(res));
        if (!cJSON_Compare(got, want_result, 1)) {
            snprintf(why, sizeof why, "result %s", smsc_result_json(res));
            fail = why;
        }
        cJSON_Delete(got);
    } else if (st == SMSC_OK) {
        fail = "expected an error, got a result";
    } else {
        fail = check_error(err, cJSON_GetObjectItem(expect, "error"), client_cfg);
    }
done:
    smsc_result_free(res);
    smsc_request_free(req);
    smsc_client_free(client);
    smsc_error_free(err);
    cJSON_free(cfg);
    cJSON_free(params);
    return fail;
}

static int visit(const char *path, const struct stat *sb, int type, struct FTW *ftw) {
    (void)sb;
    (void)ftw;
    size_t n = strlen(path);
    if (type != FTW_F || n < 5 || strcmp(path + n - 5, ".json") != 0) return 0;
    char *text = read_file(path, NULL);
    cJSON *c = text ? cJSON_Parse(text) : NULL;
    const char *fail = c ? run_case(c) : "not readable JSON";
    if (fail) {
        failed++;
        printf("FAIL %s: %s\n", path, fail);
    } else {
        passed++;
    }
    cJSON_Delete(c);
    free(text);
    return 0;
}

int main(int argc, char **argv) {
    const char *root = argc > 1 ? argv[1] : "tests/fixtures";
    if (nftw(root, visit, 16, FTW_PHYS) != 0) {
        perror(root);
        return 2;
    }
    printf("%d passed, %d failed\n", passed, failed);
    return (failed == 0 && passed >= 40) ? 0 : 1;
}
