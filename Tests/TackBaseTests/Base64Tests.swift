import Foundation
import TackBase
import Testing

/// The one base64: canonical encoding, and the three grammars its callers decode with.
@Suite struct Base64Tests {
  @Test(arguments: ["", "f", "fo", "foo", "foob", "fooba", "foobar"])
  func roundTripsUnderEveryGrammar(_ text: String) {
    let bytes = Array(text.utf8)
    let padded = Base64.encode(bytes)
    #expect(Base64.decode(padded, grammar: .strict) == bytes)
    #expect(Base64.decode(padded, grammar: .lenient) == bytes)
    let raw = Base64.encode(bytes, padded: false)
    #expect(Base64.decode(raw, grammar: .strictUnpadded) == bytes)
  }

  @Test func encodesTheRFC4648Vectors() {
    #expect(Base64.encode(Array("foobar".utf8)) == "Zm9vYmFy")
    #expect(Base64.encode(Array("fo".utf8)) == "Zm8=")
    #expect(Base64.encode(Array("f".utf8)) == "Zg==")
    #expect(Base64.encode(Array("fo".utf8), padded: false) == "Zm8")
    #expect(Base64.encodedBytes(Array("f".utf8)) == Array("Zg==".utf8))
  }

  @Test func encodesAsFoundationDoes() {
    for count in 0..<20 {
      let bytes = (0..<count).map { UInt8($0 * 37 & 0xFF) }
      #expect(Base64.encode(bytes) == Data(bytes).base64EncodedString())
    }
  }

  /// SOPS, Sealed Secrets, age armor and headers: one accepted text per byte string.
  @Test func strictGrammarsRefuseAnythingNonCanonical() {
    #expect(Base64.decode("QR==", grammar: .strict) == nil, "non-zero trailing bits")
    #expect(Base64.decode("QQ=", grammar: .strict) == nil, "short padding")
    #expect(Base64.decode("QQ", grammar: .strict) == nil, "padding missing")
    #expect(Base64.decode("Q Q=", grammar: .strict) == nil, "whitespace")
    #expect(Base64.decode("Zm9v\nYmFy", grammar: .strict) == nil, "wrapped line")
    #expect(Base64.decode("QQ==", grammar: .strictUnpadded) == nil, "padding where none belongs")
    #expect(Base64.decode("QQ\n", grammar: .strictUnpadded) == nil)
    #expect(Base64.decode("QR", grammar: .strictUnpadded) == nil, "non-zero trailing bits")
    #expect(Base64.decode("Zm9vY", grammar: .strictUnpadded) == nil, "one character left over")
    #expect(Base64.decode("Zm8-", grammar: .strict) == nil, "URL-safe alphabet")
  }

  /// kubeconfig `*-data` fields and PEM bodies: wrapped lines read, non-canonical bits accepted,
  /// padding still required.
  @Test func lenientGrammarReadsKubeconfigData() {
    #expect(Base64.decode("Zm9v\nYmFy", grammar: .lenient) == Array("foobar".utf8))
    #expect(Base64.decode(" Zm9v\r\n\tYmE=\n", grammar: .lenient) == Array("fooba".utf8))
    #expect(Base64.decode("Zm8=\n", grammar: .lenient) == Array("fo".utf8))
    #expect(Base64.decode("QR==", grammar: .lenient) == [0x41])
    #expect(Base64.decode("not base64!", grammar: .lenient) == nil)
    #expect(Base64.decode("Zm9v=YmFy", grammar: .lenient) == nil, "data after padding")
    #expect(Base64.decode("Zm9vY", grammar: .lenient) == nil)
    #expect(Base64.decode("Zm8", grammar: .lenient) == nil, "padding missing")
    #expect(Base64.decode("Zm8==", grammar: .lenient) == nil, "too much padding")
    #expect(Base64.decode("====", grammar: .lenient) == nil)
  }
}
