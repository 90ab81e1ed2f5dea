/* C quickstart: send an SMS, read its status and the balance, with libcurl.
 *
 *   cc quickstart.c -Iinclude -Iexamples libsmsc_core.a -lcurl -lpthread -ldl -lm
 *   SMSC_LOGIN=demo SMSC_PASSWORD=demo-password SMSC_BASE_URL=http://127.0.0.1:8080 ./a.out
 */
#include <stdio.h>
#include <stdlib.h>

#include "smsc.h"
#include "smsc_curl.h"

/* An error's text for printf: the accessors give NULL for a NULL error or an absent value. */
static const char *or_none(const char *text) {
    return text ? text : "(none)";
}

static int report(const char *what, smsc_status st, smsc_error *err) {
    fprintf(stderr, "c: %s failed (%d, %s): %s\n", what, st, or_none(smsc_error_kind(err)),
            or_none(smsc_error_message(err)));
    smsc_error_free(err);
    return 1;
}

int main(void) {
    const char *login = getenv("SMSC_LOGIN"), *password = getenv("SMSC_PASSWORD");
    const char *base_url = getenv("SMSC_BASE_URL");
    smsc_client *client = NULL;
    smsc_error *err = NULL;
    smsc_status st = smsc_client_new_login(login ? login : "", password ? password : "", &client, &err);
    if (st == SMSC_OK && base_url) st = smsc_client_set_base_url(client, base_url, &err);
    if (st != SMSC_OK) return report("client", st, err);

    CURL *curl = curl_easy_init();
    smsc_request *req = NULL;
    smsc_result *res = NULL;

    /* Send, asking for the cost and the new balance (cost=3). */
    st = smsc_client_prepare(client, "send_sms",
                             "{\"phones\": \"79991234567\", \"message\": \"Hello from C\", \"cost\": 3}", &req, &err);
    if (st == SMSC_OK) st = smsc_curl_perform(curl, req, &res, &err, NULL);
    if (st != SMSC_OK) return report("send", st, err);
    const char *id = NULL, *cost = NULL;
    int64_t parts = 0;
    smsc_result_get_string(res, "id", &id, NULL);
    smsc_result_get_money(res, "cost", &cost, NULL);
    smsc_result_get_int(res, "sms_count", &parts, NULL);
    printf("c: sent message %s: %lld SMS, cost %s\n", or_none(id), (long long)parts, or_none(cost));

    /* Its status: the id and phone set value by value, escaped by the library (no JSON glued
       together by hand, so no value can break the request). */
    smsc_params *params = smsc_params_new();
    smsc_request *status_req = NULL;
    smsc_result *status = NULL;
    st = smsc_params_set_text(params, "id", or_none(id), &err);
    if (st == SMSC_OK) st = smsc_params_set_text(params, "phone", "79991234567", &err);
    if (st == SMSC_OK) st = smsc_client_prepare_params(client, "status", params, &status_req, &err);
    smsc_params_free(params);
    if (st == SMSC_OK) st = smsc_curl_perform(curl, status_req, &status, &err, NULL);
    if (st != SMSC_OK) return report("status", st, err);
    int64_t code = 0;
    const char *text = NULL;
    smsc_result_get_int(status, "messages.0.status", &code, NULL);
    smsc_result_get_string(status, "messages.0.status_text", &text, NULL);
    printf("c: status of %s: %lld (%s)\n", or_none(id), (long long)code, or_none(text));

    /* The balance, exact. */
    smsc_request *bal_req = NULL;
    smsc_result *bal = NULL;
    st = smsc_client_prepare(client, "balance", "{\"currency\": true}", &bal_req, &err);
    if (st == SMSC_OK) st = smsc_curl_perform(curl, bal_req, &bal, &err, NULL);
    if (st != SMSC_OK) return report("balance", st, err);
    const char *balance = NULL, *currency = NULL;
    smsc_result_get_money(bal, "balance", &balance, NULL);
    smsc_result_get_string(bal, "currency", &currency, NULL);
    printf("c: balance %s %s\n", or_none(balance), currency ? currency : "");

    smsc_result_free(bal);
    smsc_request_free(bal_req);
    smsc_result_free(status);
    smsc_request_free(status_req);
    smsc_result_free(res);
    smsc_request_free(req);
    smsc_client_free(client);
    curl_easy_cleanup(curl);
    return 0;
}
