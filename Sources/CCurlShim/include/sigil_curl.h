// A minimal HTTPS POST over libcurl, loaded with dlopen on first use so that programs which
// never talk to an https:// peer do not pay libcurl's start-up cost (~30 shared libraries).
#ifndef SIGIL_CURL_H
#define SIGIL_CURL_H
#include <stddef.h>

/// Returns 0 when libcurl could be loaded; otherwise fills `error` and returns -1.
int sigil_curl_load(char *error, size_t error_size);

/// POSTs `body` as application/json to `url`. On success returns 0 and sets *status and a
/// malloc'd *response (caller frees with sigil_curl_free). On failure returns a libcurl error
/// code (> 0), or -1 if libcurl is unavailable, with a message in `error`.
/// `timeout_ms` bounds the whole request; `ca_file` may be NULL (system CA store).
int sigil_curl_post(const char *url, const char *body, size_t body_length, long timeout_ms,
                    const char *ca_file, long *status, char **response, size_t *response_length,
                    char *error, size_t error_size);

void sigil_curl_free(char *response);

/// 1 if the error code means the request timed out.
int sigil_curl_is_timeout(int code);
#endif
