import Crypto
import Dispatch

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

    try sealPayload(from: input, to: sink, key: key)
    try armor?.finish()
  }

  /// Chunks sealed together, in parallel: each chunk's nonce depends only on its index and on
  /// whether it is the final one, so a batch can be sealed on every core and written in order.
  /// Memory stays flat: (batch + 1) × 64 KiB of plaintext plus the sealed copies.
  static let sealBatch = 8

  /// The STREAM payload: every chunk full except the final one, which is short (empty only for
  /// an empty file). A full chunk is final only when the input ends right after it, so one chunk
  /// is read ahead of the batch and carried over to the next.
  static func sealPayload(from input: ByteReader, to sink: ByteWriter, key: SymmetricKey) throws {
    let slots = sealBatch + 1
    var buffer = [UInt8](repeating: 0, count: slots * chunkSize)
    var counts = [Int](repeating: 0, count: slots)
    var sealed = [Data?](repeating: nil, count: slots)
    var counter: UInt64 = 0
    var filled = 0  // slots holding plaintext (1 when a look-ahead chunk was carried over)
    while true {
      while filled == 0 || (filled < slots && counts[filled - 1] == chunkSize) {
        let offset = filled * chunkSize
        counts[filled] = try buffer.withUnsafeMutableBytes { raw in
          try input.readFull(into: UnsafeMutableRawBufferPointer(rebasing: raw[offset..<(offset + chunkSize)]))
        }
        filled += 1
      }
      let ended = counts[filled - 1] < chunkSize
      // An empty read after a full chunk ends the input: the full chunk before it is the final one.
      let sealCount = ended ? (counts[filled - 1] == 0 && filled > 1 ? filled - 1 : filled) : sealBatch
      let lastIndex = ended ? sealCount - 1 : -1
      let first = counter
      buffer.withUnsafeBytes { plaintext in
        counts.withUnsafeBufferPointer { counts in
          sealed.withUnsafeMutableBufferPointer { out in
            let job = SealJob(plaintext: plaintext, counts: counts, output: out, key: key, first: first, lastIndex: lastIndex)
            if sealCount == 1 {
              job.seal(0)
            } else {
              DispatchQueue.concurrentPerform(iterations: sealCount) { job.seal($0) }
            }
          }
        }
      }
      for index in 0..<sealCount {
        guard let combined = sealed[index] else { throw AgeError(.payload, "sealing chunk \(first + UInt64(index)) failed") }
        // ciphertext ‖ tag is the combined form without its nonce: one write per chunk.
        try combined.withUnsafeBytes { try sink.write(UnsafeRawBufferPointer(rebasing: $0[12...])) }
        sealed[index] = nil
      }
      if ended { return }
      counter += UInt64(sealCount)
      // Carry the look-ahead chunk (all full so far) to the front.
      buffer.withUnsafeMutableBytes { raw in
        let base = raw.baseAddress!
        base.copyMemory(from: base + sealBatch * chunkSize, byteCount: chunkSize)
      }
      counts[0] = counts[sealBatch]
      filled = 1
    }
  }

  /// One batch of `sealPayload`, shared by `concurrentPerform`'s workers: each index reads its own
  /// plaintext slot and writes its own output slot, and the buffers outlive the call.
  struct SealJob: @unchecked Sendable {
    let plaintext: UnsafeRawBufferPointer
    let counts: UnsafeBufferPointer<Int>
    let output: UnsafeMutableBufferPointer<Data?>
    let key: SymmetricKey
    let first: UInt64
    let lastIndex: Int

    func seal(_ index: Int) {
      let start = index * Age.chunkSize
      let chunk = UnsafeRawBufferPointer(rebasing: plaintext[start..<(start + counts[index])])
      let nonce = Age.chunkNonce(first + UInt64(index), last: index == lastIndex)
      output[index] = (try? ChaChaPoly.seal(chunk, using: key, nonce: nonce))?.combined
    }
  }

  /// Decrypts `input` to `output` with the first identity that opens a stanza. `armored: nil`
  /// detects armor from the first bytes. Plaintext is written in order as each batch of chunks
  /// authenticates, never past a chunk that fails; a later failure (truncation, trailing data) still throws, so callers writing
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
      // The types come from the file: a long hostile list is summarised, not repeated.
      let shown = header.stanzas.prefix(8).map { $0.type.count > 32 ? String($0.type.prefix(32)) + "…" : $0.type }
      let more = header.stanzas.count > shown.count ? ", and \(header.stanzas.count - shown.count) more" : ""
      let types = shown.joined(separator: ", ") + more
      throw AgeError(.noMatch, "stanzas: \(types.isEmpty ? "none" : types)")
    }
    guard header.verifyMAC(fileKey: fileKey) else { throw AgeError(.headerMAC, "") }

    let nonce = try reader.read(upTo: 16)
    guard nonce.count == 16 else { throw AgeError(.header, "the payload nonce is missing or short") }
    let key = ageHKDF(key: fileKey, salt: nonce, info: Array("payload".utf8))

    try openPayload(from: reader, to: output, key: key)
  }

  /// Chunks opened together, in parallel, as `sealBatch` chunks are sealed: a chunk's nonce is
  /// known once the input after it is (more data: not final; the end: final), so one chunk is
  /// read ahead of the batch. Memory stays flat: (batch + 1) sealed chunks plus the plaintexts.
  static let openBatch = 8

  /// The STREAM payload, with the checks of a chunk-by-chunk reader: a truncated stream, a short
  /// chunk, an empty final chunk after others and data after the final chunk are all rejected.
  /// Plaintext is written strictly in order and nothing after the first chunk that fails.
  static func openPayload(from reader: ByteReader, to output: ByteWriter, key: SymmetricKey) throws {
    let slots = openBatch + 1
    // Each slot holds nonce ‖ ciphertext ‖ tag, the layout of ChaChaPoly.SealedBox's combined
    // form, so each chunk is read in place with no copy of ours (SealedBox(combined:) still makes
    // one: swift-crypto has no public in-place open).
    var sealed = (0..<slots).map { _ in Data(count: 12 + sealedChunkSize) }
    var counts = [Int](repeating: 0, count: slots)
    var opened = [Data?](repeating: nil, count: slots)
    var counter: UInt64 = 0
    var filled = 0  // slots read (1 when a look-ahead chunk was carried over)
    while true {
      var ended = false
      while filled < slots {
        let count = try sealed[filled].withUnsafeMutableBytes { (raw: UnsafeMutableRawBufferPointer) in
          try reader.readFull(into: UnsafeMutableRawBufferPointer(rebasing: raw[12...]))
        }
        counts[filled] = count
        filled += 1
        if count < sealedChunkSize {
          ended = true
          break
        }
      }
      // The input ended inside this batch: its final chunk is the last non-empty slot. Otherwise
      // the first `openBatch` chunks all have data after them and the look-ahead is carried over.
      let chunkCount = ended ? (counts[filled - 1] == 0 ? filled - 1 : filled) : openBatch
      let finalIndex = ended ? chunkCount - 1 : -1
      var openCount = chunkCount
      var structural: AgeError?
      if ended {
        if chunkCount == 0 {
          structural = AgeError(.payload, "the file is truncated (no final chunk)")
        } else if counts[finalIndex] < 16 {
          structural = AgeError(.payload, "chunk \(counter + UInt64(finalIndex)) is shorter than its tag")
          openCount = finalIndex
        } else if counts[finalIndex] == 16, counter + UInt64(finalIndex) > 0 {
          structural = AgeError(.payload, "the final chunk is empty, which only an empty file may have")
          openCount = finalIndex
        }
      }
      for index in 0..<openCount {
        sealed[index].replaceSubrange(0..<12, with: chunkNonceBytes(counter + UInt64(index), last: index == finalIndex))
      }
      sealed.withUnsafeBufferPointer { sealed in
        counts.withUnsafeBufferPointer { counts in
          opened.withUnsafeMutableBufferPointer { out in
            let job = OpenJob(sealed: sealed, counts: counts, output: out, key: key)
            if openCount == 1 {
              job.open(0)
            } else if openCount > 1 {
              DispatchQueue.concurrentPerform(iterations: openCount) { job.open($0) }
            }
          }
        }
      }
      for index in 0..<openCount {
        if let plaintext = opened[index] {
          try plaintext.withUnsafeBytes { try output.write($0) }
          opened[index] = nil
          continue
        }
        for rest in index..<openCount { opened[rest] = nil }
        let chunk = counter + UInt64(index)
        let rejected = AgeError(.payload, "chunk \(chunk) does not authenticate: the file was truncated, corrupted or tampered with")
        let count = counts[index]
        if index == finalIndex {
          // A full final chunk that opens as a middle chunk: the stream was cut after it.
          guard count == sealedChunkSize, let plaintext = open(&sealed[index], count: count, key: key, counter: chunk, last: false) else {
            throw rejected
          }
          try plaintext.withUnsafeBytes { try output.write($0) }
          throw AgeError(.payload, "the file is truncated (no final chunk)")
        }
        // A full chunk with data after it that opens as the final one.
        if open(&sealed[index], count: count, key: key, counter: chunk, last: true) != nil {
          throw AgeError(.payload, "data after the final chunk")
        }
        throw rejected
      }
      if let structural { throw structural }
      if ended { return }
      counter += UInt64(openBatch)
      sealed.swapAt(0, openBatch)
      counts[0] = counts[openBatch]
      filled = 1
    }
  }

  /// One batch of `openPayload`, shared by `concurrentPerform`'s workers: each index reads its
  /// own sealed slot (nonce already in place) and writes its own output slot.
  struct OpenJob: @unchecked Sendable {
    let sealed: UnsafeBufferPointer<Data>
    let counts: UnsafeBufferPointer<Int>
    let output: UnsafeMutableBufferPointer<Data?>
    let key: SymmetricKey

    func open(_ index: Int) {
      output[index] = Age.openPrepared(sealed[index], count: counts[index], key: key)
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
    sealed.replaceSubrange(0..<12, with: chunkNonceBytes(counter, last: last))
    return openPrepared(sealed, count: count, key: key)
  }

  /// Opens the chunk in `sealed[12..<12+count]` under the nonce already in `sealed[0..<12]`.
  static func openPrepared(_ sealed: Data, count: Int, key: SymmetricKey) -> Data? {
    let combined = count == sealedChunkSize ? sealed : sealed.prefix(12 + count)
    guard let box = try? ChaChaPoly.SealedBox(combined: combined) else { return nil }
    return try? ChaChaPoly.open(box, using: key)
  }

  static func chunkNonce(_ counter: UInt64, last: Bool) -> ChaChaPoly.Nonce {
    try! ChaChaPoly.Nonce(data: chunkNonceBytes(counter, last: last))
  }
}
