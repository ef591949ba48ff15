import FuzzSupport

@testable import TackSecrets

// Bech32 (age recipients and identities): decoding never traps, and what decodes re-encodes to the
// same text (the encoding is canonical up to case). Recipient and identity parsing ride along.
func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let text = FuzzInput.text(data, size)
  _ = try? AgeKeys.recipient(text)
  _ = try? AgeKeys.identity(text)
  guard let (hrp, payload) = Bech32.decode(text) else { return 0 }
  let uppercase = text.utf8.contains { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
  let encoded = Bech32.encode(hrp: hrp, data: payload, uppercase: uppercase)
  precondition(encoded == text, "Bech32 decode → encode is not the identity")
  return 0
}

@main enum Main {
  static func main() { FuzzDriver.run(fuzz) }
}
