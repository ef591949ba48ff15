import TackBase

/// Removes credentials from text before it reaches an error message. libgit2's messages can echo a
/// URL (with user info) or, in theory, anything a server sends back, so every message from libgit2
/// or a server passes through here.
struct GitSecretRedactor: Sendable {
  /// Secret values known to this operation (passwords, tokens, passphrases).
  var secrets: [String]

  init(secrets: [String] = []) {
    // Very short values would blank out ordinary words; such secrets are rejected long before a
    // server sees them, so only values of a useful length are searched for.
    self.secrets = secrets.filter { $0.count >= 3 }
  }

  func redact(_ text: String) -> String {
    var result = Self.stripUserInfoPasswords(text)
    for secret in secrets where result.contains(secret) {
      result = result.replacing(secret, with: "<redacted>")
    }
    return result
  }

  /// `scheme://user:password@host` → `scheme://user@host`, anywhere in the text.
  static func stripUserInfoPasswords(_ text: String) -> String { URLPasswordRedaction.redacting(text) }
}
