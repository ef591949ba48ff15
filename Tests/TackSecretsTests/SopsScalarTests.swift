import Testing

@testable import TackSecrets

/// Typing must follow Go's yaml.v3 exactly: the type decides `type:` in ENC values, and the text
/// form decides the MAC. Expected values were taken from sops 3.11.0 runs.
@Suite struct SopsScalarTests {
  static let plain: [(String, SopsValue)] = [
    ("hello", .string("hello")),
    ("true", .bool(true)), ("True", .bool(true)), ("FALSE", .bool(false)),
    ("yes", .string("yes")), ("on", .string("on")), ("y", .string("y")),
    ("~", .null), ("null", .null), ("", .null),
    ("42", .int(42)), ("-0", .int(0)), ("+7", .int(7)), ("0x1F", .int(31)), ("0o17", .int(15)),
    ("017", .int(15)), ("0b101", .int(5)), ("1_000", .int(1000)),
    ("08", .float(8)), ("1.50", .float(1.5)), ("1e3", .float(1000)), (".5", .float(0.5)),
    ("-.5", .float(-0.5)), ("99999999999999999999", .float(1e20)),
    ("2001-12-14", .time("2001-12-14T00:00:00Z")),
    ("2001-12-14T21:59:43.10-05:00", .time("2001-12-14T21:59:43.1-05:00")),
    ("2001-12-14 21:59:43.10", .time("2001-12-14T21:59:43.1Z")),
    ("2001-12-14t21:59:43+00:00", .time("2001-12-14T21:59:43Z")),
    ("2001-13-14", .string("2001-13-14")),
    ("1.2.3", .string("1.2.3")), ("v1", .string("v1")), ("12:30", .string("12:30")),
  ]

  @Test(arguments: 0..<plain.count)
  func plainScalarsResolveAsYamlV3(_ index: Int) throws {
    let (text, expected) = Self.plain[index]
    #expect(try SopsYAMLScalar.resolve(text, plain: true, tag: nil) == expected, "\(text)")
  }

  /// Rejected values are the plaintext being encrypted: the reason must never quote them.
  @Test func rejectionsDoNotQuoteTheValue() {
    let cases: [(String, String?)] = [
      ("s3cr3t-VALUE", "tag:yaml.org,2002:int"), ("18446744073709551615", nil),
      ("s3cr3t-VALUE", "tag:yaml.org,2002:bool"),
    ]
    for (text, tag) in cases {
      do {
        let value = try SopsYAMLScalar.resolve(text, plain: true, tag: tag)
        Issue.record("\(text) with tag \(tag ?? "none") was accepted as \(value)")
      } catch {
        #expect(!error.reason.contains(text), "\(error.reason)")
        #expect(!error.reason.contains("s3cr3t"), "\(error.reason)")
      }
    }
  }

  @Test func specialFloats() throws {
    #expect(try SopsYAMLScalar.resolve(".inf", plain: true, tag: nil) == .float(.infinity))
    #expect(try SopsYAMLScalar.resolve("-.Inf", plain: true, tag: nil) == .float(-.infinity))
    guard case .float(let nan) = try SopsYAMLScalar.resolve(".nan", plain: true, tag: nil) else {
      Issue.record(".nan is not a float")
      return
    }
    #expect(nan.isNaN)
  }

  @Test func quotedAndTaggedScalars() throws {
    #expect(try SopsYAMLScalar.resolve("42", plain: false, tag: nil) == .string("42"))
    #expect(try SopsYAMLScalar.resolve("42", plain: true, tag: SopsYAMLScalar.strTag) == .string("42"))
    #expect(try SopsYAMLScalar.resolve("3", plain: true, tag: SopsYAMLScalar.floatTag) == .float(3))
    #expect(throws: SopsYAMLScalar.Unsupported.self) {
      try SopsYAMLScalar.resolve("yes", plain: true, tag: SopsYAMLScalar.boolTag)
    }
    #expect(throws: SopsYAMLScalar.Unsupported.self) {
      try SopsYAMLScalar.resolve("18446744073709551615", plain: true, tag: nil)
    }
  }

  @Test func plaintextBytesMatchGo() {
    #expect(SopsValue.float(1000).plaintext == Array("1000".utf8))
    #expect(SopsValue.float(1e20).plaintext == Array("100000000000000000000".utf8))
    #expect(SopsValue.float(1e-7).plaintext == Array("0.0000001".utf8))
    #expect(SopsValue.float(-2.5).plaintext == Array("-2.5".utf8))
    #expect(SopsValue.float(0.1).plaintext == Array("0.1".utf8))
    #expect(SopsValue.float(123456.789).plaintext == Array("123456.789".utf8))
    #expect(SopsValue.float(.infinity).plaintext == Array("+Inf".utf8))
    #expect(SopsValue.bool(false).plaintext == Array("False".utf8))
    #expect(SopsValue.int(-15).plaintext == Array("-15".utf8))
    #expect(SopsValue.null.plaintext == nil)
  }

  @Test func decodesTypedPlaintexts() {
    #expect(SopsValue.decoded(type: "int", bytes: Array("+31".utf8)) == .int(31))
    #expect(SopsValue.decoded(type: "int", bytes: Array("3.5".utf8)) == nil)
    #expect(SopsValue.decoded(type: "bool", bytes: Array("True".utf8)) == .bool(true))
    #expect(SopsValue.decoded(type: "float", bytes: Array("1.50".utf8)) == .float(1.5))
    #expect(SopsValue.decoded(type: "time", bytes: Array("2001-12-14T00:00:00Z".utf8)) == .time("2001-12-14T00:00:00Z"))
    #expect(SopsValue.decoded(type: "nonsense", bytes: []) == nil)
  }

  @Test func stringsThatWouldChangeTypeAreQuotedOnOutput() throws {
    let node = SopsNode.mapping(["yes", "on", "42", "2001-12-14", "true", "plain", "1:20", "a: b", "#x"].map {
      SopsMember($0, .string($0))
    })
    let yaml = SopsYAML.emit([node], indent: 2)
    #expect(yaml.contains("\"yes\": \"yes\"\n"))
    #expect(yaml.contains("\"42\": \"42\"\n"))
    #expect(yaml.contains("\"2001-12-14\": \"2001-12-14\"\n"))
    #expect(yaml.contains("plain: plain\n"))
    #expect(yaml.contains("\"1:20\": \"1:20\"\n"))
    let reread = try SopsYAML.parse(yaml).documents[0]
    #expect(plainJSON(reread) == plainJSON(node))
  }

  @Test func lastModifiedIsNormalizedForTheMAC() {
    #expect(SopsMetadata.normalizedTimestamp("2026-11-28T14:14:07Z") == "2026-11-28T14:14:07Z")
    #expect(SopsMetadata.normalizedTimestamp("2026-11-28T14:14:07.123Z") == "2026-11-28T14:14:07Z")
    #expect(SopsMetadata.normalizedTimestamp("2026-11-28T14:14:07+00:00") == "2026-11-28T14:14:07Z")
    #expect(SopsMetadata.normalizedTimestamp("2026-11-28T14:14:07.5+02:00") == "2026-11-28T14:14:07+02:00")
    #expect(SopsMetadata.normalizedTimestamp("yesterday") == nil)
  }
}
