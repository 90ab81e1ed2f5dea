/* smsc_curl.h - sends an smsc-core request with libcurl and parses the answer, once
 * (smsc_curl_perform) or following the retry advice to the end (smsc_curl_deliver).
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

/* One transfer of `req` on `curl` within `timeout_ms` (0: 30 s): the HTTP status and the body
 * (in `*buf`, which the caller frees) on CURLE_OK, or libcurl's code of the failure. */
static inline CURLcode smsc_curl_exchange(CURL *curl, const smsc_request *req, uint64_t timeout_ms, long *http,
                                          struct smsc_curl_buffer *buf) {
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
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, buf);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, (long)(timeout_ms ? timeout_ms : 30000));
    /* libcurl silently repeats a request when a reused connection closes before any answer; for
     * a send that repeat may be a second message. A fresh connection is never repeated: the
     * failure comes back here, and the advice decides. */
    const char *effect = smsc_request_effect(req);
    if (effect && (strcmp(effect, "send") == 0 || strcmp(effect, "create") == 0))
        curl_easy_setopt(curl, CURLOPT_FRESH_CONNECT, 1L);
    CURLcode rc = curl_easy_perform(curl);
    *http = 0;
    if (rc == CURLE_OK) curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, http);
    curl_slist_free_all(headers);
    return rc;
}

/* Performs `req` on `curl` and parses the answer into `*out`. When no answer came back at all
 * it returns SMSC_TRANSPORT with `*err` (when `err` is not NULL) an error naming how the
 * transfer failed (smsc_error_transport) and libcurl's words for it; pass that error to
 * smsc_request_advice. `*curl_code`, when given, receives libcurl's own code. */
static inline smsc_status smsc_curl_perform(CURL *curl, const smsc_request *req, smsc_result **out,
                                            smsc_error **err, CURLcode *curl_code) {
    struct smsc_curl_buffer buf = {NULL, 0};
    long http = 0;
    CURLcode rc = smsc_curl_exchange(curl, req, 0, &http, &buf);
    if (curl_code) *curl_code = rc;
    smsc_status st;
    if (rc == CURLE_OK) {
        st = smsc_request_parse(req, (uint16_t)http, buf.data, buf.len, out, err);
    } else {
        st = SMSC_TRANSPORT;
        if (err) *err = smsc_request_transport_error(req, smsc_curl_transport(rc), curl_easy_strerror(rc));
    }
    free(buf.data);
    return st;
}

/* Sends `req` with `count` files (a multipart/form-data POST built by smsc_request_with_files)
 * and parses the answer into `*out`, as smsc_curl_perform does. */
static inline smsc_status smsc_curl_upload(CURL *curl, const smsc_request *req, const smsc_file *files, size_t count,
                                           smsc_result **out, smsc_error **err) {
    smsc_multipart *m = NULL;
    smsc_status st = smsc_request_with_files(req, files, count, NULL, &m, err);
    if (st != SMSC_OK) return st;
    char header[160];
    snprintf(header, sizeof header, "Content-Type: %s", smsc_multipart_content_type(m));
    struct curl_slist *headers = curl_slist_append(NULL, header);
    struct smsc_curl_buffer buf = {NULL, 0};
    curl_easy_reset(curl);
    curl_easy_setopt(curl, CURLOPT_URL, smsc_multipart_url(m));
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, (const char *)smsc_multipart_body(m));
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)smsc_multipart_body_len(m));
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, smsc_curl_collect);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &buf);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 30L);
    /* An upload sends or creates: never repeated by libcurl on a reused connection. */
    curl_easy_setopt(curl, CURLOPT_FRESH_CONNECT, 1L);
    CURLcode rc = curl_easy_perform(curl);
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
    smsc_multipart_free(m);
    return st;
}

/* What smsc_curl_deliver may be given; every field may be left zero. */
struct smsc_curl_deliver_options {
    /* NULL, or a JSON object with max_attempts, timeout_ms (per transfer) and deadline_ms. */
    const char *options_json;
    /* Called before each transfer, for logs: why ("request" or "status_check"), its attempt
     * number, and the request (smsc_request_redacted holds no credentials). */
    void (*on_attempt)(void *user, const char *purpose, uint32_t attempt, const smsc_request *req);
    /* Replace the clock (ms, monotonic) and the waits, for tests. */
    uint64_t (*now_ms)(void *user);
    void (*sleep_ms)(void *user, uint64_t ms);
    void *user;
    /* When not NULL, receives (on success) the request of a paged list's next page, or NULL on
     * its last page; the caller frees it. */
    smsc_request **next_page;
};

