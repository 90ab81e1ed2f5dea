/* The retry advice followed by smsc_curl_deliver against the local SMSC emulator (base URL in
 * argv[1]) told to misbehave, with libcurl: no message is lost and none is sent twice. */
/* nanosleep is POSIX, outside strict C11. */
#define _POSIX_C_SOURCE 200809L
#include <cjson/cJSON.h>
#include <stdio.h>

#include "smsc.h"
#include "smsc_curl.h"
#include "common.h"

static const char *base;

/* POSTs a form to an admin endpoint of the emulator, or GETs it when form is NULL; returns the
 * body, which the caller frees. */
static char *admin(CURL *curl, const char *path, const char *form) {
    char url[256];
    snprintf(url, sizeof url, "%s/emulator/%s", base, path);
    struct smsc_curl_buffer buf = {NULL, 0};
    curl_easy_reset(curl);
    curl_easy_setopt(curl, CURLOPT_URL, url);
    if (form) curl_easy_setopt(curl, CURLOPT_POSTFIELDS, form);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, smsc_curl_collect);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &buf);
    if (curl_easy_perform(curl) != CURLE_OK) {
        free(buf.data);
        return NULL;
    }
    if (buf.data) buf.data[buf.len] = '\0';
    return (char *)buf.data;
}

/* Sends the emulator received under this id. */
static int sent_with_id(CURL *curl, const char *id) {
    char *body = admin(curl, "messages", NULL);
    cJSON *root = body ? cJSON_Parse(body) : NULL;
    int n = 0;
    const cJSON *m;
    cJSON_ArrayForEach(m, cJSON_GetObjectItem(root, "messages")) {
        const cJSON *mid = cJSON_GetObjectItem(m, "id");
        if (cJSON_IsString(mid) && strcmp(mid->valuestring, id) == 0) n += cJSON_GetObjectItem(m, "sends")->valueint;
    }
    cJSON_Delete(root);
    free(body);
    return n;
}

/* The delivery's clock and waits replaced (no real waiting), and its attempts recorded as
 * "request1 status_check1 …". */
struct record {
    uint64_t now;
    char attempts[256];
    char waits[128];
};

static uint64_t fake_now(void *user) { return ((struct record *)user)->now; }

static void fake_sleep(void *user, uint64_t ms) {
    struct record *rec = user;
    rec->now += ms;
    size_t len = strlen(rec->waits);
    snprintf(rec->waits + len, sizeof rec->waits - len, "%llu ", (unsigned long long)ms);
}

static void on_attempt(void *user, const char *purpose, uint32_t attempt, const smsc_request *req) {
    struct record *rec = user;
    size_t len = strlen(rec->attempts);
    snprintf(rec->attempts + len, sizeof rec->attempts - len, "%s%u ", purpose, attempt);
    CHECK(strstr(smsc_request_redacted(req), "demo-password") == NULL, "no secret in the hook");
}

/* Delivers `req` with the library's reliable send over libcurl; the status, with the result's
 * id in `id` (when there is one) and the stopping advice's action in `action`. */
