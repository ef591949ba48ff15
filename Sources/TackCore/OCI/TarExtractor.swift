#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a tar stream fed in arbitrary chunks and hands each entry to a `TarEntryHandler`:
/// regular files (with their data in pieces) and directories. Names come from USTAR (prefix and
/// name), PAX `path` records or GNU long names. Symbolic links are skipped, as flux does; hard
/// links, devices and names that would leave the destination (`..`, absolute) are refused.
struct TarStreamReader {
  enum Event {
    case directory(name: String, mode: Int)
    case fileStart(name: String, mode: Int, size: Int)
    case fileData([UInt8])
    case fileEnd
  }

  private var pending: [UInt8] = []
  private var state: State = .header
  private var paxPath: String?
  private var longName: String?
  private var ended = false

  private enum State {
    case header
    /// Data of a file being emitted: bytes left, then padding.
    case data(remaining: Int, padding: Int)
    /// Data read into memory for a PAX or GNU long-name header.
    case meta(type: UInt8, remaining: Int, padding: Int, collected: [UInt8])
    case skip(remaining: Int)
  }

  /// Consumes `chunk`, calling `handle` for each event.
  mutating func feed(_ chunk: [UInt8], handle: (Event) throws -> Void) throws {
    pending += chunk
    var offset = 0
    defer { pending.removeFirst(offset) }
    while !ended {
      switch state {
      case .header:
        guard pending.count - offset >= 512 else { return }
        let block = Array(pending[offset..<offset + 512])
        offset += 512
        try header(block, handle: handle)
      case .data(let remaining, let padding):
        if remaining == 0 {
          let take = min(padding, pending.count - offset)
          offset += take
          if take < padding {
            state = .data(remaining: 0, padding: padding - take)
            return
          }
          try handle(.fileEnd)
          state = .header
          continue
        }
        let take = min(remaining, pending.count - offset)
        guard take > 0 else { return }
        try handle(.fileData(Array(pending[offset..<offset + take])))
        offset += take
        state = .data(remaining: remaining - take, padding: padding)
      case .meta(let type, let remaining, let padding, var collected):
        let take = min(remaining + padding - collected.count, pending.count - offset)
        guard take > 0 || remaining + padding == collected.count else { return }
        collected += pending[offset..<offset + take]
        offset += take
        guard collected.count == remaining + padding else {
          state = .meta(type: type, remaining: remaining, padding: padding, collected: collected)
          return
        }
        let data = Array(collected.prefix(remaining))
        if type == UInt8(ascii: "x") {
          paxPath = Self.paxRecords(data)["path"] ?? paxPath
        } else {
          longName = String(decoding: data.prefix { $0 != 0 }, as: UTF8.self)
        }
        state = .header
      case .skip(let remaining):
        let take = min(remaining, pending.count - offset)
        offset += take
        state = take == remaining ? .header : .skip(remaining: remaining - take)
        if take < remaining { return }
      }
    }
  }

  /// True once the end-of-archive block was seen.
  var isFinished: Bool { ended }

