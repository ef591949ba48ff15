import TackBase

/// A request that got no HTTP answer: TLS, connection, DNS, proxy or time-out trouble, or a body
/// over the configured limit. Statuses, 4xx and 5xx included, are answers and never this error.
public struct HTTPTransportError: TackError, Equatable {
  public enum Kind: String, Sendable, Equatable {
    /// The server's certificate failed verification, or the handshake failed.
    case tls
    case connectionRefused
    case dns
    /// The deadline passed.
    case timedOut
    /// The connection broke after it was established (reset, closed mid-response, HTTP/2 stream error).
    case connectionReset
    case proxy
    /// The client certificate or key was rejected by the TLS library.
    case clientCertificate
    /// The body is larger than the client accepts (`HTTPClient.Configuration.maxResponseBytes`).
    case bodyTooLarge
    case other
  }

  public var kind: Kind
  /// The request's URL without user info or query (never carries credentials).
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

  public var exitStatus: ExitStatus { kind == .timedOut ? .timedOut : .failure }

  public var description: String {
    let detail = detail.split(whereSeparator: \.isNewline).joined(separator: " ")
    let suffix = detail.isEmpty ? "" : ": \(detail)"
    switch kind {
    case .tls: return "TLS handshake with \(url) failed\(suffix)"
    case .connectionRefused: return "cannot connect to \(url)\(suffix)"
    case .dns: return "cannot resolve the host of \(url)\(suffix)"
    case .timedOut: return "request to \(url) timed out\(suffix)"
    case .connectionReset: return "connection to \(url) was lost\(suffix)"
    case .proxy: return "proxy failure for \(url)\(suffix)"
    case .clientCertificate: return "the client certificate or key for \(url) was rejected\(suffix)"
    case .bodyTooLarge, .other: return "request to \(url) failed\(suffix)"
    }
  }
}
