// Debian's zlib through the CZlib system-library target, not NIO's response compressor: that one
// always deflates at the default level, six times the CPU of what kube-apiserver uses, and its
// public API takes no level (the zlib swift-nio-extras vendors is an internal module).
import CZlib
import TackBase

/// Response compression as kube-apiserver does it: gzip only when the request's `Accept-Encoding`
/// names `gzip` (a plain token match, like the real server's), only for bodies of at least the
/// threshold (the real server: 128 KiB), at deflate level 1 (its `defaultGzipContentEncodingLevel`:
/// most of the ratio for a fraction of the CPU). Watch streams are never compressed.
enum ResponseCompression {
  static let level: Int32 = 1

  static func acceptsGzip(_ acceptEncoding: String?) -> Bool {
    guard let acceptEncoding, !acceptEncoding.isEmpty else { return false }
    return acceptEncoding.split(separator: ",").contains { $0.trimming(" \t") == "gzip" }
  }

  /// The gzip member for `input`, or nil if zlib refuses (never expected).
  static func gzip(_ input: [UInt8], level: Int32 = level) -> [UInt8]? {
    GzipDeflater(level: level)?.compress(input)
  }
}

/// One zlib deflate stream writing the gzip format; owns the `z_stream` (zlib keeps its address,
/// so it lives in its own allocation) and ends it on deinit.
final class GzipDeflater {
  private let stream: UnsafeMutablePointer<z_stream>

  init?(level: Int32) {
    stream = .allocate(capacity: 1)
    stream.initialize(to: z_stream())
    // windowBits 16 + 15: a gzip header and trailer around a 32 KiB-window deflate stream.
    let rc = tack_zlib_deflateInit2(stream, level, Z_DEFLATED, 16 + 15, 8, Z_DEFAULT_STRATEGY)
    guard rc == Z_OK else {
      stream.deinitialize(count: 1)
      stream.deallocate()
      return nil
    }
  }

  deinit {
    deflateEnd(stream)
    stream.deinitialize(count: 1)
    stream.deallocate()
  }

  /// Compresses all of `input` in one call (the bound zlib gives is always enough for Z_FINISH).
  func compress(_ input: [UInt8]) -> [UInt8]? {
    let bound = Int(deflateBound(stream, UInt(input.count)))
    var ok = false
    let output = [UInt8](unsafeUninitializedCapacity: bound) { out, count in
      input.withUnsafeBufferPointer { source in
        stream.pointee.next_in = source.baseAddress.map { UnsafeMutablePointer(mutating: $0) }
        stream.pointee.avail_in = UInt32(source.count)
        stream.pointee.next_out = out.baseAddress
        stream.pointee.avail_out = UInt32(out.count)
        ok = deflate(stream, Z_FINISH) == Z_STREAM_END
        count = out.count - Int(stream.pointee.avail_out)
        stream.pointee.next_in = nil
        stream.pointee.next_out = nil
      }
    }
    return ok ? output : nil
  }
}
