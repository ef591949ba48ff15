import Crypto
import TackBase

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The contents of an OpenSSH `known_hosts` file: which host keys to trust for which hosts.
///
/// Supports plain and hashed (`|1|salt|hash`) host names, comma-separated patterns with `*`/`?`
/// wildcards and `!` negation, `[host]:port` for non-default ports, and the `@revoked` marker.
/// `@cert-authority` lines are kept but never trusted (host certificates are not supported).
public struct KnownHosts: Sendable, Equatable {
  public struct Entry: Sendable, Equatable {
    public enum Marker: String, Sendable { case certAuthority = "@cert-authority", revoked = "@revoked" }
    public var marker: Marker?
    /// The host pattern field, e.g. `github.com,140.82.121.4` or `|1|…|…`.
    public var hosts: String
    public var keyType: String
    /// The key blob in SSH wire format (the base64 field decoded).
    public var key: [UInt8]
  }

  public enum Verdict: Sendable, Equatable {
    case trusted
    /// No trusted key for this host and key type; `knownTypes` lists types known for the host.
    case unknown(knownTypes: [String])
    /// A different key of the same type is on file: possibly a man-in-the-middle.
    case mismatch
    /// The key is marked `@revoked`.
    case revoked
  }

  public private(set) var entries: [Entry]

  public init(entries: [Entry] = []) { self.entries = entries }

  /// Parses known_hosts text. Blank lines and `#` comments are skipped; a malformed line is an
  /// error naming its number, so a truncated file is not silently half-trusted.
  public init(parsing text: String) throws(GitError) {
    var entries: [Entry] = []
    for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
      let line = rawLine.trimmingWhitespace()
      if line.isEmpty || line.hasPrefix("#") { continue }
      var fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
      var marker: Entry.Marker?
      if let first = fields.first, first.hasPrefix("@") {
        guard let known = Entry.Marker(rawValue: first) else {
          throw GitError(.invalidKey, "known_hosts line \(index + 1): unknown marker \(first)")
        }
        marker = known
        fields.removeFirst()
      }
      // Fields hold no white space (they are split on it), so `.lenient` reads what Go and
      // OpenSSH read: padded base64, trailing bits unchecked.
      guard fields.count >= 3, let key = Base64.decode(fields[2], grammar: .lenient) else {
        throw GitError(
          .invalidKey, "known_hosts line \(index + 1) is not `host key-type base64-key [comment]`")
      }
      entries.append(Entry(marker: marker, hosts: fields[0], keyType: fields[1], key: key))
    }
    self.entries = entries
  }

  /// The name known_hosts files use for a host: `host` on port 22, else `[host]:port`.
  public static func hostName(_ host: String, port: Int) -> String {
    port == 22 ? host.lowercased() : "[\(host.lowercased())]:\(port)"
  }

  /// One known_hosts line for a key, as flux writes it into the `known_hosts` secret key.
  public static func line(host: String, port: Int, keyType: String, key: [UInt8]) -> String {
    "\(hostName(host, port: port)) \(keyType) \(Base64.encode(key))"
  }

  public func verify(host: String, port: Int, keyType: String, key: [UInt8]) -> Verdict {
    let name = Self.hostName(host, port: port)
    let applicable = entries.filter { Self.matches(patterns: $0.hosts, name: name) }
    if applicable.contains(where: { $0.marker == .revoked && $0.key == key }) { return .revoked }
    let plain = applicable.filter { $0.marker == nil }
    if plain.contains(where: { $0.keyType == keyType && $0.key == key }) { return .trusted }
    if plain.contains(where: { $0.keyType == keyType }) { return .mismatch }
    var types: [String] = []
    for entry in plain where !types.contains(entry.keyType) { types.append(entry.keyType) }
    return .unknown(knownTypes: types)
  }

  /// Whether a comma-separated pattern list matches `name`; a matching `!pattern` excludes it.
  static func matches(patterns: String, name: String) -> Bool {
    if patterns.hasPrefix("|1|") { return hashedMatches(patterns, name: name) }
    var matched = false
    for pattern in patterns.split(separator: ",") {
      let lowered = pattern.lowercased()
      if lowered.hasPrefix("!") {
        if wildcardMatch(Array(lowered.dropFirst()), Array(name)) { return false }
      } else if wildcardMatch(Array(lowered), Array(name)) {
        matched = true
      }
    }
    return matched
  }

  private static func hashedMatches(_ field: String, name: String) -> Bool {
    let parts = field.split(separator: "|", omittingEmptySubsequences: true)
    guard parts.count == 3, parts[0] == "1", let salt = Base64.decode(parts[1], grammar: .lenient),
      let hash = Base64.decode(parts[2], grammar: .lenient)
    else { return false }
    let code = HMAC<Insecure.SHA1>.authenticationCode(
      for: Array(name.utf8), using: SymmetricKey(data: salt))
    return Array(code) == hash
  }

  /// OpenSSH's `match_pattern`: `*` any run, `?` any one character.
  static func wildcardMatch(_ pattern: [Character], _ text: [Character]) -> Bool {
    var p = 0
    var t = 0
    var star: Int?
    var mark = 0
    while t < text.count {
      if p < pattern.count && (pattern[p] == "?" || pattern[p] == text[t]) {
        p += 1
        t += 1
      } else if p < pattern.count && pattern[p] == "*" {
        star = p
        mark = t
        p += 1
      } else if let s = star {
        p = s + 1
        mark += 1
        t = mark
      } else {
        return false
      }
    }
    while p < pattern.count && pattern[p] == "*" { p += 1 }
    return p == pattern.count
  }
}

extension KnownHosts {
  /// Reads a known_hosts file (e.g. `~/.ssh/known_hosts` or the `known_hosts` key of a secret).
  public init(contentsOfFile path: String) throws(GitError) {
    let text: String
    do {
      text = try String(contentsOfFile: path, encoding: .utf8)
    } catch {
      throw GitError(.invalidKey, "cannot read known_hosts file \(path): \(error)")
    }
    try self.init(parsing: text)
  }
}
