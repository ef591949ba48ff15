import Testing

@testable import TackKube

@Suite struct Base64Tests {
  @Test func roundTrips() {
    for text in ["", "f", "fo", "foo", "foob", "fooba", "foobar"] {
      let encoded = Base64.encode(Array(text.utf8))
      #expect(Base64.decode(encoded) == Array(text.utf8))
    }
    #expect(Base64.encode(Array("foobar".utf8)) == "Zm9vYmFy")
  }

  @Test func rejectsGarbage() {
    #expect(Base64.decode("not base64!") == nil)
    #expect(Base64.decode("Zm9v=YmFy") == nil)
    #expect(Base64.decode("Zm9vY") == nil)
    #expect(Base64.decode("Zm9v\nYmFy") == Array("foobar".utf8))
  }
}
