import Crypto
import Foundation
import TackBase
import TackTestSupport
import Testing

@testable import TackSecrets

/// One C2SP/CCTV age test vector: `key: value` lines, a blank line, then the age file.
struct AgeTestVector: CustomStringConvertible, Sendable {
  var name: String
  var expect: String
  var payloadHash: String?
  var identities: [String] = []
  var passphrases: [String] = []
  var armored = false
  var body: [UInt8]

  var description: String { name }

  init(name: String, contents: [UInt8]) throws {
    self.name = name
    guard let split = contents.indices.dropLast().first(where: { contents[$0] == 0x0A && contents[$0 + 1] == 0x0A }) else {
      throw Inflate.Failure()
    }
    var expect = ""
    var compressed = false
    for line in String(decoding: contents[..<split], as: UTF8.self).split(separator: "\n") {
      guard let colon = line.firstIndex(of: ":") else { continue }
      let key = String(line[..<colon])
      let value = String(line[line.index(colon, offsetBy: 2)...])
      switch key {
      case "expect": expect = value
      case "payload": payloadHash = value
      case "identity": identities.append(value)
      case "passphrase": passphrases.append(value)
      case "armored": armored = value == "yes"
      case "compressed": compressed = value == "zlib"
      default: break
      }
    }
    self.expect = expect
    let raw = Array(contents[(split + 2)...])
    body = compressed ? try Inflate.zlib(raw) : raw
  }

  /// Loaded once per test process: inflating the large stream vectors is slow in debug builds.
  static func all() -> [AgeTestVector] { loadedAgeTestVectors }

  static func load() -> [AgeTestVector] {
    let directory = TestEnvironment.ageTestkit
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.sorted().compactMap { name in
      guard let bytes = try? TestEnvironment.bytes(directory.appendingPathComponent(name)) else { return nil }
      return try? AgeTestVector(name: name, contents: bytes)
    }
  }
}

let loadedAgeTestVectors = AgeTestVector.load()

/// The failure class names the vectors use.
func outcomeName(_ kind: AgeError.Kind) -> String {
  switch kind {
  case .armor: "armor failure"
  case .header: "header failure"
  case .noMatch: "no match"
  case .headerMAC: "HMAC failure"
  case .payload: "payload failure"
  case .invalidIdentity, .invalidRecipient, .usage: "unsupported (\(kind.rawValue))"
  }
}

@Suite struct AgeTestkitTests {
  static let vectors = AgeTestVector.all()

  @Test func allVectorsAreLoaded() {
    #expect(Self.vectors.count == 143)
  }

  /// Decrypts a vector with the identities (X25519 and post-quantum) and passphrases it names.
  static func outcome(of vector: AgeTestVector) -> (outcome: String, payload: [UInt8]?) {
    var identities: [any AgeIdentity] = vector.identities.compactMap { try? AgeKeys.identity($0) }
    identities += vector.passphrases.map { AgeScryptIdentity(passphrase: $0) }
    let sink = MemoryWriter()
    do {
      try Age.decrypt(from: MemoryReader(vector.body), to: sink, identities: identities, armored: vector.armored)
      return ("success", sink.bytes)
    } catch let error as AgeError {
      return (outcomeName(error.kind), nil)
    } catch {
      return ("unexpected \(error)", nil)
    }
  }

  @Test(arguments: vectors)
  func vectorGivesTheExpectedOutcome(_ vector: AgeTestVector) throws {
    let (outcome, payload) = Self.outcome(of: vector)
    #expect(outcome == vector.expect, "\(vector.name)")
    if vector.expect == "success", let payload, let hash = vector.payloadHash {
      #expect(Hex.encode(SHA256.hash(data: payload)) == hash, "\(vector.name): payload hash")
    }
  }

  /// The post-quantum (mlkem768x25519) vectors are in the set above; tack implements the hybrid
  /// stanza with swift-crypto's X-Wing HPKE. This checks they really were decrypted, not skipped.
  @Test func postQuantumVectorsAreCovered() {
    let hybrid = Self.vectors.filter { $0.name.hasPrefix("hybrid") || $0.name == "armor_hybrid" }
    #expect(hybrid.count == 19)
    #expect(hybrid.filter { Self.outcome(of: $0).outcome == "success" }.count == hybrid.filter { $0.expect == "success" }.count)
  }
}
