import CZlib

/// zlib's inflate for tests that read compressed data: the age test vectors stored with
/// `compressed: zlib`, gzip answers of the test API server.
///
/// ```swift
/// let body = try Inflate.zlib(raw)
/// let list = try Inflate.gzip(response.body)
/// ```
public enum Inflate {
  /// The input is not a complete stream of the format (zlib's return code, or `Z_BUF_ERROR` when it
  /// stops short).
  public struct Failure: Error, CustomStringConvertible {
    public var code: Int32
    public init(code: Int32 = Z_DATA_ERROR) { self.code = code }
    public var description: String { "inflate failed (zlib code \(code))" }
  }

  /// RFC 1950: a zlib header and Adler-32 trailer around DEFLATE.
  public static func zlib(_ input: [UInt8]) throws(Failure) -> [UInt8] { try inflate(input, windowBits: 15) }

  /// RFC 1952: a gzip header and CRC-32 trailer around DEFLATE.
  public static func gzip(_ input: [UInt8]) throws(Failure) -> [UInt8] { try inflate(input, windowBits: 16 + 15) }

  private static func inflate(_ input: [UInt8], windowBits: Int32) throws(Failure) -> [UInt8] {
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
