import ArgumentParser
import TackBase
import TackSecrets

extension Tack.Secrets {
  /// `tack secrets fetch-cert`: saves the controller's certificate for offline sealing.
  struct FetchCert: TackCommand {
    static let configuration = CommandConfiguration(
      commandName: "fetch-cert",
      abstract: "Fetch the Sealed Secrets controller's certificate, for sealing offline with --cert.",
      discussion: """
        Fetched through the API server's service proxy \
        (/api/v1/namespaces/NS/services/http:NAME:PORT/proxy/v1/cert.pem), as kubeseal --fetch-cert \
        does. The certificate is checked (RSA, not expired) before it is written.
        """)

    @OptionGroup(title: "Certificate")
    var source: SealedSecretsCertificateOptions

    @Option(name: [.short, .long], help: "Write the certificate to this file instead of stdout.")
    var output: String?

    @OptionGroup(title: "Global Options")
    var global: GlobalOptions

    func execute(context: CommandContext) async throws {
      let certificate = try await source.certificate(global: global, context: context)
      var pem = certificate.pem
      if !pem.hasSuffix("\n") { pem += "\n" }
      if let output, output != "-" {
        try AtomicFile.write(Array(pem.utf8), to: output, permissions: .preserving(default: 0o644))
        context.console.success("certificate written to \(output) (valid until \(certificate.expiryDay))")
      } else {
        context.console.write(pem)
      }
    }
  }
}