#if defined(_POSIX_C_SOURCE) && _POSIX_C_SOURCE >= 199309L
#include <time.h>
static inline uint64_t smsc_curl_now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000u + (uint64_t)(t.tv_nsec / 1000000L);
}
static inline void smsc_curl_sleep_ms(uint64_t ms) {
    struct timespec t = {(time_t)(ms / 1000), (long)(ms % 1000) * 1000000L};
    nanosleep(&t, NULL);
}
#define SMSC_CURL_HAS_CLOCK 1
#endif

/* Sends `req` until it has a result, following the retry advice: a read is repeated after the
 * advised delay (on the backup host from the third attempt), a send with your own `id` is looked
 * up with status.php before it is ever sent again, a send without one is never repeated.
 * Returns SMSC_OK with `*out`; otherwise the status of the last failure, with `*err` its error
 * (for no answer at all, SMSC_TRANSPORT and libcurl's words) and `*advice` (when `advice` is not
 * NULL) what to do now. Without POSIX clocks (_POSIX_C_SOURCE), give `now_ms` and `sleep_ms`. */
static inline smsc_status smsc_curl_deliver(CURL *curl, const smsc_client *client, const smsc_request *req,
                                            const struct smsc_curl_deliver_options *options, smsc_result **out,
                                            smsc_advice **advice, smsc_error **err) {
    static const struct smsc_curl_deliver_options none = {NULL, NULL, NULL, NULL, NULL, NULL};
    const struct smsc_curl_deliver_options *o = options ? options : &none;
    smsc_delivery *d = NULL;
    smsc_status st = smsc_delivery_new(client, req, o->options_json, &d, err);
    if (st != SMSC_OK) return st;
    CURLcode last = CURLE_OK;
    for (;;) {
        smsc_step step;
#ifdef SMSC_CURL_HAS_CLOCK
        uint64_t now = o->now_ms ? o->now_ms(o->user) : smsc_curl_now_ms();
#else
        uint64_t now = o->now_ms ? o->now_ms(o->user) : 0;
#endif
        st = smsc_delivery_next(d, now, &step, err);
        if (st != SMSC_OK) break;
        if (step == SMSC_STEP_SEND) {
            const smsc_request *current = smsc_delivery_request(d);
            if (o->on_attempt) o->on_attempt(o->user, smsc_delivery_purpose(d), smsc_delivery_attempt(d), current);
            struct smsc_curl_buffer buf = {NULL, 0};
            long http = 0;
            last = smsc_curl_exchange(curl, current, smsc_delivery_timeout_ms(d), &http, &buf);
            st = last == CURLE_OK ? smsc_delivery_answer(d, (uint16_t)http, buf.data, buf.len, err)
                                  : smsc_delivery_no_answer(d, smsc_curl_transport(last), err);
            free(buf.data);
            if (st != SMSC_OK) break;
        } else if (step == SMSC_STEP_WAIT) {
            if (o->sleep_ms) o->sleep_ms(o->user, smsc_delivery_delay_ms(d));
#ifdef SMSC_CURL_HAS_CLOCK
            else smsc_curl_sleep_ms(smsc_delivery_delay_ms(d));
#endif
        } else if (step == SMSC_STEP_DONE) {
            st = smsc_delivery_take_result(d, out, err);
            if (st == SMSC_OK && o->next_page) st = smsc_delivery_next_page(d, o->next_page, err);
            break;
        } else {
            smsc_advice *stop = NULL;
            smsc_error *failure = NULL;
            st = smsc_delivery_take_stop(d, &stop, &failure, err);
            if (st != SMSC_OK) break;
            if (!failure) failure = smsc_request_transport_error(req, smsc_curl_transport(last), curl_easy_strerror(last));
            st = smsc_error_status(failure);
            if (err) *err = failure;
            else smsc_error_free(failure);
            if (advice) *advice = stop;
            else smsc_advice_free(stop);
            break;
        }
    }
    smsc_delivery_free(d);
    return st;
}

#endif
