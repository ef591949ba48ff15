#ifndef TACK_CZLIB_SHIM_H
#define TACK_CZLIB_SHIM_H
#include <zlib.h>

// zlib's init functions are macros that pass the header's version and z_stream size; Swift cannot
// call function-like macros, so these inline wrappers do it.

static inline int tack_zlib_deflateInit2(z_streamp stream, int level, int method, int windowBits,
                                         int memLevel, int strategy) {
  return deflateInit2(stream, level, method, windowBits, memLevel, strategy);
}

static inline int tack_zlib_inflateInit2(z_streamp stream, int windowBits) {
  return inflateInit2(stream, windowBits);
}

#endif
