#ifndef TACK_CGIT2_SHIMS_H
#define TACK_CGIT2_SHIMS_H
#include <git2.h>

// Typed wrappers for libgit2's variadic git_libgit2_opts, which Swift cannot call.
// Each returns libgit2's result (0 on success, < 0 on error; see git_error_last()).

/// Options that take one int (e.g. GIT_OPT_ENABLE_STRICT_OBJECT_CREATION, GIT_OPT_SET_OWNER_VALIDATION).
int tack_git_opts_int(int option, int value);

/// GIT_OPT_SET_SEARCH_PATH: the directory searched for config files of `level` (GIT_CONFIG_LEVEL_*);
/// the global level is also where libgit2's SSH transport looks for `.ssh/known_hosts`.
/// NULL resets to the default; "" means "search nowhere".
int tack_git_opts_set_search_path(int level, const char *path);

/// GIT_OPT_GET_SEARCH_PATH into a git_buf the caller frees with git_buf_dispose.
int tack_git_opts_get_search_path(int level, git_buf *out);

/// GIT_OPT_SET_SSL_CERT_LOCATIONS: a CA bundle file and/or a CA directory (either may be NULL).
int tack_git_opts_set_ssl_cert_locations(const char *file, const char *path);

/// GIT_OPT_SET_USER_AGENT.
int tack_git_opts_set_user_agent(const char *user_agent);

/// GIT_OPT_GET_OWNER_VALIDATION into *enabled.
int tack_git_opts_get_owner_validation(int *enabled);

#endif
