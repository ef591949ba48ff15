import Crypto
import Foundation
import Testing

@testable import TackSecrets

@Suite struct AgeKeyTests {
  /// The sample key from ../shared/testdata/secrets/sops/age-key.txt (made by age-keygen).
  static let sampleRecipient = "age13hjhj0e8prarahxxtt6dc4l5h9u7lfajag60zfkdeefvxd7anupq7uacy4"

  @Test func parsesAnAgeKeygenFileAndDerivesItsRecipient() throws {
    let text = try TestEnvironment.read(TestEnvironment.sopsSamples.appendingPathComponent("age-key.txt"))
    let identities = try AgeKeyFile.identities(in: text, source: "age-key.txt")
    #expect(identities.count == 1)
    #expect(identities[0].recipientString == Self.sampleRecipient)
    // The secret round-trips through Bech32 exactly as written (uppercase, checksum intact).
    let secretLine = text.split(separator: "\n").first { $0.hasPrefix("AGE-SECRET-KEY-1") }!
    #expect(identities[0].secretKeyString == String(secretLine))
    #expect(!identities[0].description.contains("AGE-SECRET-KEY"))
  }

  @Test func rejectsMalformedKeysWithoutEchoingThem() {
    let secret = AgeX25519Identity.generate().secretKeyString
    var broken = Array(secret)
    broken[20] = broken[20] == "Q" ? "P" : "Q"
    #expect(throws: AgeError.self) { try AgeX25519Identity(String(broken)) }
    do {
      _ = try AgeKeyFile.identities(in: "# key\n\(String(broken))\n", source: "keys.txt")
      Issue.record("a bad checksum must be refused")
    } catch {
      #expect(error.description.contains("keys.txt"))
      #expect(error.description.contains("line 2"))
      #expect(!error.description.contains(String(broken)))
    }
    #expect(throws: AgeError.self) { try AgeX25519Recipient("age1notvalid") }
    #expect(throws: AgeError.self) { try AgeX25519Recipient(Self.sampleRecipient.uppercased() + "X") }
    // A recipient in an identity file gets a hint rather than a bare failure.
    #expect(throws: AgeError.self) { try AgeKeyFile.identities(in: Self.sampleRecipient, source: "k") }
  }

  @Test func bech32RoundTripsAndRejectsMixedCase() {
    let data = (0..<32).map { UInt8($0 * 7 & 0xFF) }
    let text = Bech32.encode(hrp: "age", data: data)
    #expect(Bech32.decode(text)?.data == data)
    #expect(Bech32.decode(text.uppercased())?.data == data)
    var mixed = Array(text)
    let letter = mixed.indices.dropFirst(4).first { mixed[$0].isLetter }!
    mixed[letter] = Character(mixed[letter].uppercased())
    #expect(Bech32.decode(String(mixed)) == nil)
    var corrupted = Array(text)
    corrupted[10] = corrupted[10] == "q" ? "p" : "q"
    #expect(Bech32.decode(String(corrupted)) == nil)
  }

  @Test func keygenFileHasAgeKeygensLayout() {
    let identity = AgeX25519Identity.generate()
    let file = AgeKeyFile.keygenFile(for: identity, created: Date(timeIntervalSince1970: 1_800_000_000))
    let lines = file.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 4)
    #expect(lines[0].hasPrefix("# created: 2027-01-15T"))
    #expect(lines[1] == "# public key: \(identity.recipient)")
    #expect(lines[2] == identity.secretKeyString)
    #expect(lines[3] == "")
  }
}

@Suite struct AgeRoundTripTests {
  static let sizes = [0, 1, 15, 16, 65_535, 65_536, 65_537, 2 * 65_536, 200_000, 8 * 65_536, 9 * 65_536, 9 * 65_536 + 1, 17 * 65_536 + 5]

  @Test(arguments: sizes)
  func encryptsAndDecryptsAnySize(_ size: Int) throws {
    let plaintext = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
    let alice = AgeX25519Identity.generate(), bob = AgeX25519Identity.generate()
    for armored in [false, true] {
      let ciphertext = try Age.encrypt(plaintext, to: [alice.recipient, bob.recipient], armored: armored)
      #expect(try Age.decrypt(ciphertext, identities: [bob]) == plaintext)
      #expect(try Age.decrypt(ciphertext, identities: [alice], armored: armored) == plaintext)
      #expect(throws: AgeError.self) { try Age.decrypt(ciphertext, identities: [AgeX25519Identity.generate()]) }
    }
  }

