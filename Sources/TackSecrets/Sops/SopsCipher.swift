import Crypto
import TackBase

/// SOPS' value cipher: `ENC[AES256_GCM,data:…,iv:…,tag:…,type:…]`, AES-256-GCM with a 32-byte IV
/// and the key path (joined by `:`, plus a trailing `:`) as additional data.
struct SopsCipher {
  static let ivSize = 32
  let key: SymmetricKey

  init(dataKey: [UInt8]) {
    key = SymmetricKey(data: dataKey)
  }

  /// The additional data for a value at `path`.
  static func additionalData(_ path: [String]) -> [UInt8] {
    var bytes: [UInt8] = []
    for component in path {
      bytes += component.utf8
      bytes.append(UInt8(ascii: ":"))
    }
    return bytes
  }

  /// Encrypts `plaintext` as an ENC string of the given type.
  func encrypt(_ plaintext: [UInt8], type: String, additionalData: [UInt8]) -> String {
    let iv = SecureRandom.bytes(Self.ivSize)
    // AES.GCM accepts any nonce of 12 bytes or more; GCM derives J0 from a long IV by GHASH.
    let nonce = try! AES.GCM.Nonce(data: iv)
    let box = try! AES.GCM.seal(plaintext, using: key, nonce: nonce, authenticating: additionalData)
    return "ENC[AES256_GCM,data:\(Base64.encode(box.ciphertext)),iv:\(Base64.encode(iv)),tag:\(Base64.encode(box.tag)),type:\(type)]"
  }

  struct Parsed {
    var data: [UInt8]
    var iv: [UInt8]
    var tag: [UInt8]
    var type: String
  }

  /// Whether a string is an ENC value (the reader's anchored-at-start pattern).
  static func looksEncrypted(_ text: String) -> Bool { text.hasPrefix("ENC[AES256_GCM,data:") }

  /// Parses an ENC string; nil when it does not match sops' format.
  static func parse(_ text: String) -> Parsed? {
    // sops' reader: ^ENC\[AES256_GCM,data:(.+),iv:(.+),tag:(.+),type:(.+)\] with greedy groups,
    // so the last occurrences of the separators win.
    let bytes = Array(text.utf8)
    let prefix = Array("ENC[AES256_GCM,data:".utf8)
    guard bytes.starts(with: prefix), let close = bytes.lastIndex(of: UInt8(ascii: "]")), close > prefix.count else {
      return nil
    }
    let body = bytes[prefix.count..<close]
    guard let typeStart = lastRange(of: ",type:", in: body),
      let tagStart = lastRange(of: ",tag:", in: body[..<typeStart.lowerBound]),
      let ivStart = lastRange(of: ",iv:", in: body[..<tagStart.lowerBound])
    else { return nil }
    let data = Array(body[..<ivStart.lowerBound])
    let iv = Array(body[ivStart.upperBound..<tagStart.lowerBound])
    let tag = Array(body[tagStart.upperBound..<typeStart.lowerBound])
    let type = body[typeStart.upperBound...]
    guard !data.isEmpty, !iv.isEmpty, !tag.isEmpty, !type.isEmpty,
      let dataBytes = Base64.decode(bytes: data, grammar: .strict), let ivBytes = Base64.decode(bytes: iv, grammar: .strict),
      let tagBytes = Base64.decode(bytes: tag, grammar: .strict), ivBytes.count >= 12, tagBytes.count == 16
    else { return nil }
    return Parsed(data: dataBytes, iv: ivBytes, tag: tagBytes, type: String(decoding: type, as: UTF8.self))
  }

  static func lastRange(of needle: String, in haystack: ArraySlice<UInt8>) -> Range<Int>? {
    let pattern = Array(needle.utf8)
    guard haystack.count >= pattern.count else { return nil }
    var start = haystack.endIndex - pattern.count
    while start >= haystack.startIndex {
      if haystack[start..<(start + pattern.count)].elementsEqual(pattern) { return start..<(start + pattern.count) }
      start -= 1
    }
    return nil
  }

  enum Failure: Error { case malformed, authentication }

  /// Decrypts an ENC string into its type and bytes.
  func decrypt(_ text: String, additionalData: [UInt8]) throws(Failure) -> (type: String, bytes: [UInt8]) {
    guard let parsed = Self.parse(text) else { throw .malformed }
    do {
      let box = try AES.GCM.SealedBox(nonce: AES.GCM.Nonce(data: parsed.iv), ciphertext: parsed.data, tag: parsed.tag)
      return (parsed.type, Array(try AES.GCM.open(box, using: key, authenticating: additionalData)))
    } catch {
      throw .authentication
    }
  }
}
