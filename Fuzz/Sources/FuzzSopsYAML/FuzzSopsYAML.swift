import FuzzSupport
import TackSecrets

// A SOPS-encrypted YAML file: parsing, metadata, ENC values and the MAC never trap. The fixed test
// identity decrypts the seeds, so mutations reach the value and MAC paths too.
func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  FuzzSops.run(data, size, format: .yaml)
  return 0
}

@main enum Main {
  static func main() { FuzzDriver.run(fuzz) }
}
