import TackHTTP
import TackProviders

/// The hosting-service API clients the CLI talks to (built here, as every live adapter of Core).
public enum LiveGitHosting {
  /// GitHub or GitHub Enterprise Server at `hostname`. `caCertificate` (PEM, `--ca-file`) is
  /// trusted instead of the system store; `log` receives `--verbose` lines (tokens masked).
  public static func github(
    hostname: String, token: String, caCertificate: String?, userAgent: String, log: RequestLog?
  ) -> any GitHostingProvider {
    GitHubClient(hostname: hostname, token: token, configuration: configuration(caCertificate, userAgent, log))
  }

  /// The pull (merge) requests of `service` at `hostname`; `username` is Bitbucket's `~USER`.
  public static func pullRequests(
    _ service: PullRequestService, hostname: String, token: String, username: String, caCertificate: String?,
    userAgent: String, log: RequestLog?
  ) -> any PullRequestOpening {
    let configuration = configuration(caCertificate, userAgent, log)
    switch service {
    case .github: return GitHubClient(hostname: hostname, token: token, configuration: configuration)
    case .gitlab: return GitLabClient(hostname: hostname, token: token, configuration: configuration)
    case .gitea: return GiteaClient(hostname: hostname, token: token, configuration: configuration)
    case .bitbucketServer:
      return BitbucketServerClient(hostname: hostname, token: token, username: username, configuration: configuration)
    }
  }

  /// Gitea or Forgejo at `hostname` (a host, or a URL whose scheme is kept).
  public static func gitea(
    hostname: String, token: String, caCertificate: String?, userAgent: String, log: RequestLog?
  ) -> any GitHostingProvider {
    GiteaClient(hostname: hostname, token: token, configuration: configuration(caCertificate, userAgent, log))
  }

  /// GitLab (gitlab.com or self-managed at `hostname`).
  public static func gitlab(
    hostname: String, token: String, caCertificate: String?, userAgent: String, log: RequestLog?
  ) -> any GitHostingProvider {
    GitLabClient(hostname: hostname, token: token, configuration: configuration(caCertificate, userAgent, log))
  }

  /// Bitbucket Server or Data Center at `hostname`; `username` owns `~USER` projects.
  public static func bitbucketServer(
    hostname: String, token: String, username: String, caCertificate: String?, userAgent: String, log: RequestLog?
  ) -> any GitHostingProvider {
    BitbucketServerClient(
      hostname: hostname, token: token, username: username,
      configuration: configuration(caCertificate, userAgent, log))
  }

  static func configuration(_ caCertificate: String?, _ userAgent: String, _ log: RequestLog?) -> HTTPClient.Configuration {
    var configuration = HTTPClient.Configuration(userAgent: userAgent, log: log)
    if let caCertificate { configuration.tls.certificateAuthority = Array(caCertificate.utf8) }
    return configuration
  }
}
