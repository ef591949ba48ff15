import FuzzSupport
import TackSecrets

// A SOPS-encrypted JSON file: as FuzzSopsYAML, through the JSON reader and writer.
func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  FuzzSops.run(data, size, format: .json)
  return 0
}

@main enum Main {
  static func main() { FuzzDriver.run(fuzz) }
}
