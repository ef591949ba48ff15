#ifndef TACK_CCURL_SHIMS_H
#define TACK_CCURL_SHIMS_H
#include <curl/curl.h>
// Typed wrappers for libcurl's variadic setopt/getinfo, which Swift cannot call.
CURLcode tack_curl_easy_setopt_long(CURL *handle, CURLoption option, long value);
#endif
