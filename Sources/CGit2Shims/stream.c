#define _GNU_SOURCE
#include "CGit2Shims.h"
#include <git2/sys/stream.h>

#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

// How often a blocked wait looks at the control: the bound on how late a cancel is noticed.
#define TACK_SLICE_MS 100
#define TACK_MAX_SOCKETS 8

struct tack_git_io_control {
  atomic_int state;
  int connect_ms;
  int stall_ms;
  pthread_mutex_t lock;
  int sockets[TACK_MAX_SOCKETS];
};

tack_git_io_control *tack_git_io_control_new(int connect_ms, int stall_ms) {
  tack_git_io_control *control = calloc(1, sizeof(*control));
  if (!control) return NULL;
  atomic_init(&control->state, TACK_GIT_IO_RUNNING);
  control->connect_ms = connect_ms;
  control->stall_ms = stall_ms;
  pthread_mutex_init(&control->lock, NULL);
  for (int i = 0; i < TACK_MAX_SOCKETS; i++) control->sockets[i] = -1;
  return control;
}

void tack_git_io_control_free(tack_git_io_control *control) {
  if (!control) return;
  pthread_mutex_destroy(&control->lock);
  free(control);
}

void tack_git_io_control_stop(tack_git_io_control *control, int reason) {
  if (!control) return;
  int expected = TACK_GIT_IO_RUNNING;
  atomic_compare_exchange_strong(&control->state, &expected, reason);
  pthread_mutex_lock(&control->lock);
  for (int i = 0; i < TACK_MAX_SOCKETS; i++) {
    if (control->sockets[i] >= 0) shutdown(control->sockets[i], SHUT_RDWR);
  }
  pthread_mutex_unlock(&control->lock);
}

int tack_git_io_control_state(const tack_git_io_control *control) {
  return control ? atomic_load((atomic_int *)&control->state) : TACK_GIT_IO_RUNNING;
}

static void control_track(tack_git_io_control *control, int fd, int add) {
  if (!control) return;
  pthread_mutex_lock(&control->lock);
  for (int i = 0; i < TACK_MAX_SOCKETS; i++) {
    if (add && control->sockets[i] < 0) {
      control->sockets[i] = fd;
      break;
    }
    if (!add && control->sockets[i] == fd) {
      control->sockets[i] = -1;
      break;
    }
  }
  pthread_mutex_unlock(&control->lock);
  // A stop that came before the socket was tracked must still reach it.
  if (add && atomic_load(&control->state) != TACK_GIT_IO_RUNNING) shutdown(fd, SHUT_RDWR);
}

// The control of the libgit2 call running on this thread. Thread-local because libgit2 creates
// streams deep inside git_remote_connect/git_remote_push without a payload; set only for the
// duration of one call on the libgit2 executor.
static _Thread_local tack_git_io_control *current_control = NULL;

void tack_git_io_control_begin(tack_git_io_control *control) { current_control = control; }
void tack_git_io_control_end(void) { current_control = NULL; }

// Laid out as libgit2's own git_socket_stream (parent, host, port, socket): libgit2 1.5's SSH
// transport reads the socket from that position to hand it to libssh2.
typedef struct {
  git_stream parent;
  char *host;
  char *port;
  int s;
  tack_git_io_control *control;
} tack_stream;

static long long now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int stopped_error(tack_stream *st) {
  int state = tack_git_io_control_state(st->control);
  switch (state) {
  case TACK_GIT_IO_CANCELLED: git_error_set_str(GIT_ERROR_NET, "cancelled"); break;
  case TACK_GIT_IO_CONNECT_TIMEOUT: git_error_set_str(GIT_ERROR_NET, "timed out connecting"); break;
  case TACK_GIT_IO_STALLED: git_error_set_str(GIT_ERROR_NET, "the server stopped sending"); break;
  case TACK_GIT_IO_DEADLINE: git_error_set_str(GIT_ERROR_NET, "the operation ran out of time"); break;
  default: return 0;
  }
  return -1;
}

// Waits for `events` on the socket in slices, watching the control. 0 when ready, -1 with the
// libgit2 error set otherwise. `limit_ms` 0 waits without a limit; `limit_reason` names it.
static int wait_for(tack_stream *st, short events, int limit_ms, int limit_reason) {
  long long start = now_ms();
  for (;;) {
    if (stopped_error(st)) return -1;
    int slice = TACK_SLICE_MS;
    if (limit_ms > 0) {
      long long left = limit_ms - (now_ms() - start);
      if (left <= 0) {
        tack_git_io_control_stop(st->control, limit_reason);
        if (!st->control) git_error_set_str(GIT_ERROR_NET, "timed out");
        else stopped_error(st);
        return -1;
      }
      if (left < slice) slice = (int)left;
    }
    struct pollfd pfd = {.fd = st->s, .events = events};
    int ready = poll(&pfd, 1, slice);
    if (ready < 0) {
      if (errno == EINTR) continue;
      git_error_set(GIT_ERROR_OS, "poll failed: %s", strerror(errno));
      return -1;
    }
    if (ready > 0) return 0;
  }
}

