import Foundation
import TackJSON

@testable import TackSecrets

enum SopsSamples {
  static func text(_ name: String) throws -> String {
    try TestEnvironment.read(TestEnvironment.sopsSamples.appendingPathComponent(name))
  }

  static func identities() throws -> [any AgeKeyIdentity] {
    try AgeKeyFile.identities(in: text("age-key.txt"), source: "age-key.txt")
  }

  static func dataKey(_ name: String) throws -> [UInt8] {
    Hex.decode(try text(name).trimmingCharacters(in: .whitespacesAndNewlines))!
  }

  static let recipient = try! AgeX25519Recipient(AgeKeyTests.sampleRecipient)
}

/// A SOPS tree as plain JSON values, to compare content regardless of YAML styles.
func plainJSON(_ node: SopsNode) -> JSON {
  switch node.kind {
  case .mapping(let members):
    var object = JSONObject()
    for member in members { object.appendUnchecked(member.key, plainJSON(member.value)) }
    return .object(object)
  case .sequence(let items): return .array(items.map(plainJSON))
  case .scalar(let value):
    switch value {
    case .null: return .null
    case .bool(let b): return .bool(b)
    case .int(let i): return .number(String(i))
    case .float(let d): return .number(SopsValue.goFixed(d))
    case .string(let s): return .string(s)
    case .time(let t): return .string("time:" + t)
    }
  }
}

func plainJSON(_ file: SopsFile) -> [JSON] { file.documents.map(plainJSON) }
