/// Which leaves SOPS encrypts: at most one of six rules, by key suffix, key regex or comment regex.
/// Without a rule sops uses `unencrypted_suffix: _unencrypted` (everything is encrypted).
public enum SopsCryptRule: Sendable, Equatable {
  case unencryptedSuffix(String)
  case encryptedSuffix(String)
  case unencryptedRegex(String)
  case encryptedRegex(String)
  case unencryptedCommentRegex(String)
  case encryptedCommentRegex(String)

  public static let `default` = SopsCryptRule.unencryptedSuffix("_unencrypted")
  /// What tack uses for a Kubernetes Secret when nothing else is configured (Flux's advice).
  public static let kubernetesSecret = SopsCryptRule.encryptedRegex("^(data|stringData)$")

  /// The metadata key this rule is stored under.
  public var metadataKey: String {
    switch self {
    case .unencryptedSuffix: "unencrypted_suffix"
    case .encryptedSuffix: "encrypted_suffix"
    case .unencryptedRegex: "unencrypted_regex"
    case .encryptedRegex: "encrypted_regex"
    case .unencryptedCommentRegex: "unencrypted_comment_regex"
    case .encryptedCommentRegex: "encrypted_comment_regex"
    }
  }

  public var argument: String {
    switch self {
    case .unencryptedSuffix(let s), .encryptedSuffix(let s), .unencryptedRegex(let s), .encryptedRegex(let s),
      .unencryptedCommentRegex(let s), .encryptedCommentRegex(let s):
      s
    }
  }

  static let metadataKeys = [
    "unencrypted_suffix", "encrypted_suffix", "unencrypted_regex", "encrypted_regex",
    "unencrypted_comment_regex", "encrypted_comment_regex",
  ]

  init?(metadataKey: String, argument: String) {
    switch metadataKey {
    case "unencrypted_suffix": self = .unencryptedSuffix(argument)
    case "encrypted_suffix": self = .encryptedSuffix(argument)
    case "unencrypted_regex": self = .unencryptedRegex(argument)
    case "encrypted_regex": self = .encryptedRegex(argument)
    case "unencrypted_comment_regex": self = .unencryptedCommentRegex(argument)
    case "encrypted_comment_regex": self = .encryptedCommentRegex(argument)
    default: return nil
    }
  }

  var isCommentRule: Bool {
    switch self {
    case .unencryptedCommentRegex, .encryptedCommentRegex: true
    default: false
    }
  }
}

/// A crypt rule ready to apply: regexes compiled once, answers cached per key (a Secret with a
/// thousand keys asks about `data` a thousand times).
final class SopsLeafSelector {
  let rule: SopsCryptRule
  private let regex: GoRegex?
  private var cache: [String: Bool] = [:]

  init(_ rule: SopsCryptRule) throws(SopsError) {
    self.rule = rule
    switch rule {
    case .unencryptedRegex(let pattern), .encryptedRegex(let pattern), .unencryptedCommentRegex(let pattern),
      .encryptedCommentRegex(let pattern):
      // Go's regexp, run in linear time: the pattern may come from the file before its MAC is checked.
      do {
        regex = try GoRegex(pattern)
      } catch {
        throw SopsError(.configuration, "\(rule.metadataKey): \(error)")
      }
    default:
      regex = nil
    }
  }

  private func matches(_ key: String) -> Bool {
    if let cached = cache[key] { return cached }
    let result: Bool
    switch rule {
    case .unencryptedSuffix(let s), .encryptedSuffix(let s): result = key.hasSuffix(s)
    default: result = regex?.matches(key) ?? false
    }
    cache[key] = result
    return result
  }

  /// Whether the leaf at `path` is encrypted. For comment rules (comments are not kept) an
  /// existing file's ENC-looking values tell; `currentValue` is that value.
  func isEncrypted(path: [String], currentValue: SopsValue?) -> Bool {
    switch rule {
    case .unencryptedSuffix, .unencryptedRegex:
      return !path.contains(where: matches)
    case .encryptedSuffix, .encryptedRegex:
      return path.contains(where: matches)
    case .unencryptedCommentRegex, .encryptedCommentRegex:
      if case .string(let s)? = currentValue { return SopsCipher.looksEncrypted(s) }
      return false
    }
  }
}
