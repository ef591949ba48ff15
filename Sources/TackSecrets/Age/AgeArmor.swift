import TackBase

/// age's ASCII armor: strict PEM with type `AGE ENCRYPTED FILE`, padded base64 in 64-column lines.
public enum AgeArmor {
  public static let header = "-----BEGIN AGE ENCRYPTED FILE-----"
  public static let footer = "-----END AGE ENCRYPTED FILE-----"
  static let headerBytes = Array(header.utf8)
  static let footerBytes = Array(footer.utf8)
  /// Whitespace tolerated before and after the armor, as age's reader allows.
  static let maxWhitespace = 1024

  /// Whether `prefix` (the first bytes of an input) starts an armored file, allowing the leading
  /// whitespace the reader accepts.
  public static func looksArmored(_ prefix: ArraySlice<UInt8>) -> Bool {
    var index = prefix.startIndex
    while index < prefix.endIndex, isWhitespace(prefix[index]) { index += 1 }
    guard index < prefix.endIndex else { return false }
    var offset = 0
    while index < prefix.endIndex, offset < headerBytes.count {
      if prefix[index] != headerBytes[offset] { return false }
      index += 1
      offset += 1
    }
    return true
  }

  static func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }

  /// Armors a whole message held in memory.
  public static func armor(_ bytes: [UInt8]) -> [UInt8] {
    let sink = MemoryWriter()
    let writer = AgeArmorWriter(sink)
    try! writer.write(bytes)
    try! writer.finish()
    return sink.bytes
  }
}

/// Decodes armored input as a byte stream, one 48-byte line at a time.
final class AgeArmorReader: ByteReader {
  private let source: BufferedByteReader
  private var started = false
  private var finished = false
  private var pending: [UInt8] = []
  private var pendingStart = 0

  init(_ source: BufferedByteReader) { self.source = source }

  private func line() throws(AgeError) -> [UInt8] {
    let raw: [UInt8]?
    do { raw = try source.readLine(limit: 4096) } catch { throw AgeError(.armor, "\(error)") }
    guard var line = raw else { throw AgeError(.armor, "armor ends before its END line") }
    if line.last == 0x0A { line.removeLast() }
    if line.last == 0x0D { line.removeLast() }
    return line
  }

  /// After the END line only a little whitespace may follow.
  private func drainTrailing() throws(AgeError) {
    let rest: [UInt8]
    do { rest = try source.read(upTo: AgeArmor.maxWhitespace) } catch { throw AgeError(.armor, "\(error)") }
    guard rest.allSatisfy(AgeArmor.isWhitespace) else { throw AgeError(.armor, "data after the END line") }
    guard rest.count < AgeArmor.maxWhitespace else { throw AgeError(.armor, "too much whitespace after the END line") }
    finished = true
  }

  private func nextLine() throws(AgeError) {
    var skipped = 0
    while !started {
      let line = try line()
      if line.allSatisfy(AgeArmor.isWhitespace) {
        skipped += line.count + 1
        guard skipped <= AgeArmor.maxWhitespace else { throw AgeError(.armor, "too much whitespace before the BEGIN line") }
        continue
      }
      guard line == AgeArmor.headerBytes else { throw AgeError(.armor, "the first line is not \(AgeArmor.header)") }
      started = true
    }
    let line = try line()
    if line == AgeArmor.footerBytes {
      try drainTrailing()
      return
    }
    guard !line.isEmpty else { throw AgeError(.armor, "empty line inside the armor") }
    guard line.count <= 64 else { throw AgeError(.armor, "line longer than 64 columns") }
    guard let decoded = Base64.decode(bytes: line, grammar: .strict) else {
      throw AgeError(.armor, "line is not canonical padded base64")
    }
    pending = decoded
    pendingStart = 0
    if decoded.count < 48 {
      guard try self.line() == AgeArmor.footerBytes else {
        throw AgeError(.armor, "a short line must be the last one, followed by \(AgeArmor.footer)")
      }
      try drainTrailing()
    }
  }

  func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    var written = 0
    while written < buffer.count {
      if pendingStart == pending.count {
        if finished { break }
        try nextLine()
        continue
      }
      let n = min(buffer.count - written, pending.count - pendingStart)
      pending.withUnsafeBytes { source in
        (buffer.baseAddress! + written).copyMemory(from: source.baseAddress! + pendingStart, byteCount: n)
      }
      written += n
      pendingStart += n
    }
    return written
  }
}

/// Armors a byte stream; `finish()` writes the last line and the END line.
public final class AgeArmorWriter: ByteWriter {
  private let sink: ByteWriter
  private var carry: [UInt8] = []
  private var wroteHeader = false

  public init(_ sink: ByteWriter) { self.sink = sink }

  private func writeHeaderIfNeeded() throws {
    guard !wroteHeader else { return }
    wroteHeader = true
    try sink.write(AgeArmor.headerBytes + [0x0A])
  }

  public func write(_ bytes: UnsafeRawBufferPointer) throws {
    try writeHeaderIfNeeded()
    carry.append(contentsOf: bytes)
    let full = carry.count / 48 * 48
    guard full > 0 else { return }
    var out: [UInt8] = []
    out.reserveCapacity(full / 48 * 65)
    var index = 0
    while index < full {
      out += Base64.encodedBytes(carry[index..<(index + 48)])
      out.append(0x0A)
      index += 48
    }
    carry.removeFirst(full)
    try sink.write(out)
  }

  public func finish() throws {
    try writeHeaderIfNeeded()
    var out: [UInt8] = []
    if !carry.isEmpty {
      out += Base64.encodedBytes(carry)
      out.append(0x0A)
      carry.removeAll()
    }
    out += AgeArmor.footerBytes + [0x0A]
    try sink.write(out)
  }
}
