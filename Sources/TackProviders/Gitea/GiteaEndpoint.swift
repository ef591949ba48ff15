/// Where a Gitea (or Forgejo) server's API and Git live for a `--hostname`: `gitea.com` by
/// default; a bare host gets `https://`, while a value with a scheme is used as given, as flux does
/// (so `http://gitea.internal:3000` stays plain HTTP).
public struct GiteaEndpoint: Sendable, Equatable {
  /// `https://gitea.example.com` (no trailing slash): the web and Git base.
  public var baseURL: String
  /// `host[:port]` for SSH addresses and messages.
  public var host: String
  public var apiBaseURL: String { baseURL + "/api/v1/" }

  public init(hostname: String) {
    var base = hostname.isEmpty ? "gitea.com" : hostname
    while base.hasSuffix("/") { base.removeLast() }
    if !base.contains("://") { base = "https://" + base }
    baseURL = base
    let afterScheme = base[base.range(of: "://")!.upperBound...]
    host = String(afterScheme.prefix { $0 != "/" })
  }
}
