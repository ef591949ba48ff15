/// `oci://<registry>/<repository>[:<tag>|@<digest>]`, as the artifact commands take it.
///
/// The first path component is the registry when it looks like a host (has a `.` or `:`, or is
/// `localhost`); otherwise the reference is on Docker Hub (`index.docker.io`, `library/` added to
/// one-component names), as go-containerregistry resolves it.
public struct OCIReference: Sendable, Equatable, CustomStringConvertible {
  public var registry: String
  public var repository: String
  public var tag: String?
  public var digest: String?

  public enum Expectation: Sendable { case tagOrDigest, repositoryOnly }

  public init(_ text: String, expecting: Expectation = .tagOrDigest) throws(OCIError) {
    guard text.hasPrefix("oci://") else {
      throw .invalidReference(text, reason: "URL must be in format 'oci://<domain>/<org>/<repo>'")
    }
    var rest = Substring(text.dropFirst("oci://".count))
    var digest: String?
    if let at = rest.firstIndex(of: "@") {
      digest = String(rest[rest.index(after: at)...])
      rest = rest[..<at]
      guard Digest.isValid(digest!) else { throw .invalidReference(text, reason: "invalid digest \"\(digest!)\"") }
    }
    var tag: String?
    if let colon = rest.lastIndex(of: ":"), let slash = rest.lastIndex(of: "/"), colon > slash {
      tag = String(rest[rest.index(after: colon)...])
      rest = rest[..<colon]
    }
    var parts = rest.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    guard parts.count >= 1, !parts[0].isEmpty else { throw .invalidReference(text, reason: "repository name is empty") }
    let first = parts[0]
    if parts.count > 1 && (first.contains(".") || first.contains(":") || first == "localhost") {
      registry = first
      parts.removeFirst()
    } else {
      registry = "index.docker.io"
      if parts.count == 1 { parts.insert("library", at: 0) }
    }
    repository = parts.joined(separator: "/")
    guard Self.isValidRepository(repository) else {
      throw .invalidReference(text, reason: "repository can only contain the characters `abcdefghijklmnopqrstuvwxyz0123456789_-./`: \(repository)")
    }
    if let tag, !Self.isValidTag(tag) {
      throw .invalidReference(text, reason: "tag can only contain the characters `abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.`: \(tag)")
    }
    switch expecting {
    case .repositoryOnly:
      if tag != nil || digest != nil {
        throw .invalidReference(text, reason: "expected a repository without tag or digest")
      }
    case .tagOrDigest:
      break
    }
    self.tag = tag
    self.digest = digest
  }

  public init(registry: String, repository: String, tag: String? = nil, digest: String? = nil) {
    self.registry = registry
    self.repository = repository
    self.tag = tag
    self.digest = digest
  }

  /// The tag or digest a manifest request names (`latest` when neither is given).
  public var reference: String { digest ?? tag ?? "latest" }

  /// `registry/repository` (what flux prints).
  public var name: String { "\(registry)/\(repository)" }

  public var description: String {
    name + (digest.map { "@" + $0 } ?? tag.map { ":" + $0 } ?? "")
  }

  /// The distribution spec's `<name>` grammar.
  static func isValidRepository(_ name: String) -> Bool {
    guard !name.isEmpty, name.count <= 255 else { return false }
    for component in name.split(separator: "/", omittingEmptySubsequences: false) {
      let bytes = Array(component.utf8)
      guard let first = bytes.first, let last = bytes.last, isAlnum(first), isAlnum(last) else { return false }
      var index = 0
      while index < bytes.count {
        let byte = bytes[index]
        if isAlnum(byte) {
          index += 1
          continue
        }
        // Separators: `.`, `_`, `__`, or a run of `-`, each between alphanumerics.
        var end = index
        if byte == UInt8(ascii: ".") {
          end += 1
        } else if byte == UInt8(ascii: "_") {
          end += (index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "_")) ? 2 : 1
        } else if byte == UInt8(ascii: "-") {
          while end < bytes.count && bytes[end] == UInt8(ascii: "-") { end += 1 }
        } else {
          return false
        }
        guard end < bytes.count, isAlnum(bytes[end]) else { return false }
        index = end
      }
    }
    return true
  }

  static func isValidTag(_ tag: String) -> Bool {
    let bytes = Array(tag.utf8)
    guard let first = bytes.first, bytes.count <= 128, isTagCharacter(first) else { return false }
    return bytes.allSatisfy { isTagCharacter($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }
  }

  private static func isAlnum(_ byte: UInt8) -> Bool {
    (0x30...0x39).contains(byte) || (0x61...0x7a).contains(byte)
  }

  private static func isTagCharacter(_ byte: UInt8) -> Bool {
    isAlnum(byte) || (0x41...0x5a).contains(byte) || byte == UInt8(ascii: "_")
  }
}
