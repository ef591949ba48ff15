import ArgumentParser
import TackBase
import TackJSON
import TackSecrets

extension Tack.Secrets {
  /// `tack secrets seal`: kubeseal's sealing, offline with a certificate or through the API
  /// server's service proxy.
  struct Seal: TackCommand {
    static let configuration = CommandConfiguration(
      abstract: "Seal Kubernetes Secrets for the Sealed Secrets controller (like kubeseal).",
      discussion: """
        The controller's certificate comes from --cert (a file, or an https:// or file:// URL, \
        default $SEALED_SECRETS_CERT), else from the controller through the API server's service \
        proxy (--controller-name, --controller-namespace; kubeseal's defaults). An expired or \
        non-RSA certificate is refused.

        The scope is --scope, else the Secret's sealedsecrets.bitnami.com/namespace-wide or \
        …/cluster-wide annotation, else strict (bound to the Secret's namespace and name). \
        With --raw, one value (--from-file) is sealed for --name and -n and printed as base64.
        """)

    @Argument(help: "The Secret manifest(s) to seal (YAML or JSON), or - for stdin (default).")
    var file: String = "-"

    @OptionGroup(title: "Certificate")
    var source: SealedSecretsCertificateOptions

    @Option(help: "strict, namespace-wide or cluster-wide (default: from the Secret's annotations, else strict).")
    var scope: SealingScope?

    @Option(name: [.customShort("o"), .customLong("format")], help: "Output format: json (default) or yaml.")
    var format: SealedOutputFormat = .json

    @Flag(help: "Seal one value (--from-file) and print it as base64, for hand-written SealedSecrets.")
    var raw = false

    @Option(help: "With --raw: the Secret name the value is bound to (strict scope).")
    var name: String?

    @Option(help: "With --raw: the file holding the value (kubectl's [key=]path form is accepted).")
    var fromFile: String?

    @OptionGroup(title: "Global Options")
    var global: GlobalOptions

    func validate() throws {
      if raw {
        guard fromFile != nil else { throw ValidationError("--raw needs --from-file with the value to seal") }
      } else if name != nil || fromFile != nil {
        throw ValidationError("--name and --from-file go with --raw")
      }
    }

    func execute(context: CommandContext) async throws {
      let certificate = try await source.certificate(global: global, context: context)
      let sealer = SealedSecretSealer(certificate: certificate)
      if raw {
        try sealRaw(sealer: sealer, context: context)
        return
      }
      let name = SecretsFiles.displayName(file)
      let documents: [JSON]
      do {
        documents = try JSON.parseYAMLDocuments(SecretsFiles.readText(file))
      } catch let error as YAMLConversionError {
        throw CommandError("\(name): \(error.reason)")
      }
      guard !documents.isEmpty else {
        throw CommandError("\(name): no Secret found; pass a Secret manifest (YAML or JSON)")
      }
      let defaultNamespace = SecretsCluster.defaultNamespace(global: global, context: context)
      var output = ""
      for document in documents {
        do {
          let sealed = try sealer.seal(
            secret: document, scope: scope, namespaceFlag: global.namespace, defaultNamespace: defaultNamespace)
          output += format.render(sealed)
        } catch {
          throw error.from(name)
        }
      }
      context.console.write(output)
    }

    func sealRaw(sealer: SealedSecretSealer, context: CommandContext) throws {
      let effectiveScope = scope ?? .strict
      let namespace = global.namespace ?? SecretsCluster.defaultNamespace(global: global, context: context)
      if effectiveScope == .strict, (name ?? "").isEmpty {
        throw CommandError("--raw with strict scope needs --name (the Secret the value is for)", exitStatus: .usage)
      }
      let path = fromFile.map { value -> String in
        // kubectl's --from-file=[key=]path: the key is irrelevant for a single raw value.
        guard let equals = value.firstIndex(of: "=") else { return value }
        return String(value[value.index(after: equals)...])
      }!
      let value = try SecretsFiles.read(path)
      context.console.write(sealer.sealRaw(value, scope: effectiveScope, namespace: namespace, name: name ?? ""))
    }
  }
}

extension SealingScope: ExpressibleByArgument {}

/// kubeseal's output formats.
enum SealedOutputFormat: String, ExpressibleByArgument, CaseIterable {
  case json, yaml

  /// JSON as kubeseal prints it (two-space indent, struct field order, final newline); YAML with
  /// sorted keys after a `---` line.
  func render(_ object: JSON) -> String {
    switch self {
    case .json: object.serialized(JSONWriteOptions(indent: "  ")) + "\n"
    case .yaml: "---\n" + object.yaml(.kubectl)
    }
  }
}

/// Where the controller's certificate comes from.
struct SealedSecretsCertificateOptions: ParsableArguments {
  @Option(help: "The controller's certificate: a file, or an https:// or file:// URL (default: $SEALED_SECRETS_CERT).")
  var cert: String?

  @Option(help: "The Sealed Secrets controller's Service (default: $SEALED_SECRETS_CONTROLLER_NAME or sealed-secrets-controller).")
  var controllerName: String?

  @Option(help: "The controller's namespace (default: $SEALED_SECRETS_CONTROLLER_NAMESPACE or kube-system).")
  var controllerNamespace: String?

  func controller(environment: [String: String]) -> (name: String, namespace: String) {
    (
      controllerName ?? environment["SEALED_SECRETS_CONTROLLER_NAME"].flatMap { $0.isEmpty ? nil : $0 } ?? "sealed-secrets-controller",
      controllerNamespace ?? environment["SEALED_SECRETS_CONTROLLER_NAMESPACE"].flatMap { $0.isEmpty ? nil : $0 } ?? "kube-system"
    )
  }

  /// The PEM text from the chosen source.
  func pem(global: GlobalOptions, context: CommandContext) async throws -> (pem: String, source: String) {
    if let location = cert ?? context.environment["SEALED_SECRETS_CERT"].flatMap({ $0.isEmpty ? nil : $0 }) {
      if location.lowercased().hasPrefix("https://") || location.lowercased().hasPrefix("http://") {
        return (
          try await SecretsCluster.download(location, global: global, context: context),
          URLPasswordRedaction.redacting(location)
        )
      }
      let path = location.hasPrefix("file://") ? String(location.dropFirst("file://".count)) : location
      return (try await Blocking.run { try SecretsFiles.readText(path) }, path)
    }
    let (name, namespace) = controller(environment: context.environment)
    return (
      try await SecretsCluster.fetchCertificate(controller: name, namespace: namespace, global: global, context: context),
      "service \(namespace)/\(name)"
    )
  }

  func certificate(global: GlobalOptions, context: CommandContext) async throws -> SealedSecretsCertificate {
    let (pem, source) = try await pem(global: global, context: context)
    do {
      return try SealedSecretsCertificate(pem: pem)
    } catch {
      throw error.from(source)
    }
  }
}
