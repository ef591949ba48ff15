#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
import TackGit

/// ``FleetRepositoryCloner`` over TackGit: the remote built from bootstrap's flags as flux's
/// `getAuthOpts` builds it (by URL scheme), host keys checked against the user's `known_hosts`
/// (`$HOME/.ssh/known_hosts`), HTTPS against `--ca-file` or the system CAs.
public struct LiveFleetRepositoryCloner: FleetRepositoryCloner {
  public private(set) var remote: GitRemote
  public let branch: String

  public init(options: BootstrapOptions, environment: [String: String]) throws {
    let url = options.url
    let authentication: GitAuthentication
    switch (url.scheme, options.auth) {
    case ("http", .bearer(let token)), ("https", .bearer(let token)):
      authentication = .bearerToken(token)
    case ("http", .basic(let username, let password)), ("https", .basic(let username, let password)):
      authentication = .basic(username: username, password: password)
    case ("http", .sshKey(let ssh)), ("https", .sshKey(let ssh)):
      if let password = ssh.password, !password.isEmpty {
        authentication = .basic(username: ssh.username, password: password)
      } else if let user = url.user, let password = url.password {
        authentication = .basic(username: user, password: password)
      } else {
        authentication = .none
      }
    case ("ssh", .sshKey(let ssh)):
      if let key = ssh.privateKey {
        authentication = .sshKey(username: url.user ?? ssh.username, key: .openSSH(key), passphrase: ssh.password)
      } else {
        authentication = .sshAgent(username: url.user ?? ssh.username)
      }
    case ("ssh", _):
      authentication = .sshAgent(username: url.user)
    default:
      authentication = .none
    }
    let target = url.scheme == "file" ? url.path : url.string
    remote = try GitRemote(
      url: target, authentication: authentication,
      hostKeys: .knownHosts(try Self.userKnownHosts(environment: environment)),
      trust: options.caCertificate.map { .certificateAuthorities(pem: $0) } ?? .system,
      allowInsecureHTTP: options.allowInsecureHTTP)
    // --timeout bounds each clone, fetch and push too (libgit2 has no limit of its own); a
    // server that stops sending gives up sooner than that when --timeout is long.
    let timeout = options.timeout.duration
    remote.timeouts = GitTimeouts(
      connect: min(timeout, .seconds(30)), stall: min(timeout, .seconds(60)), operation: timeout)
    branch = options.branch
  }

  /// `$HOME/.ssh/known_hosts`, or nothing (every host then unknown).
  static func userKnownHosts(environment: [String: String]) throws -> KnownHosts {
    guard let home = environment["HOME"], !home.isEmpty,
      let data = FileManager.default.contents(atPath: home + "/.ssh/known_hosts")
    else { return KnownHosts() }
    return try KnownHosts(parsing: String(decoding: data, as: UTF8.self))
  }

  public func clone(into directory: String) async throws -> any FleetRepository {
    GitFleetRepository(workspace: try await GitWorkspace.clone(remote, branch: branch, into: directory))
  }
}

/// ``FleetRepository`` over a `GitWorkspace`.
public struct GitFleetRepository: FleetRepository {
  public let workspace: GitWorkspace

  public var workTreePath: String { workspace.workTree.root }

  public func head() async -> String? { await workspace.head?.hex }

  /// flux's default author has no email (`Flux <>`), which libgit2 1.5's `git_signature_new`
  /// refuses; an empty `--author-email` becomes this address instead.
  public static let fallbackEmail = "flux@localhost"

  public func commit(message: String, author: CommitAuthor) async throws -> String? {
    let email = author.email.isEmpty ? Self.fallbackEmail : author.email
    return try await workspace.commit(message: message, author: GitSignature(name: author.name, email: email))?.hex
  }

  public func push() async throws -> PushOutcome {
    do {
      try await workspace.push()
      return .pushed
    } catch let error as GitError where error.code == .nonFastForward {
      return .nonFastForward
    }
  }

  public func resetToRemote() async throws {
    try await workspace.resetToRemote()
  }

  /// Points a new branch at HEAD and checks it out, and puts the cloned branch back at the
  /// remote's tip. Loose ref files are plain Git: any Git reads them.
  public func moveCommits(toNewBranch name: String) async throws {
    guard let head = await workspace.head?.hex else { return }
    let remoteHead = await workspace.remoteHead?.hex
    let gitDirectory = workTreePath + "/.git"
    let files = FileManager.default
    func write(_ text: String, to path: String) throws {
      let directory = String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)])
      try files.createDirectory(atPath: directory, withIntermediateDirectories: true)
      try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }
    do {
      try write(head + "\n", to: gitDirectory + "/refs/heads/" + name)
      try write("ref: refs/heads/\(name)\n", to: gitDirectory + "/HEAD")
      let original = gitDirectory + "/refs/heads/" + workspace.branch
      if let remoteHead {
        try write(remoteHead + "\n", to: original)
      } else if files.fileExists(atPath: original) {
        try files.removeItem(atPath: original)
      }
    } catch {
      throw BootstrapError.failed("cannot create branch \"\(name)\" in \(workTreePath): \(error)")
    }
  }
}
