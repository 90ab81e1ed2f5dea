/* Helpers shared by the C test programs. */
#ifndef SMSC_TEST_COMMON_H
#define SMSC_TEST_COMMON_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Every program counts its checks and prints "N passed, M failed" at the end. */
static int passed = 0, failed = 0;

#define CHECK(cond, what)                                  \
    do {                                                   \
        if (cond) {                                        \
            passed++;                                      \
        } else {                                           \
            failed++;                                      \
            printf("FAIL line %d: %s\n", __LINE__, what); \
        }                                                  \
    } while (0)

/* Reads a whole file into a NUL-terminated buffer the caller frees; NULL on failure. */
static inline char *read_file(const char *path, size_t *len_out) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long len = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)len + 1);
    if (buf && fread(buf, 1, (size_t)len, f) != (size_t)len) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    if (buf) {
        buf[len] = '\0';
        if (len_out) *len_out = (size_t)len;
    }
    return buf;
}

#endif
