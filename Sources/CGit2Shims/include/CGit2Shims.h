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

// MARK: interruptible network I/O
//
// libgit2 1.5 blocks in connect/recv with no timeout and calls its progress callbacks only when
// bytes arrive, so a server that accepts and then says nothing would hang tack for good. These
// replace libgit2's plain socket stream (TLS and SSH sit on top of it) with one that polls in short
// slices and gives up when its transfer control says so.

/// Why a transfer control stopped I/O. 0 while it runs.
enum {
  TACK_GIT_IO_RUNNING = 0,
  TACK_GIT_IO_CANCELLED = 1,
  TACK_GIT_IO_CONNECT_TIMEOUT = 2,
  TACK_GIT_IO_STALLED = 3,
  TACK_GIT_IO_DEADLINE = 4,
};

/// The timeouts and stop switch for the network I/O of one libgit2 operation. Opaque.
typedef struct tack_git_io_control tack_git_io_control;

/// Times in milliseconds; 0 means none. `stall_ms`: the longest wait for any byte to move.
tack_git_io_control *tack_git_io_control_new(int connect_ms, int stall_ms);
void tack_git_io_control_free(tack_git_io_control *control);

/// Stops the control's I/O for `reason` (first reason wins), from any thread: blocked polls
/// return within a slice and open sockets are shut down (which also wakes libssh2's own waits).
void tack_git_io_control_stop(tack_git_io_control *control, int reason);

/// TACK_GIT_IO_RUNNING or the reason it was stopped.
int tack_git_io_control_state(const tack_git_io_control *control);

/// Makes `control` govern the sockets libgit2 opens on this thread until `..._end` (NULL: none).
void tack_git_io_control_begin(tack_git_io_control *control);
void tack_git_io_control_end(void);

/// Registers the stream with libgit2 (once per process, after git_libgit2_init). 0 on success.
int tack_git_register_stream(void);

#endif
