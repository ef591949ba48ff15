import TackProviders

/// The hosting service a promotion's pull (merge) request goes to (`--provider`), and how its API
/// and the repository are found from the fleet repository's `--url`, as pure decisions.
public enum PullRequestService: String, Sendable, Equatable, CaseIterable {
  case github, gitlab, gitea, bitbucketServer = "bitbucket-server"

  /// As users name it in messages.
  public var name: String {
    switch self {
    case .github: "GitHub"
    case .gitlab: "GitLab"
    case .gitea: "Gitea"
    case .bitbucketServer: "Bitbucket"
    }
  }

  /// The variable the token comes from, as for `bootstrap <provider>`.
  public var tokenVariable: String { name.uppercased() + "_TOKEN" }

  /// Where the API is (the `--hostname` the client takes) and which repository the URL names.
  public struct Location: Sendable, Equatable {
    public var hostname: String
    public var repository: RepositoryReference
    public init(hostname: String, repository: RepositoryReference) {
      self.hostname = hostname
      self.repository = repository
    }
  }

  /// - Parameter hostname: `--hostname`, when the API is not where the URL points.
  public func locate(url text: String, hostname: String?) throws(BootstrapError) -> Location {
    let url = try RepositoryURL.parse(text)
    guard url.scheme != "file" else {
      throw .usage("--url \(url.string): a pull request needs the repository on \(name), not a local path")
    }
    var path = url.path.split(separator: "/").map(String.init)
    if let last = path.last, last.hasSuffix(".git") { path[path.count - 1] = String(last.dropLast(4)) }
    // Bitbucket serves Git over HTTPS under `<context>/scm/`; what comes before is the server's base.
    var context = ""
    if self == .bitbucketServer, url.scheme != "ssh", let scm = path.firstIndex(of: "scm") {
      context = path[..<scm].map { "/" + $0 }.joined()
      path.removeSubrange(...scm)
    }
    guard path.count >= 2 else {
      throw .usage("--url \(url.string) does not name the repository (…/OWNER/NAME)")
    }
    if self != .gitlab && path.count > 2 {
      throw .usage("--url \(url.string): \(name) repositories are OWNER/NAME; pass --hostname if the server lives under a path")
    }
    let repository = RepositoryReference(owner: path.dropLast().joined(separator: "/"), name: path[path.count - 1])
    if let hostname, !hostname.isEmpty { return Location(hostname: hostname, repository: repository) }
    // The SSH port is not the API's: over SSH only the host carries over, with https.
    let web = url.scheme == "ssh" ? "https" : url.scheme
    let authority = url.scheme == "ssh" ? url.hostForURL : url.hostAndPort
    switch self {
    case .github:
      // GitHubEndpoint always speaks https and knows github.com's API host.
      return Location(hostname: authority, repository: repository)
    case .gitlab, .gitea, .bitbucketServer:
      return Location(hostname: "\(web)://\(authority)\(context)", repository: repository)
    }
  }
}
