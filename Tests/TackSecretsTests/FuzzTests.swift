import Foundation
import Testing

@testable import TackSecrets

/// Property-based fuzzing of the parsers that read untrusted input: the age header and armor
/// readers (through `Age.decrypt`) and the SOPS reader (YAML/JSON, metadata, values, MAC).
/// Seeds are valid files; each iteration applies a few random mutations and checks that the
/// reader returns or throws its own typed error, never crashes, never throws anything else, and
/// finishes quickly. Deterministic (seeded); `TACK_FUZZ_ITERATIONS` scales the run (see
/// FUZZING.md for the recorded long runs).
@Suite struct FuzzTests {
  static let iterations = Int(ProcessInfo.processInfo.environment["TACK_FUZZ_ITERATIONS"] ?? "") ?? 4000

  /// SplitMix64: small, seeded, good enough to drive mutations.
  struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  static let interesting: [[UInt8]] = [
    [0x0A], [0x0D, 0x0A], [0x20], [0x3D], [0x2D, 0x2D, 0x2D], [0x2D, 0x3E, 0x20], [0x00], [0xFF],
    Array("-----END AGE ENCRYPTED FILE-----\n".utf8), Array("scrypt".utf8), Array("X25519".utf8),
    Array("ENC[AES256_GCM,data:".utf8), Array(",type:int]".utf8), Array("sops:".utf8), Array(": ".utf8),
    Array("\n---\n".utf8), Array("*a".utf8), Array("&a ".utf8), Array("[".utf8), Array("{".utf8), Array("'".utf8),
  ]