  private mutating func header(_ block: [UInt8], handle: (Event) throws -> Void) throws {
    if block.allSatisfy({ $0 == 0 }) {
      ended = true
      return
    }
    guard Self.checksumIsValid(block) else { throw OCIError.unsafeArchive(reason: "a tar header checksum is wrong") }
    let type = block[156]
    let size = try Self.number(block[124..<136])
    let padding = (512 - size % 512) % 512
    let mode = (try? Self.number(block[100..<108])) ?? 0o644
    switch type {
    case UInt8(ascii: "x"), UInt8(ascii: "L"):
      guard size <= 1 << 20 else { throw OCIError.unsafeArchive(reason: "an extended header is larger than 1 MiB") }
      state = .meta(type: type, remaining: size, padding: padding, collected: [])
      return
    case UInt8(ascii: "g"):
      state = .skip(remaining: size + padding)
      return
    default: break
    }
    var name = Self.string(block[0..<100])
    let magic = Self.string(block[257..<263])
    if magic == "ustar" {
      let prefix = Self.string(block[345..<500])
      if !prefix.isEmpty { name = prefix + "/" + name }
    }
    if let paxPath { name = paxPath }
    if let longName { name = longName }
    paxPath = nil
    longName = nil
    switch type {
    case UInt8(ascii: "0"), 0, UInt8(ascii: "7"):
      let clean = try Self.confined(name)
      guard let clean else { throw OCIError.unsafeArchive(reason: "a file entry has no name") }
      try handle(.fileStart(name: clean, mode: mode & 0o7777, size: size))
      state = .data(remaining: size, padding: padding)
      if size == 0 && padding == 0 {
        try handle(.fileEnd)
        state = .header
      }
    case UInt8(ascii: "5"):
      if let clean = try Self.confined(name) { try handle(.directory(name: clean, mode: mode & 0o7777)) }
      state = .skip(remaining: size + padding)
    case UInt8(ascii: "2"):
      // Symbolic links are never created: a link could point outside the destination.
      state = .skip(remaining: size + padding)
    default:
      throw OCIError.unsafeArchive(reason: "entry \"\(TerminalSafe.line(name))\" is a link or special file (type \(Character(UnicodeScalar(type))))")
    }
  }

  /// The entry's path relative to the destination, or nil for the root itself; throws when it
  /// would leave the destination.
  static func confined(_ name: String) throws -> String? {
    if name.hasPrefix("/") { throw OCIError.unsafeArchive(reason: "entry \"\(TerminalSafe.line(name))\" is an absolute path") }
    var parts: [Substring] = []
    for part in name.split(separator: "/") {
      if part == "." { continue }
      if part == ".." { throw OCIError.unsafeArchive(reason: "entry \"\(TerminalSafe.line(name))\" leaves the output directory") }
      parts.append(part)
    }
    if name.contains("\0") { throw OCIError.unsafeArchive(reason: "an entry name holds a NUL byte") }
    return parts.isEmpty ? nil : parts.joined(separator: "/")
  }

  static func string(_ bytes: ArraySlice<UInt8>) -> String {
    String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
  }

  static func number(_ bytes: ArraySlice<UInt8>) throws -> Int {
    if let first = bytes.first, first & 0x80 != 0 {
      // GNU base-256: big-endian, first byte's top bit set.
      var value = Int(first & 0x7f)
      for byte in bytes.dropFirst() {
        guard value < Int.max >> 8 else { throw OCIError.unsafeArchive(reason: "a size field overflows") }
        value = value << 8 | Int(byte)
      }
      return value
    }
    let text = String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self).trimmingCharacters(in: " ")
    if text.isEmpty { return 0 }
    guard let value = Int(text, radix: 8), value >= 0 else { throw OCIError.unsafeArchive(reason: "a numeric field is not octal") }
    return value
  }

  static func checksumIsValid(_ block: [UInt8]) -> Bool {
    guard let stored = try? number(block[148..<156]) else { return false }
    var sum = 0
    for (index, byte) in block.enumerated() { sum += (148..<156).contains(index) ? 0x20 : Int(byte) }
    return sum == stored
  }

  static func paxRecords(_ data: [UInt8]) -> [String: String] {
    var records: [String: String] = [:]
    var rest = data[...]
    while let space = rest.firstIndex(of: UInt8(ascii: " ")),
      let length = Int(String(decoding: rest[rest.startIndex..<space], as: UTF8.self)), length > 0,
      length <= rest.count
    {
      let record = rest[(space + 1)..<(rest.startIndex + length)]
      if let equals = record.firstIndex(of: UInt8(ascii: "=")) {
        let key = String(decoding: record[record.startIndex..<equals], as: UTF8.self)
        var value = record[(equals + 1)...]
        if value.last == UInt8(ascii: "\n") { value = value.dropLast() }
        records[key] = String(decoding: value, as: UTF8.self)
      }
      rest = rest[(rest.startIndex + length)...]
    }
    return records
  }
}

extension String {
  fileprivate func trimmingCharacters(in character: Character) -> String {
    var slice = Substring(self)
    while slice.first == character { slice = slice.dropFirst() }
    while slice.last == character { slice = slice.dropLast() }
    return String(slice)
  }
}
