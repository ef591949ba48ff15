import FuzzSupport
import TackBase

// Go durations (`--timeout`, `spec.interval`): parsing never traps, and Go's formatting of what
// parsed reads back to the same value (checked below 10^14 ns, where the parser's double sum is exact).
func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let text = FuzzInput.text(data, size)
  guard let duration = GoDuration(text) else { return 0 }
  _ = HumanDuration.short(seconds: duration.seconds)
  _ = HumanDuration.elapsed(duration.duration)
  guard duration.nanoseconds.magnitude < 100_000_000_000_000 else { return 0 }
  let formatted = duration.description
  guard let again = GoDuration(formatted) else { fatalError("GoDuration's own text does not parse") }
  precondition(again.nanoseconds == duration.nanoseconds, "GoDuration text round trip changed the value")
  return 0
}

@main enum Main {
  static func main() { FuzzDriver.run(fuzz) }
}
