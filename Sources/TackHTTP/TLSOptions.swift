/// How a client checks the server and proves who it is. Certificates and keys are PEM bytes that go
/// to libcurl as in-memory blobs, never through temporary files.
///
/// `description` is safe to print: the key never shows.
public struct TLSOptions: Sendable, Equatable {
  /// PEM CAs trusted instead of the system store: only these, as kubectl does with
  /// `certificate-authority-data`.
  public var certificateAuthority: [UInt8]?
  /// A PEM bundle file trusted instead of the system bundle (`TACK_MANIFESTS_CA_FILE`).
  public var certificateAuthorityFile: String?
  /// The client certificate presented in the handshake; a request may bring its own.
  public var clientIdentity: ClientIdentity?
  /// No verification of the server's certificate or name at all.
  public var insecureSkipVerify: Bool
  /// The name the server's certificate must carry (and that goes out as SNI), when it differs from
  /// the URL's host: the connection still goes to the URL's host (Go's `tls.Config.ServerName`).
  public var serverName: String?

  public init(
    certificateAuthority: [UInt8]? = nil, certificateAuthorityFile: String? = nil,
    clientIdentity: ClientIdentity? = nil, insecureSkipVerify: Bool = false, serverName: String? = nil
  ) {
    self.certificateAuthority = certificateAuthority
    self.certificateAuthorityFile = certificateAuthorityFile
    self.clientIdentity = clientIdentity
    self.insecureSkipVerify = insecureSkipVerify
    self.serverName = serverName
  }
}

/// A PEM client certificate and key presented in the TLS handshake.
public struct ClientIdentity: Sendable, Equatable {
  public var certificate: [UInt8]
  public var key: [UInt8]

  public init(certificate: [UInt8], key: [UInt8]) {
    self.certificate = certificate
    self.key = key
  }
}

extension ClientIdentity: CustomStringConvertible, CustomDebugStringConvertible {
  public var description: String { "ClientIdentity(certificate: DATA+OMITTED, key: REDACTED)" }
  public var debugDescription: String { description }
}

extension TLSOptions: CustomStringConvertible, CustomDebugStringConvertible {
  public var description: String {
    "TLSOptions(certificateAuthority: \(certificateAuthority == nil ? "nil" : "DATA+OMITTED"), "
      + "certificateAuthorityFile: \(certificateAuthorityFile ?? "nil"), "
      + "clientIdentity: \(clientIdentity == nil ? "nil" : "REDACTED"), "
      + "insecureSkipVerify: \(insecureSkipVerify), serverName: \(serverName ?? "nil"))"
  }
  public var debugDescription: String { description }
}
