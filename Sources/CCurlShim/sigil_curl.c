// A minimal HTTPS POST over libcurl, loaded with dlopen on first use (see sigil_curl.h).
// <curl/curl.h> is included for types and constants only: nothing here links against libcurl.
#include "sigil_curl.h"

#include <curl/curl.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SIGIL_CURL_MAX_RESPONSE (32u * 1024u * 1024u)

typedef CURLcode (*global_init_fn)(long);
typedef CURL *(*easy_init_fn)(void);
typedef CURLcode (*easy_setopt_fn)(CURL *, CURLoption, ...);
typedef CURLcode (*easy_perform_fn)(CURL *);
typedef CURLcode (*easy_getinfo_fn)(CURL *, CURLINFO, ...);
typedef void (*easy_cleanup_fn)(CURL *);
typedef const char *(*easy_strerror_fn)(CURLcode);
typedef struct curl_slist *(*slist_append_fn)(struct curl_slist *, const char *);
typedef void (*slist_free_all_fn)(struct curl_slist *);

static struct {
    void *handle;
    global_init_fn global_init;
    easy_init_fn easy_init;
    easy_setopt_fn easy_setopt;
    easy_perform_fn easy_perform;
    easy_getinfo_fn easy_getinfo;
    easy_cleanup_fn easy_cleanup;
    easy_strerror_fn easy_strerror;
    slist_append_fn slist_append;
    slist_free_all_fn slist_free_all;
    char load_error[256];
    int loaded;
} api;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;

static void set_error(char *error, size_t error_size, const char *message) {
    if (error != NULL && error_size > 0) {
        snprintf(error, error_size, "%s", message);
    }
}

static void *symbol(const char *name) {
    void *found = dlsym(api.handle, name);
    if (found == NULL && api.load_error[0] == '\0') {
        snprintf(api.load_error, sizeof api.load_error, "libcurl.so.4 lacks %s", name);
    }
    return found;
}

static void load_library(void) {
    api.handle = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (api.handle == NULL) {
        const char *reason = dlerror();
        snprintf(api.load_error, sizeof api.load_error, "cannot load libcurl.so.4 (needed for https://): %s",
                 reason != NULL ? reason : "unknown error");
        return;
    }
    api.global_init = (global_init_fn)symbol("curl_global_init");
    api.easy_init = (easy_init_fn)symbol("curl_easy_init");
    api.easy_setopt = (easy_setopt_fn)symbol("curl_easy_setopt");
    api.easy_perform = (easy_perform_fn)symbol("curl_easy_perform");
    api.easy_getinfo = (easy_getinfo_fn)symbol("curl_easy_getinfo");
    api.easy_cleanup = (easy_cleanup_fn)symbol("curl_easy_cleanup");
    api.easy_strerror = (easy_strerror_fn)symbol("curl_easy_strerror");
    api.slist_append = (slist_append_fn)symbol("curl_slist_append");
    api.slist_free_all = (slist_free_all_fn)symbol("curl_slist_free_all");
    if (api.load_error[0] != '\0') return;
    // curl_global_init is not thread-safe in older libcurl; pthread_once serializes it.
    if (api.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
        snprintf(api.load_error, sizeof api.load_error, "curl_global_init failed");
        return;
    }
    api.loaded = 1;
}

int sigil_curl_load(char *error, size_t error_size) {
    pthread_once(&load_once, load_library);
    if (!api.loaded) {
        set_error(error, error_size, api.load_error);
        return -1;
    }
    return 0;
}

struct buffer {
    char *data;
    size_t length;
    size_t capacity;
    int overflow;
};