  @Test func binaryLayoutMatchesTheSpec() throws {
    let identity = AgeX25519Identity.generate()
    let ciphertext = try Age.encrypt(Array(repeating: 0x61, count: 32), to: [identity.recipient], armored: false)
    // One X25519 stanza: header 168 bytes + nonce 16 + one final chunk 32+16 (sops' data key case).
    #expect(ciphertext.count == 232)
    let text = String(decoding: ciphertext.prefix(168), as: UTF8.self)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines[0] == "age-encryption.org/v1")
    #expect(lines[1].hasPrefix("-> X25519 ") && lines[1].count == 53)
    #expect(lines[2].count == 43)
    #expect(lines[3].hasPrefix("--- ") && lines[3].count == 47)
  }

  @Test func armorIsStrictPEM() throws {
    let identity = AgeX25519Identity.generate()
    let armored = String(decoding: try Age.encrypt(Array(repeating: 1, count: 100), to: [identity.recipient], armored: true), as: UTF8.self)
    let lines = armored.split(separator: "\n")
    #expect(lines.first == "-----BEGIN AGE ENCRYPTED FILE-----")
    #expect(lines.last == "-----END AGE ENCRYPTED FILE-----")
    #expect(armored.hasSuffix("-----\n"))
    #expect(lines.dropFirst().dropLast().dropLast().allSatisfy { $0.count == 64 })
    #expect((lines.dropLast().last?.count ?? 0) <= 64)
  }

  /// Post-quantum keys (age1pq1…, AGE-SECRET-KEY-PQ-1…): the testkit vectors pin down
  /// decryption; this checks tack's own encryption opens, alone and next to X25519 stanzas.
  @Test func postQuantumRoundTrip() throws {
    let pq = AgeHybridIdentity.generate()
    let classic = AgeX25519Identity.generate()
    let ciphertext = try Age.encrypt(Array("post-quantum".utf8), to: [pq.recipient, classic.recipient], armored: true)
    #expect(try Age.decrypt(ciphertext, identities: [pq]) == Array("post-quantum".utf8))
    #expect(try Age.decrypt(ciphertext, identities: [classic]) == Array("post-quantum".utf8))
    #expect(throws: AgeError.self) { try Age.decrypt(ciphertext, identities: [AgeHybridIdentity.generate()]) }
    let reparsed = try AgeKeys.identity(pq.secretKeyString)
    #expect(reparsed.recipientString == pq.recipientString)
    #expect(pq.recipientString.hasPrefix("age1pq1"))
    #expect(try AgeKeys.recipient(pq.recipientString) is AgeHybridRecipient)
    let file = AgeKeyFile.keygenFile(for: pq)
    #expect(try AgeKeyFile.identities(in: file, source: "pq.txt").map(\.recipientString) == [pq.recipientString])
  }

  @Test func passphraseRoundTrip() throws {
    let ciphertext = try Age.encrypt(Array("hello".utf8), to: [AgeScryptRecipient(passphrase: "pw", workFactor: 10)], armored: false)
    #expect(try Age.decrypt(ciphertext, identities: [AgeScryptIdentity(passphrase: "pw")]) == Array("hello".utf8))
    #expect(throws: AgeError.self) { try Age.decrypt(ciphertext, identities: [AgeScryptIdentity(passphrase: "no")]) }
    #expect(throws: AgeError.self) {
      try Age.encrypt([1], to: [AgeScryptRecipient(passphrase: "pw"), AgeX25519Identity.generate().recipient], armored: false)
    }
  }

  /// A STREAM payload built by hand: chunk `i` sealed under counter `i`, the one at `finalIndex`
  /// (default: the last) flagged final.
  static func stream(_ chunks: [[UInt8]], key: SymmetricKey, finalIndex: Int? = nil) throws -> [UInt8] {
    var bytes: [UInt8] = []
    for (index, chunk) in chunks.enumerated() {
      let nonce = Age.chunkNonce(UInt64(index), last: index == (finalIndex ?? chunks.count - 1))
      let box = try ChaChaPoly.seal(chunk, using: key, nonce: nonce)
      bytes += box.ciphertext + box.tag
    }
    return bytes
  }

  static func fullChunks(_ count: Int) -> [[UInt8]] {
    (0..<count).map { index in (0..<Age.chunkSize).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ index &* 13) } }
  }

  /// Decryption opens `Age.openBatch` chunks at a time with one read ahead: streams ending at
  /// the batch edges open whole.
  @Test(arguments: [8, 9, 16, 17])
  func opensStreamsEndingAtTheBatchEdges(_ fullCount: Int) throws {
    let key = SymmetricKey(size: .bits256)
    for tail in [nil, [UInt8](), [0x42]] as [[UInt8]?] {
      // `[]` after full chunks is an empty final chunk, which only an empty file may have.
      var chunks = Self.fullChunks(fullCount)
      if let tail { chunks.append(tail) }
      let sink = MemoryWriter()
      if tail == [] {
        #expect(throws: AgeError.self) { try Age.openPayload(from: MemoryReader(Self.stream(chunks, key: key)), to: sink, key: key) }
        #expect(sink.bytes == Array(Self.fullChunks(fullCount).joined()))
      } else {
        try Age.openPayload(from: MemoryReader(Self.stream(chunks, key: key)), to: sink, key: key)
        #expect(sink.bytes == Array(chunks.joined()))
      }
    }
  }

  /// A damaged stream fails with a payload error, and the output holds exactly the chunks before
  /// the damaged one: none of the chunks opened after it in the same batch is written.
  @Test func damageInsideABatchWritesNothingAfterIt() throws {
    let key = SymmetricKey(size: .bits256)
    let chunks = Self.fullChunks(20) + [[1, 2, 3]]
    let good = try Self.stream(chunks, key: key)
    let sealedSize = Age.sealedChunkSize
    func flipped(_ chunk: Int) -> [UInt8] {
      var bytes = good
      bytes[chunk * sealedSize + 100] ^= 1
      return bytes
    }
    func swapped(_ a: Int, _ b: Int) -> [UInt8] {
      var bytes = good
      let first = Array(bytes[(a * sealedSize)..<((a + 1) * sealedSize)])
      bytes.replaceSubrange((a * sealedSize)..<((a + 1) * sealedSize), with: bytes[(b * sealedSize)..<((b + 1) * sealedSize)])
      bytes.replaceSubrange((b * sealedSize)..<((b + 1) * sealedSize), with: first)
      return bytes
    }
    let cases: [(name: String, bytes: [UInt8], written: Int, says: String)] = [
      ("corrupt chunk 3 (mid first batch)", flipped(3), 3, "chunk 3 does not authenticate"),
      ("corrupt chunk 7 (end of a batch)", flipped(7), 7, "chunk 7 does not authenticate"),
      ("corrupt chunk 8 (the look-ahead)", flipped(8), 8, "chunk 8 does not authenticate"),
      ("corrupt chunk 12 (mid second batch)", flipped(12), 12, "chunk 12 does not authenticate"),
      ("chunks 4 and 5 swapped", swapped(4, 5), 4, "chunk 4 does not authenticate"),
      ("final flag on chunk 5 with more after it", try Self.stream(chunks, key: key, finalIndex: 5), 5, "data after the final chunk"),
      ("final flag on chunk 7, one byte after it", try Self.stream(Self.fullChunks(8), key: key) + [0], 7, "data after the final chunk"),
      ("cut after 8 full chunks", try Self.stream(chunks, key: key, finalIndex: -1).prefix(8 * sealedSize).map { $0 }, 8, "truncated"),
      ("cut after 9 full chunks", try Self.stream(chunks, key: key, finalIndex: -1).prefix(9 * sealedSize).map { $0 }, 9, "truncated"),
      ("8 full chunks, then 10 bytes", Array(good.prefix(8 * sealedSize + 10)), 8, "shorter than its tag"),
      ("a byte added to the short final chunk", good + [0], 20, "chunk 20 does not authenticate"),
    ]
    let plaintext = Array(chunks.joined())
    for (name, bytes, written, says) in cases {
      let sink = MemoryWriter()
      do {
        try Age.openPayload(from: MemoryReader(bytes), to: sink, key: key)
        Issue.record("\(name): decrypted")
      } catch let error as AgeError {
        #expect(error.kind == .payload, "\(name)")
        #expect(error.description.contains(says), "\(name): \(error)")
      }
      #expect(sink.bytes == Array(plaintext.prefix(written * Age.chunkSize)), "\(name): \(sink.bytes.count) bytes written")
    }
  }

  @Test func detectsTruncationAndTrailingData() throws {
    let identity = AgeX25519Identity.generate()
    let ciphertext = try Age.encrypt((0..<100_000).map { UInt8($0 & 0xFF) }, to: [identity.recipient], armored: false)
    for damaged in [Array(ciphertext.dropLast(1)), ciphertext + [0], Array(ciphertext.prefix(ciphertext.count - 34_000))] {
      do {
        _ = try Age.decrypt(damaged, identities: [identity])
        Issue.record("damaged ciphertext decrypted")
      } catch {
        #expect(error.kind == .payload)
      }
    }
  }
}
