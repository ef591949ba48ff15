import ArgumentParser
import TackCore

/// The kind of SSH key a command generates, as flux spells the flags: `bootstrap git` and
/// `create secret git`.
struct SSHKeyTypeOptions: ParsableArguments, Sendable {
  @Option(help: ArgumentHelp("SSH public key algorithm: rsa, ecdsa, ed25519.", valueName: "algorithm"))
  var sshKeyAlgorithm: String = "ecdsa"

  @Option(help: ArgumentHelp("SSH ECDSA public key curve: p256, p384, p521.", valueName: "curve"))
  var sshEcdsaCurve: String = "p384"

  @Option(help: ArgumentHelp("SSH RSA public key bit size (multiples of 8, min 1024).", valueName: "bits"))
  var sshRsaBits: Int = 2048

  /// The algorithm the flags name, or a usage error.
  func algorithm() throws -> SSHKeyAlgorithm {
    try SSHKeyAlgorithm.parse(algorithm: sshKeyAlgorithm, curve: sshEcdsaCurve, rsaBits: sshRsaBits)
  }
}
