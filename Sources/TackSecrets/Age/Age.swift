import Crypto

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// age v1 encryption and decryption (age-encryption.org/v1), streaming: the payload goes through
/// in 64 KiB chunks, so memory stays flat whatever the file size.
public enum Age {
  static let chunkSize = 64 * 1024
  static let sealedChunkSize = chunkSize + 16

  // MARK: in memory

  /// Encrypts a message held in memory (e.g. a 32-byte SOPS data key).
  public static func encrypt(_ plaintext: [UInt8], to recipients: [any AgeRecipient], armored: Bool) throws(AgeError) -> [UInt8] {
    let sink = MemoryWriter()
    do {
      try encrypt(from: MemoryReader(plaintext), to: sink, recipients: recipients, armored: armored)
    } catch let error as AgeError {
      throw error
    } catch {
      preconditionFailure("memory streams do not fail: \(error)")
    }
    return sink.bytes
  }

  /// Decrypts a message held in memory, armored or binary.
  public static func decrypt(_ ciphertext: [UInt8], identities: [any AgeIdentity], armored: Bool? = nil) throws(AgeError) -> [UInt8] {
    let sink = MemoryWriter()
    do {
      try decrypt(from: MemoryReader(ciphertext), to: sink, identities: identities, armored: armored)
    } catch let error as AgeError {
      throw error
    } catch {
      preconditionFailure("memory streams do not fail: \(error)")
    }
    return sink.bytes
  }

  // MARK: streaming

  /// Encrypts everything `input` yields to `output`. Throws `AgeError` for bad arguments and the
  /// reader's or writer's own errors for I/O.
  public static func encrypt(
    from input: ByteReader, to output: ByteWriter, recipients: [any AgeRecipient], armored: Bool
  ) throws {
    guard !recipients.isEmpty else { throw AgeError(.usage, "no recipients given; pass -r/--recipient or -R/--recipients-file") }
    if recipients.contains(where: { $0 is AgeScryptRecipient }), recipients.count > 1 {
      throw AgeError(.usage, "a passphrase must be the only recipient of a file")
    }
    let fileKey = SecureRandom.bytes(AgeConstants.fileKeySize)
    var stanzas: [AgeStanza] = []
    for recipient in recipients { stanzas += try recipient.wrap(fileKey: fileKey) }
    let header = AgeHeader(stanzas: stanzas, fileKey: fileKey)

    let armor = armored ? AgeArmorWriter(output) : nil
    let sink: ByteWriter = armor ?? output
    try sink.write(header.encoded)
    let nonce = SecureRandom.bytes(16)
    try sink.write(nonce)
    let key = ageHKDF(key: fileKey, salt: nonce, info: Array("payload".utf8))

    var current = [UInt8](repeating: 0, count: chunkSize)
    var next = [UInt8](repeating: 0, count: chunkSize)
    var currentCount = try current.withUnsafeMutableBytes { try input.readFull(into: $0) }
    var counter: UInt64 = 0
    while true {
      var last = true
      var nextCount = 0
      if currentCount == chunkSize {
        nextCount = try next.withUnsafeMutableBytes { try input.readFull(into: $0) }
        last = nextCount == 0
      }
      let box = try ChaChaPoly.seal(
        current[0..<currentCount], using: key, nonce: chunkNonce(counter, last: last))
      // ciphertext ‖ tag is the combined form without its nonce: one write per chunk.
      try box.combined.withUnsafeBytes { try sink.write(UnsafeRawBufferPointer(rebasing: $0[12...])) }
      if last { break }
      counter += 1
      swap(&current, &next)
      currentCount = nextCount
    }
    try armor?.finish()
  }

