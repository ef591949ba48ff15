import TackHTTP
import TackProviders

/// The hosting-service API clients the CLI talks to (built here, as every live adapter of Core).
public enum LiveGitHosting {
  /// GitHub or GitHub Enterprise Server at `hostname`; `caCertificate` (PEM, `--ca-file`) is
  /// trusted instead of the system store; `log` receives `--verbose` lines (tokens masked).
  public static func github(
    hostname: String, token: String, caCertificate: String?, userAgent: String, log: RequestLog?
  ) -> any GitHostingProvider {
    var configuration = HTTPClient.Configuration(userAgent: userAgent, log: log)
    if let caCertificate { configuration.tls.certificateAuthority = Array(caCertificate.utf8) }
    return GitHubClient(hostname: hostname, token: token, configuration: configuration)
  }
}
