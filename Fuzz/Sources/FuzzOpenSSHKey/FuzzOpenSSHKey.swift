import FuzzSupport

@testable import TackGit

// OpenSSH private keys: the PEM text, or (when the input starts with the openssh-key-v1 magic) the
// binary container itself, so mutations land in the structure rather than in its base64. Encrypted
// keys are tried with a passphrase; bcrypt rounds above 16 are skipped so each execution stays fast
// (the KDF's cost is linear in rounds and a fuzzer finds the 2^20 cap at once).
func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = FuzzInput.bytes(data, size)
  if bytes.starts(with: OpenSSHKeyCodec.magic) {
    guard cheap(bytes) else { return 0 }
    if let pair = try? OpenSSHKeyCodec.decode(bytes, passphrase: "fuzz") { check(pair) }
    return 0
  }
  let text = FuzzInput.text(data, size)
  if let block = try? SSHKeyPair.firstBlock(text), !cheap(block.bytes) { return 0 }
  if let pair = try? SSHKeyPair.parse(privateKey: text, passphrase: "fuzz") { check(pair) }
  _ = try? SSHKeyPair.publicKey(ofPrivateKey: text)
  return 0
}

func cheap(_ der: [UInt8]) -> Bool {
  guard let container = try? OpenSSHKeyCodec.container(der), container.kdf == "bcrypt" else { return true }
  var reader = SSHWireReader(container.kdfOptions)
  guard (try? reader.string()) != nil, let rounds = try? reader.uint32() else { return true }
  return rounds <= 16
}

/// A key that reads writes back to text that reads as the same key.
func check(_ pair: SSHKeyPair) {
  let text = OpenSSHKeyCodec.encode(pair)
  guard let again = try? SSHKeyPair.parse(privateKey: text) else { fatalError("tack's own OpenSSH key text does not read back") }
  precondition(again.authorizedKey == pair.authorizedKey, "OpenSSH key round trip changed the public key")
}

@main enum Main {
  static func main() { FuzzDriver.run(fuzz) }
}
