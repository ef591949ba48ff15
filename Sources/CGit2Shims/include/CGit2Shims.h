#ifndef TACK_CGIT2_SHIMS_H
#define TACK_CGIT2_SHIMS_H
#include <git2.h>
// Typed wrappers for libgit2's variadic git_libgit2_opts, which Swift cannot call.
int tack_git_opts_int(int option, int value);
#endif
