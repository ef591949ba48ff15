import FuzzSupport
import TackSecrets

// A whole age file (armor detected, header, X25519/scrypt/hybrid unwrapping, MAC, STREAM) with the
// test vectors' identities: decrypting never traps and only ever throws AgeError.
func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  _ = try? Age.decrypt(FuzzInput.bytes(data, size), identities: FuzzInput.identities)
  return 0
}

@main enum Main {
  static func main() { FuzzDriver.run(fuzz) }
}
