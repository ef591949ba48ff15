/// Where GitHub's API and Git live for a `--hostname`: github.com itself, or an Enterprise Server
/// (`https://HOST/api/v3/`). Always https, as flux: an Enterprise host given with a scheme or a
/// trailing slash is reduced to the host (and port).
public struct GitHubEndpoint: Sendable, Equatable {
  /// The host (and port) Git and the web UI use: `github.com`, `ghe.example.com:8443`.
  public var host: String
  public var apiBaseURL: String

  public init(hostname: String) {
    var host = hostname
    for scheme in ["https://", "http://"] where host.lowercased().hasPrefix(scheme) { host.removeFirst(scheme.count) }
    while host.hasSuffix("/") { host.removeLast() }
    if host.isEmpty || host.lowercased() == "github.com" {
      self.host = "github.com"
      apiBaseURL = "https://api.github.com/"
    } else {
      self.host = host
      apiBaseURL = "https://\(host)/api/v3/"
    }
  }

  public var isEnterprise: Bool { host != "github.com" }
}
