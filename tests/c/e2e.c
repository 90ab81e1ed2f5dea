/* End to end over real HTTP with libcurl against the local SMSC emulator (base URL in argv[1]):
 * send an SMS, read its status as the emulator's clock advances, read the balance, and meet a
 * documented error. */
#include <stdio.h>

#include "smsc.h"
#include "smsc_curl.h"
#include "common.h"

/* Prepares and performs one call; the caller frees the result. */
static smsc_status call(CURL *curl, smsc_client *client, const char *op, const char *params, smsc_result **res,
                        smsc_error **err) {
    smsc_request *req = NULL;
    smsc_status st = smsc_client_prepare(client, op, params, &req, err);
    if (st == SMSC_OK) st = smsc_curl_perform(curl, req, res, err, NULL);
    smsc_request_free(req);
    return st;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: e2e <emulator base URL>\n");
        return 2;
    }
    const char *base = argv[1];
    curl_global_init(CURL_GLOBAL_DEFAULT);
    CURL *curl = curl_easy_init();
    smsc_client *client = NULL;
    smsc_error *err = NULL;
    char config[256];
    snprintf(config, sizeof config, "{\"login\": \"demo\", \"password\": \"demo-password\", \"base_url\": \"%s\"}", base);
    CHECK(smsc_client_new(config, &client, &err) == SMSC_OK, "client");

    smsc_result *sent = NULL;
    CHECK(call(curl, client, "send_sms", "{\"phones\": \"79991234567\", \"message\": \"Hello from C\", \"cost\": 3}", &sent, &err) == SMSC_OK, "send");
    const char *id = NULL, *cost = NULL, *balance = NULL;
    CHECK(smsc_result_get_string(sent, "id", &id, NULL) == SMSC_OK, "message id");
    CHECK(smsc_result_get_money(sent, "cost", &cost, NULL) == SMSC_OK && strcmp(cost, "2.50") == 0, "cost");
    CHECK(smsc_result_get_money(sent, "balance", &balance, NULL) == SMSC_OK && strcmp(balance, "997.50") == 0, "balance after");

    /* Move the emulator's clock so the message is delivered. */
    char url[256];
    snprintf(url, sizeof url, "%s/emulator/advance?seconds=15", base);
    curl_easy_reset(curl);
    curl_easy_setopt(curl, CURLOPT_URL, url);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, "");
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, smsc_curl_collect);
    struct smsc_curl_buffer sink = {NULL, 0};
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &sink);
    CHECK(curl_easy_perform(curl) == CURLE_OK, "advance the clock");
    free(sink.data);

    char params[128];
    snprintf(params, sizeof params, "{\"id\": \"%s\", \"phone\": \"79991234567\"}", id ? id : "0");
    smsc_result *status = NULL;
    CHECK(call(curl, client, "status", params, &status, &err) == SMSC_OK, "status");
    int64_t code = 0;
    bool final = false;
    CHECK(smsc_result_get_int(status, "messages.0.status", &code, NULL) == SMSC_OK && code == 1, "delivered");
    CHECK(smsc_result_get_bool(status, "messages.0.is_final", &final, NULL) == SMSC_OK && final, "final");

    smsc_result *bal = NULL;
    CHECK(call(curl, client, "balance", NULL, &bal, &err) == SMSC_OK, "balance");
    CHECK(smsc_result_get_money(bal, "balance", &balance, NULL) == SMSC_OK && strcmp(balance, "997.50") == 0, "balance");

    /* A documented error: sending to a number the server rejects (error 7, with the id). */
    smsc_result *bad = NULL;
    CHECK(call(curl, client, "send_sms", "{\"phones\": \"+12345678\", \"message\": \"Hi\"}", &bad, &err) == SMSC_API, "invalid phone");
    CHECK(err && smsc_error_code(err) == 7 && strcmp(smsc_error_reason(err), "invalid_phone") == 0, "error 7");
    CHECK(err && smsc_error_message_id(err) != NULL, "error 7 carries the message id");
    smsc_error_free(err);

    /* No answer at all: nothing listens on port 1 of this machine. The failure is a transport
     * error naming how the connection failed, never SMSC_INTERNAL or a NULL error, and the
     * advice reads it as it is. */
    smsc_client *nowhere = NULL;
    CHECK(smsc_client_new("{\"login\": \"demo\", \"password\": \"demo-password\", \"base_url\": \"http://127.0.0.1:1\"}",
                          &nowhere, NULL) == SMSC_OK, "client for a closed port");
    smsc_request *req = NULL;
    CHECK(smsc_client_prepare(nowhere, "balance", NULL, &req, NULL) == SMSC_OK, "balance request");
    smsc_result *none = NULL;
    smsc_error *refused = NULL;
    CURLcode rc = CURLE_OK;
    CHECK(smsc_curl_perform(curl, req, &none, &refused, &rc) == SMSC_TRANSPORT, "a refused connection is SMSC_TRANSPORT");
    CHECK(rc == CURLE_COULDNT_CONNECT && none == NULL, "libcurl's code, and no result");
    CHECK(refused != NULL && smsc_error_status(refused) == SMSC_TRANSPORT, "an error object");
    CHECK(refused && strcmp(smsc_error_kind(refused), "transport") == 0, "kind transport");
    CHECK(refused && strcmp(smsc_error_transport(refused), "refused") == 0, "transport refused");
    CHECK(refused && strstr(smsc_error_message(refused), "no answer to the balance request (refused)") != NULL,
          "the message names the operation and the failure");
    CHECK(refused && strstr(smsc_error_message(refused), "demo-password") == NULL, "no password in the message");
    smsc_advice *advice = NULL;
    CHECK(smsc_request_advice(req, refused, NULL, 1, &advice, NULL) == SMSC_OK, "advice from the transport error");
    CHECK(advice && strcmp(smsc_advice_action(advice), "retry") == 0, "a read that got no answer is retried");
    smsc_advice_free(advice);
    smsc_error_free(refused);
    smsc_request_free(req);
    smsc_client_free(nowhere);

    /* An MMS with an image and a sender document, posted as multipart bodies. */
    {
        static const unsigned char jpeg[] = {0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0xff, 0xd9};
        smsc_file image = {"photo.jpg", NULL, jpeg, sizeof jpeg};
        smsc_request *mms = NULL;
        smsc_result *res = NULL;
        smsc_client_prepare(client, "send_mms", "{\"phones\": \"79991234567\", \"message\": \"Look\", \"subj\": \"Photo\"}", &mms, NULL);
        CHECK(smsc_curl_upload(curl, mms, &image, 1, &res, NULL) == SMSC_OK, "an MMS with an image");
        smsc_result_free(res);
        res = NULL;
        smsc_request *doc = NULL;
        smsc_file pdf = {"certificate.pdf", "application/pdf", (const uint8_t *)"%PDF-1.4 trademark", 18};
        smsc_client_prepare(client, "sender_add", "{\"sender\": \"SHOP\"}", &doc, NULL);
        CHECK(smsc_curl_upload(curl, doc, &pdf, 1, &res, NULL) == SMSC_OK, "a sender document");
        smsc_result_free(res);
        smsc_multipart *m = NULL;
        smsc_error *bad_file = NULL;
        smsc_file empty = {"a.jpg", NULL, NULL, 0};
        CHECK(smsc_request_with_files(mms, &empty, 1, NULL, &m, &bad_file) == SMSC_INVALID && m == NULL, "an empty file");
        CHECK(strcmp(smsc_error_field(bad_file), "files[0]") == 0, "the file is named");
        smsc_error_free(bad_file);
        smsc_file pathy = {"../a.jpg", NULL, jpeg, sizeof jpeg};
        CHECK(smsc_request_with_files(mms, &pathy, 1, NULL, &m, NULL) == SMSC_INVALID, "a name with a path");
        CHECK(smsc_request_with_files(mms, NULL, 1, NULL, &m, NULL) == SMSC_NULL_ARGUMENT, "NULL files");
        CHECK(smsc_request_with_files(mms, &image, 1, "XYZ", &m, NULL) == SMSC_OK, "a fixed boundary");
        CHECK(strcmp(smsc_multipart_content_type(m), "multipart/form-data; boundary=XYZ") == 0, "its content type");
        CHECK(smsc_multipart_body_len(m) > sizeof jpeg && smsc_multipart_body(m) != NULL, "its body");
        smsc_multipart_free(m);
        smsc_multipart_free(NULL);
        smsc_request_free(doc);
        smsc_request_free(mms);
    }

    smsc_result_free(bad);
    smsc_result_free(bal);
    smsc_result_free(status);
    smsc_result_free(sent);
    smsc_client_free(client);
    curl_easy_cleanup(curl);
    curl_global_cleanup();
    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
