import FuzzSupport
import TackBase

// RFC 3339 times from the API: parsing never traps, and the nanosecond UTC form of what parsed
// reads back to the same instant.
func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let text = FuzzInput.text(data, size)
  guard let time = RFC3339Time(text) else { return 0 }
  let formatted = time.rfc3339Nano
  _ = time.rfc3339Local
  // A zone offset can carry 0000-01-01 or 9999-12-31 out of the four-digit years in UTC, which no
  // RFC 3339 text can hold (Go's MarshalJSON refuses them too): only in-range instants must round-trip.
  guard (-62_167_219_200...253_402_300_799).contains(time.epochSeconds) else { return 0 }
  guard let again = RFC3339Time(formatted) else { fatalError("RFC3339Time's own text does not parse") }
  precondition(again == time, "RFC 3339 text round trip changed the instant")
  return 0
}

@main enum Main {
  static func main() { FuzzDriver.run(fuzz) }
}
