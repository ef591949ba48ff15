#include "CCurlShims.h"

CURLcode tack_curl_easy_setopt_long(CURL *handle, CURLoption option, long value) {
  return curl_easy_setopt(handle, option, value);
}
CURLcode tack_curl_easy_setopt_offset(CURL *handle, CURLoption option, curl_off_t value) {
  return curl_easy_setopt(handle, option, value);
}
CURLcode tack_curl_easy_setopt_string(CURL *handle, CURLoption option, const char *value) {
  return curl_easy_setopt(handle, option, value);
}
CURLcode tack_curl_easy_setopt_pointer(CURL *handle, CURLoption option, void *value) {
  return curl_easy_setopt(handle, option, value);
}
CURLcode tack_curl_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
  return curl_easy_setopt(handle, option, value);
}
CURLcode tack_curl_easy_setopt_blob(CURL *handle, CURLoption option, const void *data, size_t length) {
  struct curl_blob blob;
  blob.data = (void *)data;
  blob.len = length;
  blob.flags = CURL_BLOB_COPY;
  return curl_easy_setopt(handle, option, &blob);
}
CURLcode tack_curl_easy_setopt_share(CURL *handle, CURLSH *share) {
  return curl_easy_setopt(handle, CURLOPT_SHARE, share);
}
CURLcode tack_curl_easy_setopt_write_function(CURL *handle, tack_curl_data_callback callback) {
  return curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, callback);
}
CURLcode tack_curl_easy_setopt_header_function(CURL *handle, tack_curl_data_callback callback) {
  return curl_easy_setopt(handle, CURLOPT_HEADERFUNCTION, callback);
}
CURLcode tack_curl_easy_setopt_read_function(CURL *handle, tack_curl_data_callback callback) {
  return curl_easy_setopt(handle, CURLOPT_READFUNCTION, callback);
}
CURLcode tack_curl_easy_setopt_xferinfo_function(CURL *handle, tack_curl_xferinfo_callback callback) {
  return curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, callback);
}
CURLcode tack_curl_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
  return curl_easy_getinfo(handle, info, value);
}
CURLcode tack_curl_easy_getinfo_double(CURL *handle, CURLINFO info, double *value) {
  return curl_easy_getinfo(handle, info, value);
}
CURLcode tack_curl_easy_getinfo_string(CURL *handle, CURLINFO info, const char **value) {
  return curl_easy_getinfo(handle, info, value);
}
CURLcode tack_curl_easy_getinfo_offset(CURL *handle, CURLINFO info, curl_off_t *value) {
  return curl_easy_getinfo(handle, info, value);
}
CURLcode tack_curl_easy_getinfo_pointer(CURL *handle, CURLINFO info, void **value) {
  return curl_easy_getinfo(handle, info, value);
}
CURLMcode tack_curl_multi_setopt_long(CURLM *multi, CURLMoption option, long value) {
  return curl_multi_setopt(multi, option, value);
}
CURLSHcode tack_curl_share_setopt_long(CURLSH *share, CURLSHoption option, long value) {
  return curl_share_setopt(share, option, value);
}
size_t tack_curl_writefunc_pause(void) { return CURL_WRITEFUNC_PAUSE; }
size_t tack_curl_readfunc_abort(void) { return CURL_READFUNC_ABORT; }
int tack_curl_pause_cont(void) { return CURLPAUSE_CONT; }