  static func mutate(_ input: [UInt8], _ rng: inout SeededGenerator) -> [UInt8] {
    var bytes = input
    for _ in 0..<Int.random(in: 1...4, using: &rng) {
      let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &rng)
      switch Int.random(in: 0..<8, using: &rng) {
      case 0 where !bytes.isEmpty: bytes[position] ^= UInt8(1) << UInt8.random(in: 0...7, using: &rng)
      case 1 where !bytes.isEmpty: bytes[position] = UInt8.random(in: 0...255, using: &rng)
      case 2 where !bytes.isEmpty: bytes.remove(at: position)
      case 3: bytes.insert(contentsOf: interesting.randomElement(using: &rng)!, at: position)
      case 4: bytes = Array(bytes.prefix(position))
      case 5 where !bytes.isEmpty:
        let end = min(bytes.count, position + Int.random(in: 1...64, using: &rng))
        bytes.insert(contentsOf: bytes[position..<end], at: Int.random(in: 0...bytes.count, using: &rng))
      case 6 where !bytes.isEmpty:
        let end = min(bytes.count, position + Int.random(in: 1...256, using: &rng))
        bytes.removeSubrange(position..<end)
      default:
        bytes.insert(UInt8.random(in: 0...255, using: &rng), at: position)
      }
    }
    return bytes
  }

  // MARK: age

  static let ageIdentity = AgeX25519Identity.generate()

  static func ageSeeds() throws -> [[UInt8]] {
    let other = AgeX25519Identity.generate()
    var seeds: [[UInt8]] = []
    for size in [0, 1, 100, 66_000] {
      let plaintext = [UInt8](repeating: 0x42, count: size)
      seeds.append(try Age.encrypt(plaintext, to: [ageIdentity.recipient], armored: false))
      seeds.append(try Age.encrypt(plaintext, to: [other.recipient, ageIdentity.recipient], armored: true))
    }
    seeds.append(try Age.encrypt([1, 2, 3], to: [AgeScryptRecipient(passphrase: "p", workFactor: 4)], armored: true))
    for vector in AgeTestVector.all().prefix(60) { seeds.append(vector.body) }
    return seeds
  }

  @Test func ageReaderOnlyThrowsTypedErrors() throws {
    let seeds = try Self.ageSeeds()
    // A low work-factor cap keeps a mutated scrypt stanza from asking for gigabytes.
    let identities: [any AgeIdentity] = [Self.ageIdentity, AgeScryptIdentity(passphrase: "p", maxWorkFactor: 12)]
    // Mutations only reach the payload if the seeds themselves get that far: every tack-made seed
    // (the first nine) decrypts as it is.
    for seed in seeds.prefix(9) { #expect(throws: Never.self) { try Age.decrypt(seed, identities: identities) } }
    var rng = SeededGenerator(state: 0x7461636B)
    var outcomes: [String: Int] = [:]
    let started = Date()
    for iteration in 0..<Self.iterations {
      let input = Self.mutate(seeds[iteration % seeds.count], &rng)
      let clock = Date()
      do {
        _ = try Age.decrypt(input, identities: identities)
        outcomes["success", default: 0] += 1
      } catch {
        outcomes[error.kind.rawValue, default: 0] += 1
      }
      #expect(Date().timeIntervalSince(clock) < 5, "iteration \(iteration) took too long")
    }
    // Past the header: some mutations must fail in the STREAM payload, after the MAC checked out.
    #expect(outcomes["payload", default: 0] > 0, "no mutation reached the payload: \(outcomes)")
    #expect(outcomes.keys.count >= 4, "mutations should reach several failure classes: \(outcomes)")
    print("age fuzz: \(Self.iterations) executions in \(Int(Date().timeIntervalSince(started)))s: \(outcomes.sorted { $0.key < $1.key })")
  }

  // MARK: SOPS

  @Test func sopsReaderOnlyThrowsTypedErrors() throws {
    let identities = try SopsSamples.identities()
    let names: [(String, SopsFormat)] = [
      ("secret.enc.yaml", .yaml), ("mixed.enc.yaml", .yaml), ("multi.enc.yaml", .yaml), ("values.enc.json", .json),
    ]
    let seeds: [(String, SopsFormat)] = try names.map { (try SopsSamples.text($0.0), $0.1) }
    for (seed, format) in seeds {
      #expect(throws: Never.self) { try Sops.decrypt(try SopsFile.parse(seed, format: format), identities: identities) }
    }
    var rng = SeededGenerator(state: 0x736F7073)
    var outcomes: [String: Int] = [:]
    let count = max(1, Self.iterations / 4)
    let started = Date()
    for iteration in 0..<count {
      let (seed, format) = seeds[iteration % seeds.count]
      let input = String(decoding: Self.mutate(Array(seed.utf8), &rng), as: UTF8.self)
      let clock = Date()
      do {
        let file = try SopsFile.parse(input, format: format)
        _ = try Sops.decrypt(file, identities: identities)
        outcomes["success", default: 0] += 1
      } catch {
        outcomes[error.kind.rawValue, default: 0] += 1
      }
      #expect(Date().timeIntervalSince(clock) < 5, "iteration \(iteration) took too long")
    }
    // Past parsing and the data key: some mutations must be caught by the MAC, some must still decrypt.
    #expect(outcomes["macMismatch", default: 0] > 0, "no mutation reached the MAC check: \(outcomes)")
    #expect(outcomes["success", default: 0] > 0, "\(outcomes)")
    #expect(outcomes.keys.count >= 3, "\(outcomes)")
    print("sops fuzz: \(count) executions in \(Int(Date().timeIntervalSince(started)))s: \(outcomes.sorted { $0.key < $1.key })")
  }

  @Test func armorReaderOnlyThrowsTypedErrors() throws {
    let seed = try Age.encrypt([UInt8](repeating: 7, count: 300), to: [Self.ageIdentity.recipient], armored: true)
    var rng = SeededGenerator(state: 0x61726D6F72)
    var outcomes: [String: Int] = [:]
    for _ in 0..<Self.iterations {
      let input = Self.mutate(seed, &rng)
      do {
        _ = try Age.decrypt(input, identities: [Self.ageIdentity], armored: true)
        outcomes["success", default: 0] += 1
      } catch {
        outcomes[error.kind.rawValue, default: 0] += 1
      }
    }
    #expect(outcomes["armor", default: 0] > 0)
    print("armor fuzz: \(Self.iterations) executions: \(outcomes.sorted { $0.key < $1.key })")
  }
}
