/* Runs every case of the shared fixture corpus (tests/fixtures) through the C interface. */
#define _XOPEN_SOURCE 700
#include <cjson/cJSON.h>
#include <ftw.h>
#include <stdint.h>

#include "smsc.h"
#include "common.h"


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

/* The status a call must return for an error of `kind`. */
static smsc_status status_of_kind(const char *kind) {
    if (same(kind, "invalid")) return SMSC_INVALID;
    if (same(kind, "api")) return SMSC_API;
    if (same(kind, "http")) return SMSC_HTTP;
    if (same(kind, "parse")) return SMSC_PARSE;
    if (same(kind, "signature")) return SMSC_SIGNATURE;
    return SMSC_INTERNAL;
}

/* The first secret of the client settings found in `text`, or NULL. */
static const char *shown_secret(const char *text, const cJSON *client) {
    const char *secrets[] = {"password", "api_key"};
    for (int i = 0; i < 2; i++) {
        const char *s = str_or_null(cJSON_GetObjectItem(client, secrets[i]));
        if (text && s && strlen(s) >= 4 && strstr(text, s)) return secrets[i];
    }
    return NULL;
}

/* Checks a failed call (status `st`, error `err`) against the case's expect.error; returns
 * NULL or a static failure text. */
static const char *check_error(smsc_status st, const smsc_error *err, const cJSON *want, const cJSON *client) {
    static char why[512];
    if (st == SMSC_OK) return "expected an error, got a result";
    if (!err) return "no error object";
    const char *kind = str_or_null(cJSON_GetObjectItem(want, "kind"));
    if (!same(smsc_error_kind(err), kind)) {
        snprintf(why, sizeof why, "kind %s != %s (%s)", smsc_error_kind(err), kind, smsc_error_message(err));
        return why;
    }
    if (st != status_of_kind(kind) || smsc_error_status(err) != st) {
        snprintf(why, sizeof why, "status %d for kind %s", (int)st, kind);
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
    const char *part = str_or_null(cJSON_GetObjectItem(want, "message"));
    if (part && (!smsc_error_message(err) || !strstr(smsc_error_message(err), part))) {
        snprintf(why, sizeof why, "the message does not say \"%s\": %s", part, smsc_error_message(err));
        return why;
    }
    if (!smsc_error_message(err) || !*smsc_error_message(err)) return "empty error message";
    if (shown_secret(smsc_error_message(err), client)) return "error message shows a secret";
    return NULL;
}

/* A case's `advice`: for each `attempt`, the fields smsc_request_advice must give (compared
 * through smsc_advice_json); NULL when they agree. */
static const char *check_advice(const smsc_request *req, const smsc_error *err, const cJSON *entries) {
    static char why[512];
    const cJSON *entry;
    cJSON_ArrayForEach(entry, entries) {
        const cJSON *attempt = cJSON_GetObjectItem(entry, "attempt");
        smsc_advice *advice = NULL;
        if (!cJSON_IsNumber(attempt) ||
            smsc_request_advice(req, err, NULL, (uint32_t)attempt->valueint, &advice, NULL) != SMSC_OK)
            return "no advice";
        cJSON *got = cJSON_Parse(smsc_advice_json(advice));
        const cJSON *field;
        const char *fail = NULL;
        cJSON_ArrayForEach(field, entry) {
            if (strcmp(field->string, "attempt") == 0) continue;
            if (!cJSON_Compare(cJSON_GetObjectItem(got, field->string), field, true)) {
                snprintf(why, sizeof why, "advice at attempt %d: %s differs: %s", attempt->valueint, field->string,
                         smsc_advice_json(advice));
                fail = why;
                break;
            }
        }
        cJSON_Delete(got);
        smsc_advice_free(advice);
        if (fail) return fail;
    }
    return NULL;
}

/* Compares a call's outcome with the expected result; NULL when they agree. */
static const char *compare_result(smsc_status st, const smsc_result *res, const smsc_error *err,
                                  const cJSON *want_result) {
    static char why[1024];
    if (st != SMSC_OK) {
        snprintf(why, sizeof why, "expected a result, got %s", smsc_error_message(err));
        return why;
    }
    if (err) return "an error object was written on success";
    cJSON *got = cJSON_Parse(smsc_result_json(res));
    const char *fail = NULL;
    if (!got) {
        fail = "smsc_result_json is not JSON";
    } else if (!cJSON_Compare(got, want_result, 1)) {
        snprintf(why, sizeof why, "result %s", smsc_result_json(res));
        fail = why;
    }
    cJSON_Delete(got);
    return fail;
}

/* The body of a response or callback object: `body` text or `body_base64` bytes; NULL when
 * it has neither. */
static unsigned char *body_of(const cJSON *holder, size_t *len) {
    const char *b64 = str_or_null(cJSON_GetObjectItem(holder, "body_base64"));
    const char *text = str_or_null(cJSON_GetObjectItem(holder, "body"));
    unsigned char *body = NULL;
    if (b64) {
        *len = b64_decode(b64, &body);
    } else if (text) {
        *len = strlen(text);
        body = malloc(*len + 1);
        memcpy(body, text, *len + 1);
    }
    return body;
}

/* A notification case: smsc_parse_callback on `callback`, compared with `expect`. */
static const char *run_callback_case(const cJSON *c) {
    const cJSON *cb = cJSON_GetObjectItem(c, "callback");
    const cJSON *expect = cJSON_GetObjectItem(c, "expect");
    const cJSON *options = cJSON_GetObjectItem(cb, "options");
    char *opts = options ? cJSON_PrintUnformatted(options) : NULL;
    size_t len;
    unsigned char *body = body_of(cb, &len);
    smsc_result *res = NULL;
    smsc_error *err = NULL;
    const char *fail = NULL;
    if (!body) {
        cJSON_free(opts);
        return "callback has neither body nor body_base64";
    }
    smsc_status st = smsc_parse_callback(body, len, opts, &res, &err);
    const cJSON *want_result = cJSON_GetObjectItem(expect, "result");
    if (want_result) {
        fail = compare_result(st, res, err, want_result);
    } else {
        fail = check_error(st, err, cJSON_GetObjectItem(expect, "error"), NULL);
    }
    smsc_result_free(res);
    smsc_error_free(err);
    free(body);
    cJSON_free(opts);
    return fail;
}

/* An e-mail case: smsc_client_smtp_message, compared with `expect`. */
static const char *run_smtp_case(const cJSON *c) {
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
        fail = compare_result(st, res, err, want_result);
    } else {
        fail = check_error(st, err, cJSON_GetObjectItem(expect, "error"), client_cfg);
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
        fail = st == SMSC_OK ? "expected the call to be refused" : check_error(st, err, cJSON_GetObjectItem(expect, "error"), client_cfg);
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
    if (shown_secret(smsc_request_redacted(req), client_cfg)) { fail = "redacted request shows a secret"; goto done; }

    const cJSON *resp = cJSON_GetObjectItem(c, "response");
    const cJSON *http = cJSON_GetObjectItem(resp, "status");
    size_t body_len;
    unsigned char *body = body_of(resp, &body_len);
    if (!body || !cJSON_IsNumber(http)) {
        free(body);
        fail = "response needs a status and a body or body_base64";
        goto done;
    }
    st = smsc_request_parse(req, (uint16_t)http->valueint, body, body_len, &res, &err);
    free(body);
    const cJSON *want_result = cJSON_GetObjectItem(expect, "result");
    if (want_result) {
        fail = compare_result(st, res, err, want_result);
        if (!fail && shown_secret(smsc_result_json(res), client_cfg)) fail = "result shows a secret";
    } else {
        fail = check_error(st, err, cJSON_GetObjectItem(expect, "error"), client_cfg);
        if (!fail) fail = check_advice(req, err, cJSON_GetObjectItem(c, "advice"));
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
    if (passed + failed == 0) fprintf(stderr, "no fixture cases found under %s\n", root);
    printf("%d passed, %d failed\n", passed, failed);
    return (failed == 0 && passed > 0) ? 0 : 1;
}
