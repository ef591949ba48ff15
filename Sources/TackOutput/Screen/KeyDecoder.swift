/// A key as a full-screen view sees it.
public enum Key: Sendable, Hashable {
  case character(Character)
  /// Ctrl with a letter (`ctrl("c")`); Ctrl-C arrives as a byte, since raw mode turns ISIG off.
  case control(Character)
  case up, down, left, right, home, end, pageUp, pageDown
  case enter, escape, backspace, tab, backTab, delete
}

/// Decodes the bytes a terminal sends in raw mode into keys: UTF-8 text, C0 controls, CSI and SS3
/// sequences in their common spellings (xterm, rxvt, the linux console). A lone ESC may start a
/// sequence, so it waits until `flushEscape()` (the reader calls it after a short quiet spell).
/// Bracketed paste is not enabled, so pasted text arrives as characters.
public struct KeyDecoder: Sendable {
  private var pending: [UInt8] = []

  public init() {}

  /// Whether an incomplete sequence (a lone ESC, part of a UTF-8 character) waits for more bytes.
  public var isWaiting: Bool { !pending.isEmpty }

  public mutating func feed(_ bytes: some Sequence<UInt8>) -> [Key] {
    pending.append(contentsOf: bytes)
    var keys: [Key] = []
    var i = 0
    while i < pending.count {
      guard let (key, used) = Self.decode(pending[i...]) else { break }
      if let key { keys.append(key) }
      i += used
    }
    pending.removeFirst(i)
    return keys
  }

  /// The pending bytes after a quiet spell: a lone ESC is the Escape key; anything else is dropped.
  public mutating func flushEscape() -> [Key] {
    defer { pending.removeAll() }
    guard let first = pending.first, first == 0x1B else { return [] }
    // ESC then a key the sequence did not complete: Escape, then what followed (Alt-x reads as x).
    var keys: [Key] = [.escape]
    var rest = KeyDecoder()
    keys += rest.feed(pending.dropFirst().filter { $0 != 0x1B })
    return keys
  }

  /// One key from the front of `bytes` and how many bytes it used; `nil` when more are needed.
  static func decode(_ bytes: ArraySlice<UInt8>) -> (Key?, Int)? {
    let start = bytes.startIndex
    let first = bytes[start]
    switch first {
    case 0x1B:
      guard bytes.count > 1 else { return nil }
      let second = bytes[start + 1]
      if second == UInt8(ascii: "[") { return csi(bytes) }
      if second == UInt8(ascii: "O") {
        guard bytes.count > 2 else { return nil }
        return (ss3(bytes[start + 2]), 3)
      }
      if second == 0x1B { return (.escape, 1) }
      // Alt-x: the key without Alt (nothing here is bound to Alt).
      return (nil, 1)
    case 0x0D, 0x0A: return (.enter, 1)
    case 0x09: return (.tab, 1)
    case 0x7F, 0x08: return (.backspace, 1)
    case 0x01...0x1A: return (.control(Character(Unicode.Scalar(first + 0x60))), 1)
    case 0x00..<0x20: return (nil, 1)
    case 0x20..<0x7F: return (.character(Character(Unicode.Scalar(first))), 1)
    default:
      let length = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC0 ? 2 : 1
      guard bytes.count >= length else { return nil }
      let text = String(decoding: bytes[start..<(start + length)], as: UTF8.self)
      return (text.first.map(Key.character), length)
    }
  }

  /// `ESC [ params final`: arrows, Home/End, PgUp/PgDn, Delete, Shift-Tab.
  static func csi(_ bytes: ArraySlice<UInt8>) -> (Key?, Int)? {
    let start = bytes.startIndex
    var i = start + 2
    while i < bytes.endIndex, (0x20...0x3F).contains(bytes[i]) { i += 1 }
    guard i < bytes.endIndex else { return nil }
    let parameters = String(decoding: bytes[(start + 2)..<i], as: UTF8.self)
    let used = i - start + 1
    switch bytes[i] {
    case UInt8(ascii: "A"): return (.up, used)
    case UInt8(ascii: "B"): return (.down, used)
    case UInt8(ascii: "C"): return (.right, used)
    case UInt8(ascii: "D"): return (.left, used)
    case UInt8(ascii: "H"): return (.home, used)
    case UInt8(ascii: "F"): return (.end, used)
    case UInt8(ascii: "Z"): return (.backTab, used)
    case UInt8(ascii: "~"):
      switch parameters.split(separator: ";").first ?? "" {
      case "1", "7": return (.home, used)
      case "4", "8": return (.end, used)
      case "3": return (.delete, used)
      case "5": return (.pageUp, used)
      case "6": return (.pageDown, used)
      default: return (nil, used)
      }
    default: return (nil, used)
    }
  }

  static func ss3(_ final: UInt8) -> Key? {
    switch final {
    case UInt8(ascii: "A"): .up
    case UInt8(ascii: "B"): .down
    case UInt8(ascii: "C"): .right
    case UInt8(ascii: "D"): .left
    case UInt8(ascii: "H"): .home
    case UInt8(ascii: "F"): .end
    default: nil
    }
  }
}
