/// What bootstrap needs from a Git hosting service, whichever it is. Each call is one step flux's
/// bootstrap takes on the provider (reference: git-providers-and-oci §3.1).
public protocol GitHostingProvider: Sendable {
  /// The service's name ("GitHub") and the host as configured, for progress lines.
  var service: String { get }
  var domain: String { get }
  /// The login of the token's owner.
  func authenticatedUser() async throws -> String
  /// The repository, or nil when the service says it does not exist (or hides it).
  func repository(_ reference: RepositoryReference) async throws -> HostedRepository?
  /// Creates an empty repository (no initial commit).
  func createRepository(_ reference: RepositoryReference, personal: Bool, visibility: RepositoryVisibility) async throws
    -> HostedRepository
  /// The permission a team has on the repository, nil when none.
  func teamPermission(team: String, on reference: RepositoryReference) async throws -> TeamPermission?
  func grant(team: String, permission: TeamPermission, on reference: RepositoryReference) async throws
  func deployKeys(_ reference: RepositoryReference) async throws -> [DeployKey]
  func addDeployKey(_ key: DeployKey.Draft, to reference: RepositoryReference) async throws -> DeployKey
  func deleteDeployKey(id: String, from reference: RepositoryReference) async throws
  /// Where the CLI clones and pushes (`https://host/owner/name.git`).
  func httpsCloneURL(_ repository: HostedRepository) -> String
  /// Where the cluster syncs from over SSH (`ssh://git@host/owner/name`).
  func sshURL(_ repository: HostedRepository) -> String
}

/// `--owner` and `--repository`.
public struct RepositoryReference: Sendable, Equatable, CustomStringConvertible {
  public var owner: String
  public var name: String
  public init(owner: String, name: String) {
    self.owner = owner
    self.name = name
  }
  public var description: String { "\(owner)/\(name)" }
}

public struct HostedRepository: Sendable, Equatable {
  /// The owner as the service spells it (a personal repository's `owner.login`).
  public var owner: String
  public var name: String
  public var defaultBranch: String?
  public var isPrivate: Bool?
  public init(owner: String, name: String, defaultBranch: String? = nil, isPrivate: Bool? = nil) {
    self.owner = owner
    self.name = name
    self.defaultBranch = defaultBranch
    self.isPrivate = isPrivate
  }
  public var reference: RepositoryReference { RepositoryReference(owner: owner, name: name) }
}

public enum RepositoryVisibility: String, Sendable, Equatable, CaseIterable {
  case `private`, `internal`, `public`
}

/// A team's role on a repository, from least to most (GitHub's words; other services map them).
public enum TeamPermission: String, Sendable, Equatable, CaseIterable, Comparable {
  case pull, triage, push, maintain, admin

  public static func < (lhs: TeamPermission, rhs: TeamPermission) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}

/// A repository's deploy key. `key` is the `authorized_keys` text (`type base64`).
public struct DeployKey: Sendable, Equatable {
  public var id: String
  public var title: String
  public var key: String
  public var readOnly: Bool
  public init(id: String, title: String, key: String, readOnly: Bool) {
    self.id = id
    self.title = title
    self.key = key
    self.readOnly = readOnly
  }

  /// A key to register.
  public struct Draft: Sendable, Equatable {
    public var title: String
    public var key: String
    public var readOnly: Bool
    public init(title: String, key: String, readOnly: Bool) {
      self.title = title
      self.key = key
      self.readOnly = readOnly
    }
  }

  /// Whether this registered key is `draft` (same key material and access; comments and
  /// whitespace aside, as services store the key normalised).
  public func matches(_ draft: Draft) -> Bool {
    readOnly == draft.readOnly && Self.material(key) == Self.material(draft.key)
  }

  /// `type base64` without a comment or surrounding space.
  static func material(_ text: String) -> String {
    text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).prefix(2).joined(separator: " ")
  }
}
