#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import TackBase

/// A source of bytes read in order: a file, a pipe, memory, or a decoder stacked on another source.
/// Encryption and decryption stream through these, so a 10 GiB file needs no more memory than a
/// 1 KiB one.
public protocol ByteReader: AnyObject {
  /// Reads at most `buffer.count` bytes; returns 0 only at the end of the input.
  func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}

/// A destination for bytes written in order.
public protocol ByteWriter: AnyObject {
  func write(_ bytes: UnsafeRawBufferPointer) throws
}

extension ByteWriter {
  public func write(_ bytes: [UInt8]) throws { try bytes.withUnsafeBytes { try write($0) } }
}

extension ByteReader {
  /// Reads until `buffer` is full or the input ends; returns how many bytes were read.
  public func readFull(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    var total = 0
    while total < buffer.count {
      let n = try read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[total...]))
      if n == 0 { break }
      total += n
    }
    return total
  }

  /// Reads up to `count` bytes (fewer only at the end of the input).
  public func read(upTo count: Int) throws -> [UInt8] {
    var bytes = [UInt8](repeating: 0, count: count)
    let n = try bytes.withUnsafeMutableBytes { try readFull(into: $0) }
    bytes.removeLast(count - n)
    return bytes
  }

  /// Everything up to the end of the input, refusing more than `limit` bytes.
  public func readAll(limit: Int = .max) throws -> [UInt8]? {
    var result: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    while true {
      let n = try chunk.withUnsafeMutableBytes { try read(into: $0) }
      if n == 0 { return result }
      if result.count + n > limit { return nil }
      result.append(contentsOf: chunk[0..<n])
    }
  }
}

/// Reads a file descriptor; it is neither opened nor closed here.
public final class FileDescriptorReader: ByteReader {
  public let descriptor: Int32
  public let name: String
  public init(descriptor: Int32, name: String) {
    self.descriptor = descriptor
    self.name = name
  }

  public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
    while true {
      #if canImport(Darwin)
        let n = Darwin.read(descriptor, base, buffer.count)
      #else
        let n = Glibc.read(descriptor, base, buffer.count)
      #endif
      if n >= 0 { return n }
      if errno == EINTR { continue }
      throw FileError(path: name, operation: "reading", errno: errno)
    }
  }
}

/// Writes to a file descriptor, retrying short writes.
public final class FileDescriptorWriter: ByteWriter {
  public let descriptor: Int32
  public let name: String
  public init(descriptor: Int32, name: String) {
    self.descriptor = descriptor
    self.name = name
  }

  public func write(_ bytes: UnsafeRawBufferPointer) throws {
    guard let base = bytes.baseAddress else { return }
    var offset = 0
    while offset < bytes.count {
      #if canImport(Darwin)
        let n = Darwin.write(descriptor, base + offset, bytes.count - offset)
      #else
        let n = Glibc.write(descriptor, base + offset, bytes.count - offset)
      #endif
      if n < 0 {
        if errno == EINTR { continue }
        throw FileError(path: name, operation: "writing", errno: errno)
      }
      offset += n
    }
  }
}

/// Bytes held in memory, read once.
public final class MemoryReader: ByteReader {
  private let bytes: [UInt8]
  private var offset = 0
  public init(_ bytes: [UInt8]) { self.bytes = bytes }

  public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    let n = min(buffer.count, bytes.count - offset)
    guard n > 0 else { return 0 }
    bytes.withUnsafeBytes { source in
      buffer.baseAddress!.copyMemory(from: source.baseAddress! + offset, byteCount: n)
    }
    offset += n
    return n
  }
}

/// Collects written bytes in memory.
public final class MemoryWriter: ByteWriter {
  public private(set) var bytes: [UInt8] = []
  public init() {}
  public func write(_ bytes: UnsafeRawBufferPointer) throws { self.bytes.append(contentsOf: bytes) }
}

/// A reader with a look-ahead buffer, for the line-oriented parts of a format (the age header, the
/// armor lines) that are followed by binary data read by someone else.
public final class BufferedByteReader: ByteReader {
  private let source: ByteReader
  /// Bytes `start..<end` of `storage` are read but not yet consumed.
  private var storage: [UInt8]
  private var start = 0
  private var end = 0
  private var reachedEnd = false

  public init(_ source: ByteReader, chunkSize: Int = 64 * 1024) {
    self.source = source
    storage = [UInt8](repeating: 0, count: chunkSize)
  }

  private var available: Int { end - start }

  /// Makes at least `count` bytes available unless the input ends first.
  private func fill(_ count: Int) throws {
    while available < count, !reachedEnd {
      if start > 0 {
        // Move the unconsumed bytes to the front.
        storage.withUnsafeMutableBytes { raw in
          let base = raw.baseAddress!
          (base).copyMemory(from: base + start, byteCount: end - start)
        }
        end -= start
        start = 0
      }
      if end == storage.count {
        storage += [UInt8](repeating: 0, count: max(storage.count, count - available))
      }
      let n = try storage.withUnsafeMutableBytes { raw in
        try source.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[end...]))
      }
      if n == 0 { reachedEnd = true }
      end += n
    }
  }

  /// The next `count` bytes (fewer at the end), without consuming them.
  public func peek(_ count: Int) throws -> ArraySlice<UInt8> {
    try fill(count)
    return storage[start..<(start + min(count, available))]
  }

  /// The next line including its `\n`, or the rest of the input when it has no `\n`; nil at the
  /// end. A line longer than `limit` bytes is returned cut at `limit` so a hostile input cannot
  /// make us buffer without bound; callers treat an over-long line as malformed.
  public func readLine(limit: Int) throws -> [UInt8]? {
    var scanned = 0
    while true {
      var index = start + scanned
      let stop = min(end, start + limit)
      while index < stop, storage[index] != 0x0A { index += 1 }
      if index < stop {
        let line = Array(storage[start...index])
        start = index + 1
        return line
      }
      scanned = available
      if available >= limit {
        let line = Array(storage[start..<(start + limit)])
        start += limit
        return line
      }
      let before = available
      try fill(available + 1)
      if available == before {
        guard available > 0 else { return nil }
        let line = Array(storage[start..<end])
        start = end
        return line
      }
    }
  }

  public func read(into destination: UnsafeMutableRawBufferPointer) throws -> Int {
    if available == 0 {
      // Binary reads of an empty buffer go straight to the source: once the header is consumed,
      // payload chunks are read in place, with no copy through the buffer.
      guard !reachedEnd else { return 0 }
      let n = try source.read(into: destination)
      if n == 0, !destination.isEmpty { reachedEnd = true }
      return n
    }
    let n = min(destination.count, available)
    guard n > 0 else { return 0 }
    storage.withUnsafeBytes { raw in
      destination.baseAddress!.copyMemory(from: raw.baseAddress! + start, byteCount: n)
    }
    start += n
    return n
  }
}
