import Crypto
import TackBase

/// The textual header of an age v1 file: version line, stanzas, and the MAC line.
public struct AgeHeader: Sendable, Equatable {
  static let versionLine = Array("age-encryption.org/v1\n".utf8)
  static let stanzaPrefix = Array("->".utf8)
  static let footerPrefix = Array("---".utf8)
  /// Stanza arguments can be long (post-quantum shares are ~1.5 KB); anything past this is hostile.
  static let lineLimit = 16 * 1024
  /// The whole header, all stanzas included. Real headers are a few hundred bytes per recipient
  /// (a post-quantum one about 1.6 KB); a header is read whole into memory and every stanza is
  /// tried against every identity, so an unbounded one is a memory and CPU lever for whoever
  /// wrote the file.
  static let sizeLimit = 1024 * 1024
  /// Recipients in one file: far above any team's key list.
  static let stanzaLimit = 1024
  /// One stanza's body. The stanzas age defines carry a 32-byte wrapped file key; grease and
  /// plugin stanzas stay far below this.
  static let bodyLimit = 16 * 1024

  public var stanzas: [AgeStanza]
  public var mac: [UInt8]
  /// The header bytes the MAC covers: from `age-…` up to and including `---`.
  var macInput: [UInt8]

  /// Builds a header for `stanzas`, MACed with the file key.
  init(stanzas: [AgeStanza], fileKey: [UInt8]) {
    self.stanzas = stanzas
    var bytes = Self.versionLine
    for stanza in stanzas { Self.append(stanza, to: &bytes) }
    bytes += Self.footerPrefix
    macInput = bytes
    mac = Self.computeMAC(fileKey: fileKey, macInput: bytes)
  }

  init(stanzas: [AgeStanza], mac: [UInt8], macInput: [UInt8]) {
    self.stanzas = stanzas
    self.mac = mac
    self.macInput = macInput
  }

  static func computeMAC(fileKey: [UInt8], macInput: [UInt8]) -> [UInt8] {
    let key = ageHKDF(key: fileKey, salt: [], info: Array("header".utf8))
    return Array(HMAC<SHA256>.authenticationCode(for: macInput, using: key))
  }

  func verifyMAC(fileKey: [UInt8]) -> Bool {
    let expected = Self.computeMAC(fileKey: fileKey, macInput: macInput)
    // Constant-time comparison: the MAC is checked before anything is decrypted.
    guard expected.count == mac.count else { return false }
    var difference: UInt8 = 0
    for (a, b) in zip(expected, mac) { difference |= a ^ b }
    return difference == 0
  }

  /// The serialized header, ending in the MAC line's newline.
  var encoded: [UInt8] {
    macInput + [UInt8(ascii: " ")] + Base64.encodedBytes(mac, padded: false) + [0x0A]
  }

  static func append(_ stanza: AgeStanza, to bytes: inout [UInt8]) {
    bytes += stanzaPrefix
    for argument in [stanza.type] + stanza.arguments {
      bytes.append(UInt8(ascii: " "))
      bytes += argument.utf8
    }
    bytes.append(0x0A)
    let encoded = Base64.encodedBytes(stanza.body, padded: false)
    var index = 0
    while index + 64 <= encoded.count {
      bytes += encoded[index..<(index + 64)]
      bytes.append(0x0A)
      index += 64
    }
    // The body ends with a short line, which is empty when the body fills its last line.
    bytes += encoded[index...]
    bytes.append(0x0A)
  }

  /// Reads the header from `reader`, leaving it positioned at the first payload byte.
  static func read(from reader: BufferedByteReader) throws(AgeError) -> AgeHeader {
    var raw: [UInt8] = []
    func line() throws(AgeError) -> [UInt8] {
      let next: [UInt8]?
      do {
        next = try reader.readLine(limit: lineLimit)
      } catch let error as AgeError {
        throw error
      } catch {
        throw AgeError(.header, "\(error)")
      }
      guard let next, next.last == 0x0A else {
        throw AgeError(.header, raw.isEmpty && next == nil ? "file is empty" : "header ends before its MAC line")
      }
      guard raw.count + next.count <= sizeLimit else {
        throw AgeError(.header, "header is larger than \(sizeLimit / 1024) KiB")
      }
      return next
    }

    let version = try line()
    guard version == versionLine else {
      throw AgeError(.header, "unexpected version line; only age-encryption.org/v1 is supported")
    }
    raw = version
    var stanzas: [AgeStanza] = []
    while true {
      let peeked: ArraySlice<UInt8>
      do { peeked = try reader.peek(3) } catch { throw AgeError(.header, "\(error)") }
      if peeked.elementsEqual(footerPrefix) {
        let closing = try line()
        let parts = split(closing)
        guard parts.count == 2, parts[0].elementsEqual(footerPrefix),
          let mac = Base64.decode(bytes: Array(parts[1]), grammar: .strictUnpadded), mac.count == 32
        else {
          throw AgeError(.header, "malformed MAC line")
        }
        raw += footerPrefix
        return AgeHeader(stanzas: stanzas, mac: mac, macInput: raw)
      }
      guard stanzas.count < stanzaLimit else {
        throw AgeError(.header, "header has more than \(stanzaLimit) recipient stanzas")
      }
      let opening = try line()
      raw += opening
      let parts = split(opening)
      guard parts.count >= 2, parts[0].elementsEqual(stanzaPrefix) else {
        throw AgeError(.header, "malformed stanza opening line")
      }
      let arguments = parts.dropFirst()
      guard arguments.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0 >= 33 && $0 <= 126 } }) else {
        throw AgeError(.header, "stanza argument is empty or has characters outside printable ASCII")
      }
      var body: [UInt8] = []
      while true {
        let bodyLine = try line()
        raw += bodyLine
        guard let decoded = Base64.decode(bytes: Array(bodyLine.dropLast()), grammar: .strictUnpadded) else {
          throw AgeError(.header, "stanza body line is not canonical unpadded base64")
        }
        guard decoded.count <= 48 else { throw AgeError(.header, "stanza body line is longer than 64 columns") }
        body += decoded
        guard body.count <= bodyLimit else {
          throw AgeError(.header, "stanza body is larger than \(bodyLimit / 1024) KiB")
        }
        if decoded.count < 48 { break }
      }
      let strings = arguments.map { String(decoding: $0, as: UTF8.self) }
      stanzas.append(AgeStanza(type: strings[0], arguments: Array(strings.dropFirst()), body: body))
    }
  }

  /// Splits a header line (without its newline) on single spaces, keeping empty fields.
  private static func split(_ line: [UInt8]) -> [ArraySlice<UInt8>] {
    line.dropLast().split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
  }
}
