import Foundation
import TackBase
import Testing

@testable import TackSecrets

/// Keys given in the wrong place, low-order recipients, and headers built to exhaust memory.
@Suite struct AgeHardeningTests {
  // MARK: an identity where a recipient belongs

  @Test func anIdentityGivenAsARecipientIsRefusedWithoutQuotingIt() {
    let secret = AgeX25519Identity.generate().secretKeyString
    let hybrid = AgeHybridIdentity.generate().secretKeyString
    for text in [secret, secret.lowercased(), "  \(secret)\n", hybrid] {
      let parsers: [() throws -> Any] = [{ try AgeKeys.recipient(text) }, { try AgeX25519Recipient(text) }]
      for parse in parsers {
        do {
          _ = try parse()
          Issue.record("an identity must not be accepted as a recipient")
        } catch let error as AgeError {
          #expect(error.description.contains("this is an age identity; pass its recipient (age-keygen -y)"))
          #expect(!error.description.contains(text.trimmingCharacters(in: .whitespacesAndNewlines)))
          #expect(!error.description.uppercased().contains("AGE-SECRET-KEY-"))
        } catch {
          Issue.record("unexpected \(error)")
        }
      }
    }
  }

  @Test func anIdentityInARecipientsFileIsNotQuoted() {
    let secret = AgeX25519Identity.generate().secretKeyString
    do {
      _ = try AgeKeyFile.recipients(in: "# team\n\(secret)\n", source: "recipients.txt")
      Issue.record("an identity in a recipients file must be refused")
    } catch {
      #expect(error.description.contains("line 2"))
      #expect(error.description.contains("age identity"))
      #expect(!error.description.contains(secret))
    }
  }

  /// Text that is not a recipient at all may be anything pasted by mistake: it is not echoed.
  @Test func garbageRecipientsAreNotEchoed() {
    let pasted = "ghp_0123456789abcdefghijklmnopqrstuvwxyzAB"
    do {
      _ = try AgeX25519Recipient(pasted)
      Issue.record("not a recipient")
    } catch {
      #expect(!error.description.contains(pasted))
    }
    // A broken age1… string is public and is quoted, as it helps to see the typo.
    do {
      _ = try AgeX25519Recipient("age1notvalid")
    } catch {
      #expect(error.description.contains("age1notvalid"))
    }
  }

  /// SOPS metadata whose `recipient` field holds a secret key (a hand-edited file) is not echoed.
  @Test func noDataKeyMessageDoesNotEchoANonRecipient() throws {
    let secret = AgeX25519Identity.generate().secretKeyString
    let other = AgeX25519Identity.generate()
    let plain = try SopsFile.parse("password: hunter2\n", format: .yaml)
    let encrypted = try Sops.encrypt(
      plain, options: SopsEncryptionOptions(recipients: [AgeX25519Identity.generate().recipient], cryptRule: nil))
    var text = encrypted.serialized()
    let recipient = try #require(text.firstRange(of: #/age1[0-9a-z]{58}/#))
    text.replaceSubrange(recipient, with: secret)
    do {
      _ = try Sops.decrypt(SopsFile.parse(text, format: .yaml), identities: [other], ignoreMAC: false)
      Issue.record("the wrong identity must not decrypt")
    } catch {
      #expect(!error.description.contains(secret))
    }
  }

  // MARK: low-order recipients

  /// Points of small order on Curve25519 (the identity, order 2, 4 and 8 points, and a non-canonical
  /// encoding): X25519 with any scalar gives all zeros, so a file key wrapped to one is readable by anyone.
  static let lowOrderPoints: [String] = [
    "0000000000000000000000000000000000000000000000000000000000000000",
    "0100000000000000000000000000000000000000000000000000000000000000",
    "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
    "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157",
    "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
  ]

  @Test(arguments: lowOrderPoints) func encryptingToALowOrderRecipientIsRefused(_ hex: String) throws {
    let bytes = try #require(Hex.decode(hex))
    let recipient = try AgeX25519Recipient(publicKey: bytes)
    do {
      _ = try Age.encrypt(Array("secret".utf8), to: [recipient], armored: false)
      Issue.record("a low-order recipient must be refused")
    } catch {
      #expect(error.kind == .invalidRecipient)
      #expect(error.description.contains("low-order"))
    }
  }

  @Test func sopsEncryptToALowOrderRecipientIsRefused() throws {
    let recipient = try AgeX25519Recipient(publicKey: [UInt8](repeating: 0, count: 32))
    let plain = try SopsFile.parse("password: hunter2\n", format: .yaml)
    #expect(throws: (any Error).self) {
      try Sops.encrypt(plain, options: SopsEncryptionOptions(recipients: [recipient], cryptRule: nil))
    }
  }

  // MARK: header limits

  static func header(stanzas: Int, bodyLines: Int) -> [UInt8] {
    var text = "age-encryption.org/v1\n"
    let fullLine = String(repeating: "A", count: 64)
    for _ in 0..<stanzas {
      text += "-> grease x\n"
      text += String(repeating: fullLine + "\n", count: bodyLines)
      text += "\n"
    }
    text += "--- " + String(repeating: "A", count: 43) + "\n"
    return Array(text.utf8)
  }

  @Test func tooManyStanzasAreRefused() {
    let identity = AgeX25519Identity.generate()
    do {
      _ = try Age.decrypt(Self.header(stanzas: 5_000, bodyLines: 0), identities: [identity], armored: false)
      Issue.record("a header with 5000 stanzas must be refused")
    } catch {
      #expect(error.kind == .header)
      #expect(error.description.contains("more than 1024 recipient stanzas"))
    }
  }

  @Test func anOversizedStanzaBodyIsRefused() {
    let identity = AgeX25519Identity.generate()
    do {
      _ = try Age.decrypt(Self.header(stanzas: 1, bodyLines: 400), identities: [identity], armored: false)
      Issue.record("a 19 KB stanza body must be refused")
    } catch {
      #expect(error.kind == .header)
      #expect(error.description.contains("stanza body is larger than 16 KiB"))
    }
  }

  @Test func anOversizedHeaderIsRefused() {
    let identity = AgeX25519Identity.generate()
    do {
      _ = try Age.decrypt(Self.header(stanzas: 100, bodyLines: 300), identities: [identity], armored: false)
      Issue.record("a 2 MB header must be refused")
    } catch {
      #expect(error.kind == .header)
      #expect(error.description.contains("header is larger than 1024 KiB"))
    }
  }

  /// Real headers stay well inside the limits: many recipients still work.
  @Test func fiftyRecipientsStillWork() throws {
    let identities = (0..<50).map { _ in AgeX25519Identity.generate() }
    let sealed = try Age.encrypt(Array("ok".utf8), to: identities.map(\.recipient), armored: true)
    #expect(try Age.decrypt(sealed, identities: [identities[49]]) == Array("ok".utf8))
  }
}