static size_t write_body(char *chunk, size_t size, size_t count, void *context) {
    struct buffer *buffer = context;
    size_t n = size * count;
    if (buffer->length + n > SIGIL_CURL_MAX_RESPONSE) {
        buffer->overflow = 1;
        return 0;  // makes curl_easy_perform fail with CURLE_WRITE_ERROR
    }
    if (buffer->length + n + 1 > buffer->capacity) {
        size_t capacity = buffer->capacity == 0 ? 16384 : buffer->capacity;
        while (capacity < buffer->length + n + 1) capacity *= 2;
        char *grown = realloc(buffer->data, capacity);
        if (grown == NULL) return 0;
        buffer->data = grown;
        buffer->capacity = capacity;
    }
    memcpy(buffer->data + buffer->length, chunk, n);
    buffer->length += n;
    buffer->data[buffer->length] = '\0';
    return n;
}

int sigil_curl_post(const char *url, const char *body, size_t body_length, long timeout_ms,
                    const char *ca_file, long *status, char **response, size_t *response_length,
                    char *error, size_t error_size) {
    *response = NULL;
    *response_length = 0;
    *status = 0;
    if (sigil_curl_load(error, error_size) != 0) return -1;

    CURL *curl = api.easy_init();
    if (curl == NULL) {
        set_error(error, error_size, "curl_easy_init failed");
        return -1;
    }
    char curl_error[CURL_ERROR_SIZE];
    curl_error[0] = '\0';
    struct buffer buffer = {0};
    struct curl_slist *headers = NULL;
    headers = api.slist_append(headers, "Content-Type: application/json");
    headers = api.slist_append(headers, "Accept: application/json");
    headers = api.slist_append(headers, "Expect:");  // no 100-continue round trip

    api.easy_setopt(curl, CURLOPT_URL, url);
    api.easy_setopt(curl, CURLOPT_POST, 1L);
    api.easy_setopt(curl, CURLOPT_POSTFIELDS, body);
    api.easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)body_length);
    api.easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    api.easy_setopt(curl, CURLOPT_TIMEOUT_MS, timeout_ms);
    api.easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, timeout_ms);
    api.easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);  // required with threads
    api.easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
    api.easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "https");
    api.easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
    api.easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
    api.easy_setopt(curl, CURLOPT_USERAGENT, "sigil");
    api.easy_setopt(curl, CURLOPT_ERRORBUFFER, curl_error);
    api.easy_setopt(curl, CURLOPT_WRITEFUNCTION, write_body);
    api.easy_setopt(curl, CURLOPT_WRITEDATA, &buffer);
    if (ca_file != NULL) api.easy_setopt(curl, CURLOPT_CAINFO, ca_file);

    CURLcode code = api.easy_perform(curl);
    if (code == CURLE_OK) {
        api.easy_getinfo(curl, CURLINFO_RESPONSE_CODE, status);
        if (buffer.data == NULL) {
            buffer.data = malloc(1);
            if (buffer.data != NULL) buffer.data[0] = '\0';
        }
        *response = buffer.data;
        *response_length = buffer.length;
    } else {
        if (buffer.overflow) {
            set_error(error, error_size, "response larger than 32 MiB");
        } else if (code == CURLE_COULDNT_CONNECT) {
            // curl's text says only "Couldn't connect to server"; name the system error.
            long os_error = 0;
            api.easy_getinfo(curl, CURLINFO_OS_ERRNO, &os_error);
            if (error != NULL && error_size > 0) {
                snprintf(error, error_size, "%s%s%s", curl_error[0] != '\0' ? curl_error : "couldn't connect",
                         os_error != 0 ? ": " : "", os_error != 0 ? strerror((int)os_error) : "");
            }
        } else if (curl_error[0] != '\0') {
            set_error(error, error_size, curl_error);
        } else {
            set_error(error, error_size, api.easy_strerror(code));
        }
        free(buffer.data);
    }
    api.slist_free_all(headers);
    api.easy_cleanup(curl);
    return code == CURLE_OK ? 0 : (int)code;
}

void sigil_curl_free(char *response) { free(response); }

int sigil_curl_is_timeout(int code) { return code == CURLE_OPERATION_TIMEDOUT; }
