import ArgumentParser
import TackBase
import TackSecrets

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Tack.Secrets {
  /// `tack secrets keygen`: an age X25519 identity in age-keygen's format, optionally stored in
  /// the Secret Flux's kustomize-controller reads.
  struct Keygen: TackCommand {
    static let configuration = CommandConfiguration(
      abstract: "Generate an age identity (as age-keygen does), optionally stored as Flux's SOPS key Secret.",
      discussion: """
        With -o the key file is written with mode 0600 (never over an existing file unless --force) \
        and the recipient (age1…) is printed; without -o the key file itself is printed.

        --create-secret [NAME] also creates or updates the Secret (default sops-age, in -n or \
        flux-system) holding the key under age.agekey — the .agekey suffix is how Flux finds age \
        keys — and prints the spec.decryption snippet for a Kustomization.
        """)

    @Option(name: [.short, .customLong("output")], help: "Write the key file here (mode 0600).")
    var output: String?

    @Flag(help: "Replace an existing key file.")
    var force = false

    @Flag(help: "Generate a post-quantum (ML-KEM-768 + X25519) identity, as age-keygen -pq (age ≥ 1.3).")
    var pq = false

    @Flag(help: "Also create or update the Kubernetes Secret Flux reads the key from.")
    var createSecret = false

    @Argument(help: "The Secret's name with --create-secret (default sops-age).")
    var secretName: String?

    @OptionGroup(title: "Global Options")
    var global: GlobalOptions

    func validate() throws {
      if secretName != nil, !createSecret {
        throw ValidationError("a secret name is only taken with --create-secret (tack secrets keygen --create-secret NAME)")
      }
      if let output, output == "-" { throw ValidationError("-o - is stdout, the default; leave -o out") }
    }

    func execute(context: CommandContext) async throws {
      let identity: any AgeKeyIdentity = pq ? AgeHybridIdentity.generate() : AgeX25519Identity.generate()
      let keyFile = AgeKeyFile.keygenFile(for: identity)
      if let output {
        try Self.writeKeyFile(keyFile, to: output, force: force, temporaryFiles: context.temporaryFiles)
        context.console.success("age identity written to \(output)")
        context.console.print(identity.recipientString)
      } else {
        context.console.write(keyFile)
      }
      if createSecret {
        try await SecretsCluster.createKeySecret(
          keyFile: keyFile, name: secretName ?? "sops-age", options: global, context: context,
          snippetToStdout: output != nil)
      }
    }

    /// Creates the key file with mode 0600; an existing file is replaced only with --force (and
    /// then atomically, so the old key survives any failure).
    static func writeKeyFile(_ text: String, to path: String, force: Bool, temporaryFiles: TemporaryFiles) throws {
      if force {
        // 0600 even when the file replaced was readable by others.
        try AtomicFile.write(Array(text.utf8), to: path, permissions: .exactly(0o600), registry: temporaryFiles)
        return
      }
      let descriptor = systemOpen(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
      guard descriptor >= 0 else {
        let code = errno
        if code == EEXIST {
          throw CommandError("\(path) already exists; not overwriting a key (use --force to replace it)")
        }
        throw FileError(path: path, operation: "creating", errno: code)
      }
      defer { close(descriptor) }
      do {
        try FileDescriptorWriter(descriptor: descriptor, name: path).write(Array(text.utf8))
        guard fsync(descriptor) == 0 else {
          throw FileError(path: path, operation: "writing", errno: errno)
        }
      } catch {
        unlink(path)
        throw error
      }
    }
  }
}
