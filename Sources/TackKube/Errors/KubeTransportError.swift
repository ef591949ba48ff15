import TackBase
import TackHTTP

/// A request that got no HTTP answer: TLS, connection, DNS, proxy or time-out trouble.
public struct KubeTransportError: TackError, Equatable {
  /// What went wrong; the same kinds as TackHTTP's, which this error renders for kubectl users.
  public typealias Kind = HTTPTransportError.Kind

  public var kind: Kind
  /// `https://host:port/path` of the request (never carries credentials).
  public var url: String
  public var detail: String
  /// Whether the request certainly never reached the server (connect or DNS failure), so even a
  /// create can be retried.
  public var neverSent: Bool

  public init(kind: Kind, url: String, detail: String, neverSent: Bool = false) {
    self.kind = kind
    self.url = url
    self.detail = detail
    self.neverSent = neverSent
  }

  /// A failure of the HTTP layer under the Kubernetes client.
  public init(_ error: HTTPTransportError) {
    self.init(kind: error.kind, url: error.url, detail: error.detail, neverSent: error.neverSent)
  }

  public var exitStatus: ExitStatus { kind == .timedOut ? .timedOut : .failure }

  public var description: String {
    let detail = KubeConfigError.oneLine(detail)
    let suffix = detail.isEmpty ? "" : ": \(detail)"
    switch kind {
    case .tls:
      return "TLS handshake with \(url) failed\(suffix) (check certificate-authority, tls-server-name, or the server address)"
    case .connectionRefused:
      return "cannot connect to \(url)\(suffix); is the API server running and the address right?"
    case .dns:
      return "cannot resolve the host of \(url)\(suffix)"
    case .timedOut:
      return "request to \(url) timed out\(suffix)"
    case .connectionReset:
      return "connection to \(url) was lost\(suffix)"
    case .proxy:
      return "proxy failure for \(url)\(suffix)"
    case .clientCertificate:
      return "the client certificate or key for \(url) was rejected\(suffix)"
    case .bodyTooLarge, .other:
      return "request to \(url) failed\(suffix)"
    }
  }
}
