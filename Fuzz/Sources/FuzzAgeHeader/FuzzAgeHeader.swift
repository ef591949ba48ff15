import FuzzSupport

@testable import TackSecrets

// The age header reader alone (version line, stanzas, MAC line), then the X25519 identity's stanza
// checks on what it read.
func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let reader = BufferedByteReader(MemoryReader(FuzzInput.bytes(data, size)))
  guard let header = try? AgeHeader.read(from: reader) else { return 0 }
  for identity in FuzzInput.identities {
    if let key = try? identity.unwrap(stanzas: header.stanzas) { _ = header.verifyMAC(fileKey: key) }
  }
  return 0
}

@main enum Main {
  static func main() { FuzzDriver.run(fuzz) }
}
