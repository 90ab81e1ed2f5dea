/* smsc_curl.h - sends an smsc-core request with libcurl and parses the answer.
 * Header-only; copy it into your project. Link with -lcurl and the smsc-core library.
 * Every function is `static inline`, so including it without calling it costs nothing and
 * warns of nothing, in C and in C++. */
#ifndef SMSC_CURL_H
#define SMSC_CURL_H

#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "smsc.h"

struct smsc_curl_buffer {
    unsigned char *data;
    size_t len;
};

/* libcurl's write callback: appends each chunk of the answer to a smsc_curl_buffer. */
static inline size_t smsc_curl_collect(char *chunk, size_t size, size_t n, void *user) {
    struct smsc_curl_buffer *buf = (struct smsc_curl_buffer *)user;
    size_t add = size * n;
    unsigned char *grown = (unsigned char *)realloc(buf->data, buf->len + add + 1);
    if (!grown) return 0;
    memcpy(grown + buf->len, chunk, add);
    buf->data = grown;
    buf->len += add;
    return add;
}

/* How a transfer failed without an answer, in the words of smsc_request_advice: "refused",
 * "reset", "timeout", "closed" or "other". */
static inline const char *smsc_curl_transport(CURLcode rc) {
    switch (rc) {
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
        return "refused";
    case CURLE_OPERATION_TIMEDOUT:
        return "timeout";
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
        return "closed";
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
        return "reset";
    default:
        return "other";
    }
}

/* Performs `req` on `curl` and parses the answer into `*out`. When no answer came back at all
 * it returns SMSC_TRANSPORT with `*err` (when `err` is not NULL) an error naming how the
 * transfer failed (smsc_error_transport) and libcurl's words for it; pass that error to
 * smsc_request_advice. `*curl_code`, when given, receives libcurl's own code. */
static inline smsc_status smsc_curl_perform(CURL *curl, const smsc_request *req, smsc_result **out,
                                            smsc_error **err, CURLcode *curl_code) {
    struct smsc_curl_buffer buf = {NULL, 0};
    struct curl_slist *headers = NULL;
    for (size_t i = 0; i < smsc_request_header_count(req); i++) {
        char line[512];
        snprintf(line, sizeof line, "%s: %s", smsc_request_header_name(req, i), smsc_request_header_value(req, i));
        headers = curl_slist_append(headers, line);
    }
    curl_easy_reset(curl);
    curl_easy_setopt(curl, CURLOPT_URL, smsc_request_url(req));
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, smsc_request_method(req));
    if (smsc_request_body(req)) curl_easy_setopt(curl, CURLOPT_POSTFIELDS, smsc_request_body(req));
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, smsc_curl_collect);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &buf);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 30L);
    /* libcurl silently repeats a request when a reused connection closes before any answer; for
     * a send that repeat may be a second message. A fresh connection is never repeated: the
     * failure comes back here, and smsc_request_advice decides. */
    const char *effect = smsc_request_effect(req);
    if (effect && (strcmp(effect, "send") == 0 || strcmp(effect, "create") == 0))
        curl_easy_setopt(curl, CURLOPT_FRESH_CONNECT, 1L);
    CURLcode rc = curl_easy_perform(curl);
    if (curl_code) *curl_code = rc;
    smsc_status st;
    if (rc == CURLE_OK) {
        long http = 0;
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &http);
        st = smsc_request_parse(req, (uint16_t)http, buf.data, buf.len, out, err);
    } else {
        st = SMSC_TRANSPORT;
        if (err) *err = smsc_request_transport_error(req, smsc_curl_transport(rc), curl_easy_strerror(rc));
    }
    curl_slist_free_all(headers);
    free(buf.data);
    return st;
}

#endif
