import FuzzSupport
import TackCore
import TackJSON

// Flagger's event messages, as `tack canary status` reads its history: the message parser never
// traps on any text, and an Event object built from JSON input (counts, timestamps, notes) neither.
func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let text = FuzzInput.text(data, size)
  _ = CanaryEventParser.parse(text)
  let event = CanaryEvent(event: ["message": .string(text), "reason": "Synced", "count": 2])
  _ = event.summary
  if let object = try? JSON.parse(text) {
    let parsed = CanaryEvent(event: object)
    _ = parsed.summary
  }
  return 0
}

@main enum Main {
  static func main() { FuzzDriver.run(fuzz) }
}
