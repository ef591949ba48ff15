#include "CGit2Shims.h"

int tack_git_opts_int(int option, int value) { return git_libgit2_opts(option, value); }

int tack_git_opts_set_search_path(int level, const char *path) {
  return git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, level, path);
}

int tack_git_opts_get_search_path(int level, git_buf *out) {
  return git_libgit2_opts(GIT_OPT_GET_SEARCH_PATH, level, out);
}

int tack_git_opts_set_ssl_cert_locations(const char *file, const char *path) {
  return git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS, file, path);
}

int tack_git_opts_set_user_agent(const char *user_agent) {
  return git_libgit2_opts(GIT_OPT_SET_USER_AGENT, user_agent);
}

int tack_git_opts_get_owner_validation(int *enabled) {
  return git_libgit2_opts(GIT_OPT_GET_OWNER_VALIDATION, enabled);
}
