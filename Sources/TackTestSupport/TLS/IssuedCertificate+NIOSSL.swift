import NIOSSL

extension IssuedCertificate {
  /// A TLS server configuration presenting this certificate (the API server, the HTTPS Git server,
  /// the release download server).
  public func serverTLSConfiguration() throws -> TLSConfiguration {
    TLSConfiguration.makeServerConfiguration(
      certificateChain: try NIOSSLCertificate.fromPEMBytes(Array(certificatePEM.utf8)).map { .certificate($0) },
      privateKey: .privateKey(try NIOSSLPrivateKey(bytes: Array(privateKeyPEM.utf8), format: .pem)))
  }
}
