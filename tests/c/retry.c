/* Following smsc_request_advice against the local SMSC emulator (base URL in argv[1]) told to
 * misbehave, with libcurl: no message is lost and none is sent twice. */
/* nanosleep is POSIX, outside strict C11. */
#define _POSIX_C_SOURCE 200809L
#include <cjson/cJSON.h>
#include <stdio.h>
#include <time.h>

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

static void sleep_ms(uint64_t ms) {
    struct timespec t = {(time_t)(ms / 1000), (long)(ms % 1000) * 1000000L};
    nanosleep(&t, NULL);
}

enum outcome { DONE, ALREADY_SENT, GAVE_UP };

/* Sends `req`, following the advice after each failure. Writes each advised action, in order,
 * into `actions` (space-separated) and the last advice's action when it gave up. */
static enum outcome follow(CURL *curl, const smsc_client *client, const smsc_request *req, char *actions,
                           size_t cap) {
    smsc_request *current = NULL;
    actions[0] = '\0';
    for (uint32_t attempt = 1;; attempt++) {
        smsc_result *res = NULL;
        smsc_error *err = NULL;
        smsc_status st = smsc_curl_perform(curl, current ? current : req, &res, &err, NULL);
        smsc_result_free(res);
        if (st == SMSC_OK) {
            smsc_request_free(current);
            return DONE;
        }
        /* An answer that failed and no answer at all both come back as an error to advise on. */
        smsc_advice *advice = NULL;
        smsc_request_advice(req, err, NULL, attempt, &advice, NULL);
        smsc_error_free(err);
        const char *action = smsc_advice_action(advice);
        strncat(actions, action ? action : "?", cap - strlen(actions) - 2);
        strcat(actions, " ");
        sleep_ms(smsc_advice_delay_ms(advice));
        enum outcome end = DONE;
        int resend = smsc_advice_retry(advice);
        if (action && strcmp(action, "check_status") == 0) {
            smsc_request *check = NULL, *moved = NULL;
            smsc_result *statuses = NULL;
            smsc_client_prepare(client, "status", smsc_advice_status_params(advice), &check, NULL);
            smsc_request_at(check, smsc_advice_base_url(advice), &moved, NULL);
            if (smsc_curl_perform(curl, moved, &statuses, NULL, NULL) == SMSC_OK) {
                int64_t status = 0;
                for (size_t i = 0;; i++) {
                    char path[48];
                    snprintf(path, sizeof path, "messages.%zu.status", i);
                    if (smsc_result_get_int(statuses, path, &status, NULL) != SMSC_OK) break;
                    if (status != -3) resend = 0, end = ALREADY_SENT;
                }
            } else {
                resend = 0, end = GAVE_UP;
            }
            smsc_result_free(statuses);
            smsc_request_free(moved);
            smsc_request_free(check);
        } else if (!resend) {
            end = GAVE_UP;
        }
        if (resend) {
            smsc_request_free(current);
            current = NULL;
            smsc_request_at(req, smsc_advice_base_url(advice), &current, NULL);
        }
        smsc_advice_free(advice);
        if (!resend) {
            smsc_request_free(current);
            return end;
        }
    }
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
    char actions[256];
    smsc_request *req = NULL;

    /* The send is carried out, its answer lost: the status check finds it; nothing is resent. */
    free(admin(curl, "faults", "fault=lost&script=send.php"));
    smsc_client_prepare(client, "send_sms", "{\"phones\": \"79991234567\", \"message\": \"hi\", \"id\": \"order-1\"}",
                        &req, NULL);
    CHECK(follow(curl, client, req, actions, sizeof actions) == ALREADY_SENT, "lost answer: already sent");
    CHECK(strcmp(actions, "check_status ") == 0, actions);
    CHECK(sent_with_id(curl, "order-1") == 1, "lost answer: one message");
    smsc_request_free(req);

    /* The send never arrived: the check finds nothing, so it goes once. */
    free(admin(curl, "faults", "fault=drop&script=send.php"));
    smsc_client_prepare(client, "send_sms", "{\"phones\": \"79991234567\", \"message\": \"hi\", \"id\": \"order-2\"}",
                        &req, NULL);
    CHECK(follow(curl, client, req, actions, sizeof actions) == DONE, "dropped: sent after the check");
    CHECK(strcmp(actions, "check_status ") == 0, actions);
    CHECK(sent_with_id(curl, "order-2") == 1, "dropped: one message");
    smsc_request_free(req);

    /* Without an id a send is never repeated. */
    free(admin(curl, "faults", "fault=lost&script=send.php"));
    smsc_client_prepare(client, "send_sms", "{\"phones\": \"79991234567\", \"message\": \"hi\"}", &req, NULL);
    CHECK(follow(curl, client, req, actions, sizeof actions) == GAVE_UP, "no id: gave up");
    CHECK(strcmp(actions, "check_by_hand ") == 0, actions);
    CHECK(sent_with_id(curl, "1") == 1, "no id: one message");
    smsc_request_free(req);

    /* A balance through two 503s and a dropped connection. The drop comes on the connection the
     * 503s were answered on, and libcurl repeats a read on a fresh one by itself (smsc_curl.h
     * forbids that only for sends), so the advice is asked twice. */
    free(admin(curl, "faults", "fault=http&status=503&count=2&script=balance.php"));
    free(admin(curl, "faults", "fault=drop&script=balance.php"));
    smsc_client_prepare(client, "balance", NULL, &req, NULL);
    CHECK(follow(curl, client, req, actions, sizeof actions) == DONE, "balance read");
    CHECK(strcmp(actions, "retry retry ") == 0, actions);

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
