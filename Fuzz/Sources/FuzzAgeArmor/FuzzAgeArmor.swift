import FuzzSupport

@testable import TackSecrets

// The ASCII armor reader: never traps; whatever it decodes, armoring again and reading back yields
// the same bytes.
func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let decoded = readArmor(FuzzInput.bytes(data, size)) else { return 0 }
  guard let again = readArmor(AgeArmor.armor(decoded)) else { fatalError("tack's own armor does not read back") }
  precondition(again == decoded, "armor round trip changed the bytes")
  return 0
}

func readArmor(_ bytes: [UInt8]) -> [UInt8]? {
  let reader = AgeArmorReader(BufferedByteReader(MemoryReader(bytes)))
  let sink = MemoryWriter()
  var buffer = [UInt8](repeating: 0, count: 4096)
  do {
    while true {
      let count = try buffer.withUnsafeMutableBytes { try reader.read(into: $0) }
      if count == 0 { break }
      try sink.write(Array(buffer[0..<count]))
    }
  } catch {
    return nil
  }
  return sink.bytes
}

@main enum Main {
  static func main() { FuzzDriver.run(fuzz) }
}
