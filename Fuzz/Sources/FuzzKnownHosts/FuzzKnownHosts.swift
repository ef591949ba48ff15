import FuzzSupport
import TackGit

// known_hosts: parsing and host matching (patterns, negation, wildcards, hashed names) never trap,
// and a line tack writes for a parsed key reads back as trusting that key.
func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let hosts = try? KnownHosts(parsing: FuzzInput.text(data, size)) else { return 0 }
  for entry in hosts.entries.prefix(8) {
    for (host, port) in [("github.com", 22), ("example.com", 2222), ("10.0.0.1", 22), ("::1", 22)] {
      _ = hosts.verify(host: host, port: port, keyType: entry.keyType, key: entry.key)
    }
    let line = KnownHosts.line(host: "fuzz.example", port: 22, keyType: entry.keyType, key: entry.key)
    guard let written = try? KnownHosts(parsing: line) else { fatalError("tack's own known_hosts line does not parse") }
    precondition(
      written.verify(host: "fuzz.example", port: 22, keyType: entry.keyType, key: entry.key) == .trusted,
      "a written known_hosts line does not trust its key")
  }
  return 0
}

@main enum Main {
  static func main() { FuzzDriver.run(fuzz) }
}
