#ifndef TACK_CCURL_SHIMS_H
#define TACK_CCURL_SHIMS_H
#include <curl/curl.h>

// Typed wrappers for libcurl's variadic setopt/getinfo family, which Swift cannot call.
// Each wrapper names the argument type libcurl expects for that option class.

CURLcode tack_curl_easy_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode tack_curl_easy_setopt_offset(CURL *handle, CURLoption option, curl_off_t value);
CURLcode tack_curl_easy_setopt_string(CURL *handle, CURLoption option, const char *value);
CURLcode tack_curl_easy_setopt_pointer(CURL *handle, CURLoption option, void *value);
CURLcode tack_curl_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value);
/// Copies the bytes into libcurl (CURL_BLOB_COPY): the caller's buffer may go away afterwards.
CURLcode tack_curl_easy_setopt_blob(CURL *handle, CURLoption option, const void *data, size_t length);
CURLcode tack_curl_easy_setopt_share(CURL *handle, CURLSH *share);

typedef size_t (*tack_curl_data_callback)(char *data, size_t size, size_t count, void *userdata);
typedef int (*tack_curl_xferinfo_callback)(void *userdata, curl_off_t dltotal, curl_off_t dlnow,
                                           curl_off_t ultotal, curl_off_t ulnow);
CURLcode tack_curl_easy_setopt_write_function(CURL *handle, tack_curl_data_callback callback);
CURLcode tack_curl_easy_setopt_header_function(CURL *handle, tack_curl_data_callback callback);
CURLcode tack_curl_easy_setopt_read_function(CURL *handle, tack_curl_data_callback callback);
CURLcode tack_curl_easy_setopt_xferinfo_function(CURL *handle, tack_curl_xferinfo_callback callback);

CURLcode tack_curl_easy_getinfo_long(CURL *handle, CURLINFO info, long *value);
CURLcode tack_curl_easy_getinfo_double(CURL *handle, CURLINFO info, double *value);
CURLcode tack_curl_easy_getinfo_string(CURL *handle, CURLINFO info, const char **value);
CURLcode tack_curl_easy_getinfo_offset(CURL *handle, CURLINFO info, curl_off_t *value);
CURLcode tack_curl_easy_getinfo_pointer(CURL *handle, CURLINFO info, void **value);

CURLMcode tack_curl_multi_setopt_long(CURLM *multi, CURLMoption option, long value);
CURLSHcode tack_curl_share_setopt_long(CURLSH *share, CURLSHoption option, long value);

/// The value libcurl's write callback returns to pause a transfer (a macro Swift cannot import).
size_t tack_curl_writefunc_pause(void);
/// The value a read callback returns to abort.
size_t tack_curl_readfunc_abort(void);
/// CURLPAUSE_CONT.
int tack_curl_pause_cont(void);

#endif