static int stream_connect(git_stream *stream) {
  tack_stream *st = (tack_stream *)stream;
  struct addrinfo hints = {.ai_socktype = SOCK_STREAM, .ai_family = AF_UNSPEC};
  struct addrinfo *info = NULL;
  int code = getaddrinfo(st->host, st->port, &hints, &info);
  if (code != 0) {
    git_error_set(GIT_ERROR_NET, "failed to resolve address for %s: %s", st->host, gai_strerror(code));
    return -1;
  }
  int connect_ms = st->control ? st->control->connect_ms : 0;
  int last_errno = 0;
  int result = -1;
  for (struct addrinfo *p = info; p; p = p->ai_next) {
    int fd = socket(p->ai_family, p->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, p->ai_protocol);
    if (fd < 0) {
      last_errno = errno;
      continue;
    }
    st->s = fd;
    control_track(st->control, fd, 1);
    if (connect(fd, p->ai_addr, p->ai_addrlen) == 0) {
      result = 0;
      break;
    }
    if (errno == EINPROGRESS) {
      if (wait_for(st, POLLOUT, connect_ms, TACK_GIT_IO_CONNECT_TIMEOUT) < 0) {
        freeaddrinfo(info);
        return -1;
      }
      int soerr = 0;
      socklen_t len = sizeof(soerr);
      getsockopt(fd, SOL_SOCKET, SO_ERROR, &soerr, &len);
      if (soerr == 0) {
        result = 0;
        break;
      }
      last_errno = soerr;
    } else {
      last_errno = errno;
    }
    control_track(st->control, fd, 0);
    close(fd);
    st->s = -1;
  }
  freeaddrinfo(info);
  if (result < 0) {
    if (stopped_error(st)) return -1;
    git_error_set(GIT_ERROR_NET, "failed to connect to %s: %s", st->host, strerror(last_errno));
    return -1;
  }
  // libssh2 (SSH) uses the socket itself and expects it blocking; our own reads and writes poll
  // first, so blocking calls there never wait.
  int flags = fcntl(st->s, F_GETFL);
  if (flags >= 0) fcntl(st->s, F_SETFL, flags & ~O_NONBLOCK);
  return 0;
}

static ssize_t stream_read(git_stream *stream, void *data, size_t len) {
  tack_stream *st = (tack_stream *)stream;
  int stall_ms = st->control ? st->control->stall_ms : 0;
  for (;;) {
    if (wait_for(st, POLLIN, stall_ms, TACK_GIT_IO_STALLED) < 0) return -1;
    ssize_t n = recv(st->s, data, len, MSG_DONTWAIT);
    if (n >= 0) {
      if (n == 0 && stopped_error(st)) return -1;
      return n;
    }
    if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK) continue;
    if (stopped_error(st)) return -1;
    git_error_set(GIT_ERROR_NET, "could not read from socket: %s", strerror(errno));
    return -1;
  }
}

static ssize_t stream_write(git_stream *stream, const char *data, size_t len, int flags) {
  (void)flags;
  tack_stream *st = (tack_stream *)stream;
  int stall_ms = st->control ? st->control->stall_ms : 0;
  size_t off = 0;
  while (off < len) {
    if (wait_for(st, POLLOUT, stall_ms, TACK_GIT_IO_STALLED) < 0) return -1;
    ssize_t n = send(st->s, data + off, len - off, MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n < 0) {
      if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK) continue;
      if (stopped_error(st)) return -1;
      git_error_set(GIT_ERROR_NET, "could not write to socket: %s", strerror(errno));
      return -1;
    }
    off += (size_t)n;
  }
  return (ssize_t)off;
}

static int stream_close(git_stream *stream) {
  tack_stream *st = (tack_stream *)stream;
  if (st->s >= 0) {
    control_track(st->control, st->s, 0);
    close(st->s);
    st->s = -1;
  }
  return 0;
}

static void stream_free(git_stream *stream) {
  tack_stream *st = (tack_stream *)stream;
  stream_close(stream);
  free(st->host);
  free(st->port);
  free(st);
}

static int stream_new(git_stream **out, const char *host, const char *port) {
  tack_stream *st = calloc(1, sizeof(*st));
  if (!st) {
    git_error_set_oom();
    return -1;
  }
  st->host = strdup(host);
  st->port = strdup(port);
  if (!st->host || !st->port) {
    free(st->host);
    free(st->port);
    free(st);
    git_error_set_oom();
    return -1;
  }
  st->s = -1;
  st->control = current_control;
  st->parent.version = GIT_STREAM_VERSION;
  st->parent.connect = stream_connect;
  st->parent.read = stream_read;
  st->parent.write = stream_write;
  st->parent.close = stream_close;
  st->parent.free = stream_free;
  *out = (git_stream *)st;
  return 0;
}

int tack_git_register_stream(void) {
  git_stream_registration registration = {0};
  registration.version = GIT_STREAM_VERSION;
  registration.init = stream_new;
  registration.wrap = NULL;
  return git_stream_register(GIT_STREAM_STANDARD, &registration);
}
