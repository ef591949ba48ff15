#include "CGit2Shims.h"
int tack_git_opts_int(int option, int value) { return git_libgit2_opts(option, value); }
