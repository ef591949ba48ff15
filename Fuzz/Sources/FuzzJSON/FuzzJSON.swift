import FuzzSupport
import TackJSON

// JSON text: parsing never traps, and parse → serialise → parse is a fixed point.
func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = UnsafeBufferPointer(start: data, count: size)
  guard let value = try? JSON.parse(bytes) else { return 0 }
  let text = value.serialized()
  guard let again = try? JSON.parse(text) else { fatalError("serialised JSON does not parse: \(text)") }
  precondition(again == value, "JSON round trip changed the value")
  precondition(again.serialized() == text, "JSON serialisation is not stable")
  return 0
}

@main enum Main {
  static func main() { FuzzDriver.run(fuzz) }
}
