#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Credential types libgit2 asks for (`git_credential_t` bits).
struct CredentialTypes: OptionSet, Sendable, CustomStringConvertible {
  let rawValue: UInt32
  static let userPassPlaintext = CredentialTypes(rawValue: 1 << 0)
  static let sshKey = CredentialTypes(rawValue: 1 << 1)
  static let sshCustom = CredentialTypes(rawValue: 1 << 2)
  static let defaultCredentials = CredentialTypes(rawValue: 1 << 3)
  static let sshInteractive = CredentialTypes(rawValue: 1 << 4)
  static let username = CredentialTypes(rawValue: 1 << 5)
  static let sshMemory = CredentialTypes(rawValue: 1 << 6)

  var description: String {
    var names: [String] = []
    if contains(.userPassPlaintext) { names.append("password") }
    if contains(.sshKey) || contains(.sshMemory) { names.append("publickey") }
    if contains(.sshInteractive) { names.append("keyboard-interactive") }
    if contains(.defaultCredentials) { names.append("negotiate") }
    if contains(.username) { names.append("username") }
    return names.isEmpty ? "none" : names.joined(separator: ", ")
  }
}

/// Decides which credential to hand libgit2 each time it asks, and when to give up.
///
/// libgit2 calls the credential callback again after every rejection "until authentication succeeds
/// or you report an error", so each kind of credential is offered once: a second request for the
/// same kind means the server refused it, and we stop with a clear error instead of looping (and
/// instead of locking an account with repeated bad passwords). A pure value, table-tested.
struct CredentialPlan: Sendable {
  enum Offer: Equatable, Sendable {
    case username(String)
    case userPass(username: String, password: String)
    case sshKeyMemory(username: String, privateKey: String, passphrase: String?)
    case sshKeyFile(username: String, path: String, passphrase: String?)
    case sshAgent(username: String)
  }

  private enum Kind: Hashable { case username, userPass, sshKey, sshAgent }

  let authentication: GitAuthentication
  let url: GitURL
  private var offered: Set<Kind> = []

  init(authentication: GitAuthentication, url: GitURL) {
    self.authentication = authentication
    self.url = url
  }

  /// The SSH user: the URL's (libgit2 insists they match), else the configured one, else `git`.
  var sshUsername: String {
    if let user = url.username, !user.isEmpty { return user }
    switch authentication {
    case .sshKey(let user?, _, _), .sshAgent(let user?): return user
    default: return "git"
    }
  }

  mutating func next(allowed: CredentialTypes, usernameFromURL: String?) -> Result<Offer, GitError> {
    if allowed == .username || (url.transport == .ssh && allowed.contains(.username)
      && !allowed.contains(.sshKey) && !allowed.contains(.sshMemory))
    {
      guard offered.insert(.username).inserted else { return .failure(rejected("the user name")) }
      return .success(.username(usernameFromURL ?? sshUsername))
    }

    switch authentication {
    case .basic(let username, let password):
      guard allowed.contains(.userPassPlaintext) else { return .failure(unsupported("a password", allowed)) }
      guard offered.insert(.userPass).inserted else {
        return .failure(rejected("the username/password"))
      }
      return .success(.userPass(username: username, password: password))

    case .bearerToken:
      // The token travels as a header; being asked for credentials means it was refused.
      return .failure(rejected("the bearer token"))

    case .sshKey(_, let source, let passphrase):
      let user = usernameFromURL ?? sshUsername
      switch source {
      case .openSSH(let text):
        guard allowed.contains(.sshMemory) else { return .failure(unsupported("an SSH key", allowed)) }
        guard offered.insert(.sshKey).inserted else {
          return .failure(rejected("the SSH key", hint: Self.rsaHint(keyText: text)))
        }
        return .success(.sshKeyMemory(username: user, privateKey: text, passphrase: passphrase))
      case .file(let path):
        guard allowed.contains(.sshKey) else { return .failure(unsupported("an SSH key", allowed)) }
        guard offered.insert(.sshKey).inserted else {
          let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
          return .failure(rejected("the SSH key \(path)", hint: Self.rsaHint(keyText: text)))
        }
        return .success(.sshKeyFile(username: user, path: path, passphrase: passphrase))
      }

    case .sshAgent:
      return agentOffer(allowed: allowed, usernameFromURL: usernameFromURL)

    case .none:
      if url.transport == .ssh { return agentOffer(allowed: allowed, usernameFromURL: usernameFromURL) }
      return .failure(
        GitError(
          .authenticationFailed,
          "\(url) requires authentication; give a username and password (or a bearer token)"))
    }
  }

  private mutating func agentOffer(allowed: CredentialTypes, usernameFromURL: String?) -> Result<
    Offer, GitError
  > {
    guard allowed.contains(.sshKey) else { return .failure(unsupported("an SSH key", allowed)) }
    guard offered.insert(.sshAgent).inserted else {
      return .failure(
        GitError(
          .authenticationFailed,
          "no key from the SSH agent was accepted by \(url); give a private key file (--private-key-file)"))
    }
    return .success(.sshAgent(username: usernameFromURL ?? sshUsername))
  }

  private func rejected(_ what: String, hint: String = "") -> GitError {
    GitError(.authenticationFailed, "\(url) rejected \(what); check the credentials and their access\(hint)")
  }

  /// libssh2 1.10 (Debian 12) signs with RSA only as `ssh-rsa` (SHA-1), which OpenSSH 8.8+ and
  /// GitHub refuse by default; say so instead of leaving people to guess.
  static func rsaHint(keyText: String) -> String {
    guard let key = try? SSHKeyPair.publicKey(ofPrivateKey: keyText), key.type == "ssh-rsa" else { return "" }
    return " (RSA keys are signed with SHA-1 `ssh-rsa` by this libssh2, which many servers refuse; "
      + "use an ecdsa or ed25519 key)"
  }

  private func unsupported(_ what: String, _ allowed: CredentialTypes) -> GitError {
    GitError(
      .authenticationFailed,
      "\(url) does not accept \(what) (it offers: \(allowed)); use another authentication method")
  }
}
