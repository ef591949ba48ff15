import ArgumentParser

extension Tack {
  /// `tack secrets`: SOPS with age keys, plain age, and Sealed Secrets, in one place and in the
  /// formats Flux's kustomize-controller and the Sealed Secrets controller read.
  struct Secrets: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Encrypt secrets for GitOps: SOPS with age keys, age files, and Sealed Secrets.",
      discussion: """
        Files written here are read by the real tools: sops, age, Flux's kustomize-controller \
        (spec.decryption.provider: sops) and the Sealed Secrets controller.

        A typical Flux setup:
          tack secrets keygen -o age.agekey --create-secret
          tack secrets encrypt --age age1… --in-place secret.yaml
          git add secret.yaml && git commit
        """,
      subcommands: [Keygen.self, Encrypt.self, Decrypt.self, AgeFiles.self, Seal.self, FetchCert.self])
  }
}
