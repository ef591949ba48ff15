import CZlib

/// Streaming gzip (RFC 1952) for OCI artifact layers, which may be hundreds of megabytes: bytes go
/// in as they are produced and compressed bytes come out through `sink`, so memory stays flat.
///
/// The header is written here rather than by zlib so that it matches Go's `compress/gzip` default
/// byte for byte (MTIME 0, XFL 0, OS 255, no name); zlib would write OS 3.
///
/// ```swift
/// let gzip = try GzipEncoder { try file.write($0) }
/// try gzip.write(tarBytes)
/// try gzip.finish()
/// ```
public final class GzipEncoder {
  private let stream: UnsafeMutablePointer<z_stream>
  private let sink: ([UInt8]) throws -> Void
  private var crc: UInt = crc32(0, nil, 0)
  private var length: UInt32 = 0
  private var finished = false
  private var buffer = [UInt8](repeating: 0, count: 128 * 1024)

  /// - Parameter level: zlib's level; 6 is what Go's default level maps to.
  public init(level: Int32 = 6, sink: @escaping ([UInt8]) throws -> Void) throws(Inflate.Failure) {
    self.sink = sink
    stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    stream.initialize(to: z_stream())
    // Negative window bits: raw DEFLATE, the gzip framing is ours.
    let rc = tack_zlib_deflateInit2(stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY)
    guard rc == Z_OK else {
      stream.deinitialize(count: 1)
      stream.deallocate()
      throw Inflate.Failure(code: rc)
    }
  }

  deinit {
    deflateEnd(stream)
    stream.deinitialize(count: 1)
    stream.deallocate()
  }

  private var headerWritten = false

  public func write(_ bytes: [UInt8]) throws {
    try bytes.withUnsafeBufferPointer { try write($0) }
  }

  public func write(_ bytes: UnsafeBufferPointer<UInt8>) throws {
    if !headerWritten {
      headerWritten = true
      try sink([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255])
    }
    guard !bytes.isEmpty, let base = bytes.baseAddress else { return }
    crc = crc32(crc, base, UInt32(bytes.count))
    length &+= UInt32(truncatingIfNeeded: bytes.count)
    stream.pointee.next_in = UnsafeMutablePointer(mutating: base)
    stream.pointee.avail_in = UInt32(bytes.count)
    try pump(flush: Z_NO_FLUSH)
    stream.pointee.next_in = nil
  }

  /// Ends the DEFLATE stream and writes the CRC-32 and length trailer.
  public func finish() throws {
    guard !finished else { return }
    if !headerWritten { try write([UInt8]()) }
    finished = true
    try pump(flush: Z_FINISH)
    let crc = UInt32(truncatingIfNeeded: crc)
    try sink([
      UInt8(crc & 0xff), UInt8((crc >> 8) & 0xff), UInt8((crc >> 16) & 0xff), UInt8(crc >> 24),
      UInt8(length & 0xff), UInt8((length >> 8) & 0xff), UInt8((length >> 16) & 0xff), UInt8(length >> 24),
    ])
  }

  private func pump(flush: Int32) throws {
    while true {
      var produced = 0
      var rc: Int32 = Z_OK
      buffer.withUnsafeMutableBufferPointer { out in
        stream.pointee.next_out = out.baseAddress
        stream.pointee.avail_out = UInt32(out.count)
        rc = deflate(stream, flush)
        produced = out.count - Int(stream.pointee.avail_out)
        stream.pointee.next_out = nil
      }
      guard rc == Z_OK || rc == Z_STREAM_END || rc == Z_BUF_ERROR else { throw Inflate.Failure(code: rc) }
      if produced > 0 { try sink(Array(buffer[..<produced])) }
      if flush == Z_FINISH {
        if rc == Z_STREAM_END { return }
      } else if stream.pointee.avail_in == 0 && produced < buffer.count {
        return
      }
    }
  }
}

/// Streaming gunzip: compressed chunks in, decompressed chunks out through `sink`. Concatenated
/// members are read as one stream, as Go's reader does.
public final class GzipDecoder {
  private let stream: UnsafeMutablePointer<z_stream>
  private let sink: ([UInt8]) throws -> Void
  private var buffer = [UInt8](repeating: 0, count: 128 * 1024)
  private var atMemberEnd = false
  private var started = false

  public init(sink: @escaping ([UInt8]) throws -> Void) throws(Inflate.Failure) {
    self.sink = sink
    stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    stream.initialize(to: z_stream())
    let rc = tack_zlib_inflateInit2(stream, 16 + 15)
    guard rc == Z_OK else {
      stream.deinitialize(count: 1)
      stream.deallocate()
      throw Inflate.Failure(code: rc)
    }
  }

  deinit {
    inflateEnd(stream)
    stream.deinitialize(count: 1)
    stream.deallocate()
  }

  public func write(_ bytes: [UInt8]) throws {
    guard !bytes.isEmpty else { return }
    started = true
    try bytes.withUnsafeBufferPointer { input in
      stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
      stream.pointee.avail_in = UInt32(input.count)
      defer { stream.pointee.next_in = nil }
      while true {
        if atMemberEnd {
          // Another member follows (or trailing bytes, which zlib rejects as a bad header).
          inflateReset(stream)
          atMemberEnd = false
        }
        var produced = 0
        var rc: Int32 = Z_OK
        buffer.withUnsafeMutableBufferPointer { out in
          stream.pointee.next_out = out.baseAddress
          stream.pointee.avail_out = UInt32(out.count)
          rc = inflate(stream, Z_NO_FLUSH)
          produced = out.count - Int(stream.pointee.avail_out)
          stream.pointee.next_out = nil
        }
        if produced > 0 { try sink(Array(buffer[..<produced])) }
        switch rc {
        case Z_STREAM_END:
          atMemberEnd = true
          if stream.pointee.avail_in == 0 { return }
        case Z_OK, Z_BUF_ERROR:
          if stream.pointee.avail_in == 0 && produced < buffer.count { return }
          if rc == Z_BUF_ERROR && produced == 0 { throw Inflate.Failure(code: rc) }
        default: throw Inflate.Failure(code: rc)
        }
      }
    }
  }

  /// Checks the stream ended at a member boundary (a truncated download fails here).
  public func finish() throws {
    if started && !atMemberEnd { throw Inflate.Failure(code: Z_BUF_ERROR) }
  }
}