  /// Decrypts `input` to `output` with the first identity that opens a stanza. `armored: nil`
  /// detects armor from the first bytes. Plaintext is written chunk by chunk as each chunk
  /// authenticates; a later failure (truncation, trailing data) still throws, so callers writing
  /// to a file write to a temporary one and rename it only on success.
  public static func decrypt(
    from input: ByteReader, to output: ByteWriter, identities: [any AgeIdentity], armored: Bool? = nil
  ) throws {
    let raw = BufferedByteReader(input)
    let isArmored = try armored ?? AgeArmor.looksArmored(raw.peek(AgeArmor.maxWhitespace + 64))
    let reader = isArmored ? BufferedByteReader(AgeArmorReader(raw)) : raw

    let header = try AgeHeader.read(from: reader)
    if header.stanzas.contains(where: { $0.type == "scrypt" }), header.stanzas.count != 1 {
      throw AgeError(.header, "a passphrase (scrypt) stanza must be the only stanza")
    }
    guard !identities.isEmpty else { throw AgeError(.usage, "no identities given; pass -i/--identity") }
    var fileKey: [UInt8]?
    for identity in identities {
      if let key = try identity.unwrap(stanzas: header.stanzas) {
        fileKey = key
        break
      }
    }
    guard let fileKey else {
      let types = header.stanzas.map(\.type).joined(separator: ", ")
      throw AgeError(.noMatch, "stanzas: \(types.isEmpty ? "none" : types)")
    }
    guard header.verifyMAC(fileKey: fileKey) else { throw AgeError(.headerMAC, "") }

    let nonce = try reader.read(upTo: 16)
    guard nonce.count == 16 else { throw AgeError(.header, "the payload nonce is missing or short") }
    let key = ageHKDF(key: fileKey, salt: nonce, info: Array("payload".utf8))

    // One buffer holds nonce ‖ ciphertext ‖ tag, the layout of ChaChaPoly.SealedBox's combined
    // form, so each chunk is read in place and opened without a copy.
    var sealed = Data(count: 12 + sealedChunkSize)
    var counter: UInt64 = 0
    while true {
      let count = try sealed.withUnsafeMutableBytes { (raw: UnsafeMutableRawBufferPointer) in
        try reader.readFull(into: UnsafeMutableRawBufferPointer(rebasing: raw[12...]))
      }
      guard count > 0 else { throw AgeError(.payload, "the file is truncated (no final chunk)") }
      guard count >= 16 else { throw AgeError(.payload, "chunk \(counter) is shorter than its tag") }
      var last = count < sealedChunkSize
      if last, counter > 0, count == 16 {
        throw AgeError(.payload, "the final chunk is empty, which only an empty file may have")
      }
      var plaintext = open(&sealed, count: count, key: key, counter: counter, last: last)
      if plaintext == nil, !last {
        // A full chunk may be the final one; only its tag can tell.
        last = true
        plaintext = open(&sealed, count: count, key: key, counter: counter, last: true)
      }
      guard let plaintext else {
        throw AgeError(.payload, "chunk \(counter) does not authenticate: the file was truncated, corrupted or tampered with")
      }
      if last, count == sealedChunkSize, try !reader.read(upTo: 1).isEmpty {
        throw AgeError(.payload, "data after the final chunk")
      }
      try plaintext.withUnsafeBytes { try output.write($0) }
      if last { return }
      counter += 1
    }
  }

  static func chunkNonceBytes(_ counter: UInt64, last: Bool) -> [UInt8] {
    var bytes = [UInt8](repeating: 0, count: 12)
    for index in 0..<8 { bytes[3 + index] = UInt8(truncatingIfNeeded: counter >> (56 - 8 * index)) }
    bytes[11] = last ? 1 : 0
    return bytes
  }

  /// Opens the chunk in `sealed[12..<12+count]`, writing its nonce into `sealed[0..<12]`.
  static func open(_ sealed: inout Data, count: Int, key: SymmetricKey, counter: UInt64, last: Bool) -> Data? {
    let nonce = chunkNonceBytes(counter, last: last)
    sealed.replaceSubrange(0..<12, with: nonce)
    let combined = count == sealedChunkSize ? sealed : sealed.prefix(12 + count)
    guard let box = try? ChaChaPoly.SealedBox(combined: combined) else { return nil }
    return try? ChaChaPoly.open(box, using: key)
  }

  static func chunkNonce(_ counter: UInt64, last: Bool) -> ChaChaPoly.Nonce {
    try! ChaChaPoly.Nonce(data: chunkNonceBytes(counter, last: last))
  }
}
