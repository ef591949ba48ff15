import ArgumentParser
import TackBase
import TackCore
import TackHTTP

/// How the artifact commands reach a registry: `--creds`, `--provider`, `--insecure-registry`, and
/// tack's `--ca-file` for registries with a private CA.
struct RegistryOptions: ParsableArguments {
  @Option(help: "Credentials for the registry: user:password, or a token. Default: the docker config, else anonymous.")
  var creds: String?

  @Option(help: "The OCI provider: generic (tack supports no cloud provider keychains).")
  var provider: String = "generic"

  @Flag(help: "Do not verify the registry's TLS certificate.")
  var insecureRegistry = false

  @Option(help: "A PEM CA bundle to trust for the registry instead of the system store.", completion: .file())
  var caFile: String?

  @Flag(help: "Log every registry request to stderr (credentials masked).")
  var verbose = false

  func validate() throws {
    guard provider == "generic" else {
      throw ValidationError("--provider \(provider): only generic is supported; use --creds or docker login")
    }
  }

  /// A client for `reference`'s repository with the credentials found by flux's rules.
  func client(for reference: OCIReference, context: CommandContext) async throws -> RegistryClient {
    let credentials: RegistryCredentials
    if let creds {
      context.console.action("logging in to registry with credentials")
      credentials = try RegistryCredentials.parse(creds: creds)
    } else {
      credentials = try await DockerCredentials(environment: context.environment)
        .lookup(registry: reference.registry, repository: reference.repository)
    }
    let console = context.console
    let log = verbose ? RequestLog(level: 1) { line in console.note(line) } : nil
    return RegistryClient(
      registry: reference.registry, repository: reference.repository,
      options: .init(
        credentials: credentials, insecure: insecureRegistry, certificateAuthorityFile: caFile, log: log,
        userAgent: "tack/\(TackVersion.current)"))
  }
}