static smsc_status follow(CURL *curl, const smsc_client *client, const smsc_request *req, struct record *rec,
                          char *action, size_t cap) {
    memset(rec, 0, sizeof *rec);
    struct smsc_curl_deliver_options options = {NULL, on_attempt, fake_now, fake_sleep, rec, NULL};
    smsc_result *res = NULL;
    smsc_advice *advice = NULL;
    smsc_error *err = NULL;
    smsc_status st = smsc_curl_deliver(curl, client, req, &options, &res, &advice, &err);
    snprintf(action, cap, "%s", advice ? smsc_advice_action(advice) : "");
    smsc_result_free(res);
    smsc_advice_free(advice);
    smsc_error_free(err);
    return st;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: retry <emulator base URL>\n");
        return 2;
    }
    base = argv[1];
    curl_global_init(CURL_GLOBAL_DEFAULT);
    CURL *curl = curl_easy_init();
    smsc_client *client = NULL;
    char config[320];
    /* Tiny delays keep the run fast; the advice scales them as it would the defaults. */
    snprintf(config, sizeof config,
             "{\"login\": \"demo\", \"password\": \"demo-password\", \"base_url\": \"%s\", "
             "\"retry\": {\"base_delay_ms\": 1, \"rate_limit_delay_ms\": 2}}",
             base);
    CHECK(smsc_client_new(config, &client, NULL) == SMSC_OK, "client");
    char action[32];
    struct record rec;
    smsc_request *req = NULL;

    /* The send is carried out, its answer lost: the status check finds it; nothing is resent. */
    free(admin(curl, "faults", "fault=lost&script=send.php"));
    smsc_client_prepare(client, "send_sms", "{\"phones\": \"79991234567\", \"message\": \"hi\", \"id\": \"order-1\"}",
                        &req, NULL);
    CHECK(follow(curl, client, req, &rec, action, sizeof action) == SMSC_OK, "lost answer: found");
    CHECK(strcmp(rec.attempts, "request1 status_check1 ") == 0, rec.attempts);
    CHECK(sent_with_id(curl, "order-1") == 1, "lost answer: one message");
    smsc_request_free(req);

    /* The send never arrived: the check finds nothing, so it goes once. */
    free(admin(curl, "faults", "fault=drop&script=send.php"));
    smsc_client_prepare(client, "send_sms", "{\"phones\": \"79991234567\", \"message\": \"hi\", \"id\": \"order-2\"}",
                        &req, NULL);
    CHECK(follow(curl, client, req, &rec, action, sizeof action) == SMSC_OK, "dropped: sent after the check");
    CHECK(strcmp(rec.attempts, "request1 status_check1 request2 ") == 0, rec.attempts);
    CHECK(sent_with_id(curl, "order-2") == 1, "dropped: one message");
    smsc_request_free(req);

    /* Without an id a send is never repeated: no answer, and the advice is to check by hand. */
    free(admin(curl, "faults", "fault=lost&script=send.php"));
    smsc_client_prepare(client, "send_sms", "{\"phones\": \"79991234567\", \"message\": \"hi\"}", &req, NULL);
    CHECK(follow(curl, client, req, &rec, action, sizeof action) == SMSC_TRANSPORT, "no id: no answer");
    CHECK(strcmp(action, "check_by_hand") == 0, action);
    CHECK(strcmp(rec.attempts, "request1 ") == 0, rec.attempts);
    CHECK(sent_with_id(curl, "1") == 1, "no id: one message");
    smsc_request_free(req);

    /* A balance through two 503s and a dropped connection. The drop comes on the connection the
     * 503s were answered on, and libcurl repeats a read on a fresh one by itself (smsc_curl.h
     * forbids that only for sends), so two waits are advised. */
    free(admin(curl, "faults", "fault=http&status=503&count=2&script=balance.php"));
    free(admin(curl, "faults", "fault=drop&script=balance.php"));
    smsc_client_prepare(client, "balance", NULL, &req, NULL);
    CHECK(follow(curl, client, req, &rec, action, sizeof action) == SMSC_OK, "balance read");
    CHECK(strcmp(rec.waits, "1 2 ") == 0, rec.waits);

    /* The history, walked page by page: three messages sent above and two more, two to a page,
     * the short third page the last. */
    for (int n = 0; n < 2; n++) {
        smsc_request *more = NULL;
        smsc_result *sent = NULL;
        smsc_client_prepare(client, "send_sms", "{\"phones\": \"79991234567\", \"message\": \"more\"}", &more, NULL);
        CHECK(smsc_curl_perform(curl, more, &sent, NULL, NULL) == SMSC_OK, "one more send");
        smsc_result_free(sent);
        smsc_request_free(more);
    }
    smsc_request *page = NULL;
    smsc_client_prepare(client, "history", "{\"cnt\": 2}", &page, NULL);
    char walked[128] = "";
    for (int n = 0; page && n < 10; n++) {
        smsc_request *next = NULL;
        smsc_result *res = NULL;
        struct smsc_curl_deliver_options paging = {NULL, NULL, fake_now, fake_sleep, &rec, &next};
        CHECK(smsc_curl_deliver(curl, client, page, &paging, &res, NULL, NULL) == SMSC_OK, "a page");
        size_t count = 0;
        smsc_result_count(res, "messages", &count, NULL);
        size_t len = strlen(walked);
        snprintf(walked + len, sizeof walked - len, "%zu ", count);
        smsc_result_free(res);
        smsc_request_free(page);
        page = next;
    }
    CHECK(strcmp(walked, "2 2 1 ") == 0, walked);

    /* The delivery's own arguments: NULLs and a zero limit are typed errors. */
    smsc_delivery *d = NULL;
    smsc_error *bad = NULL;
    CHECK(smsc_delivery_new(client, req, "{\"max_attempts\": 0}", &d, &bad) == SMSC_INVALID && d == NULL,
          "zero attempts");
    smsc_error_free(bad);
    CHECK(smsc_delivery_new(NULL, req, NULL, &d, NULL) == SMSC_NULL_ARGUMENT, "NULL client");
    CHECK(smsc_delivery_new(client, req, NULL, &d, NULL) == SMSC_OK, "delivery");
    smsc_step step;
    CHECK(smsc_delivery_next(d, 0, &step, NULL) == SMSC_OK && step == SMSC_STEP_SEND, "first step sends");
    CHECK(smsc_delivery_next(d, 0, &step, NULL) == SMSC_INVALID, "a step before the answer is refused");
    CHECK(smsc_delivery_no_answer(d, "melted", NULL) == SMSC_INVALID, "unknown transport");
    smsc_result *none = NULL;
    CHECK(smsc_delivery_take_result(d, &none, NULL) == SMSC_INVALID && none == NULL, "no result yet");
    CHECK(smsc_delivery_request(NULL) == NULL && smsc_delivery_delay_ms(NULL) == 0, "NULL delivery");
    smsc_delivery_free(d);
    smsc_delivery_free(NULL);

    /* The accessors: advice for a transport failure, its JSON, and the arguments refused. */
    smsc_advice *advice = NULL;
    smsc_error *err = NULL;
    CHECK(smsc_request_advice(req, NULL, "timeout", 2, &advice, NULL) == SMSC_OK, "advice");
    CHECK(smsc_advice_retry(advice) && smsc_advice_delay_ms(advice) == 2 && smsc_advice_next_attempt(advice) == 3,
          "delay doubles");
    CHECK(strcmp(smsc_advice_base_url(advice), base) == 0, "a base URL given whole is kept");
    CHECK(smsc_advice_status_params(advice) == NULL, "no status check for a read");
    CHECK(strstr(smsc_advice_json(advice), "\"action\":\"retry\"") != NULL, smsc_advice_json(advice));
    CHECK(strstr(smsc_advice_reason(advice), "demo-password") == NULL, "no secret in the reason");
    smsc_advice_free(advice);
    CHECK(smsc_request_advice(req, NULL, "melted", 1, &advice, &err) == SMSC_INVALID, "unknown transport");
    smsc_error_free(err);
    err = NULL;
    CHECK(smsc_request_advice(req, NULL, NULL, 1, &advice, &err) == SMSC_INVALID, "no failure given");
    smsc_error_free(err);
    CHECK(smsc_request_advice(NULL, NULL, "timeout", 1, &advice, NULL) == SMSC_NULL_ARGUMENT, "NULL request");
    smsc_request *moved = NULL;
    CHECK(smsc_request_at(req, "ftp://x", &moved, NULL) == SMSC_INVALID && moved == NULL, "bad base URL");
    CHECK(smsc_advice_action(NULL) == NULL && !smsc_advice_retry(NULL) && smsc_advice_delay_ms(NULL) == 0,
          "NULL advice");
    smsc_advice_free(NULL);
    smsc_request_free(req);

    smsc_client_free(client);
    curl_easy_cleanup(curl);
    curl_global_cleanup();
    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
