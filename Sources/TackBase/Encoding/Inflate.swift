import CZlib

/// zlib's inflate: Helm's release records (gzip inside a Secret), and in tests the age vectors
/// stored with `compressed: zlib` and gzip answers of the test API server. The output is bounded:
/// compressed data from a cluster must not be able to make tack allocate without limit.
///
/// ```swift
/// let body = try Inflate.zlib(raw)
/// let list = try Inflate.gzip(response.body)
/// ```
public enum Inflate {
  /// The input is not a complete stream of the format (zlib's return code, or `Z_BUF_ERROR` when it
  /// stops short).
  public struct Failure: Error, Sendable, CustomStringConvertible {
    public var code: Int32
    public init(code: Int32 = Z_DATA_ERROR) { self.code = code }
    public var description: String {
      code == Inflate.tooLarge ? "inflated data is larger than allowed" : "inflate failed (zlib code \(code))"
    }
  }

  /// RFC 1950: a zlib header and Adler-32 trailer around DEFLATE.
  public static func zlib(_ input: [UInt8], limit: Int = 256 << 20) throws(Failure) -> [UInt8] {
    try inflate(input, windowBits: 15, limit: limit)
  }

  /// RFC 1952: a gzip header and CRC-32 trailer around DEFLATE.
  public static func gzip(_ input: [UInt8], limit: Int = 256 << 20) throws(Failure) -> [UInt8] {
    try inflate(input, windowBits: 16 + 15, limit: limit)
  }

  /// The output would pass its limit (zlib has no such code; this one is tack's).
  public static let tooLarge: Int32 = -100

  private static func inflate(_ input: [UInt8], windowBits: Int32, limit: Int) throws(Failure) -> [UInt8] {
    // zlib keeps the stream's address: it lives in its own allocation until inflateEnd.
    let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    stream.initialize(to: z_stream())
    defer {
      inflateEnd(stream)
      stream.deinitialize(count: 1)
      stream.deallocate()
    }
    let initialized = tack_zlib_inflateInit2(stream, windowBits)
    guard initialized == Z_OK else { throw Failure(code: initialized) }
    var output: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    var rc = Z_OK
    input.withUnsafeBufferPointer { source in
      stream.pointee.next_in = source.baseAddress.map { UnsafeMutablePointer(mutating: $0) }
      stream.pointee.avail_in = UInt32(source.count)
      while rc == Z_OK {
        chunk.withUnsafeMutableBufferPointer { out in
          stream.pointee.next_out = out.baseAddress
          stream.pointee.avail_out = UInt32(out.count)
          rc = CZlib.inflate(stream, Z_NO_FLUSH)
          output += out.prefix(out.count - Int(stream.pointee.avail_out))
        }
        if output.count > limit {
          rc = tooLarge
          break
        }
        // No progress with input left (or none left before the end) means a truncated stream.
        if rc == Z_BUF_ERROR || (rc == Z_OK && stream.pointee.avail_in == 0 && stream.pointee.avail_out != 0) {
          rc = Z_BUF_ERROR
        }
      }
      stream.pointee.next_in = nil
      stream.pointee.next_out = nil
    }
    guard rc == Z_STREAM_END else { throw Failure(code: rc) }
    return output
  }
}
