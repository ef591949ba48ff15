import ArgumentParser
import TackBase
import TackCore

/// The flags of the `create secret` nouns other than git: `--export`, `--label`, and the one path
/// they share (print, or create/update and say so).
struct CreateSecretOptions: ParsableArguments {
  @Option(
    name: .customLong("label"), parsing: .singleValue,
    help: ArgumentHelp("Set labels on the secret (key=value; repeat or comma-separate).", valueName: "key=value"))
  var labels: [String] = []

  @Flag(help: "Print the secret as YAML to stdout instead of writing it to the cluster.")
  var export = false

  func target(name: String, global: GlobalOptions, context: CommandContext) throws -> CreateTarget {
    try CreateInputs.validateName(name)
    return CreateTarget(name: name, namespace: try context.namespace(global), labels: try CreateInputs.labels(labels))
  }

  /// Prints the secret, or upserts it: `► <what> secret '<name>' created in '<ns>' namespace`.
  func finish(_ secret: SecretDraft, what: String, global: GlobalOptions, context: CommandContext) async throws {
    if export {
      context.console.write(secret.exportText)
      return
    }
    let cluster = try context.cluster(global)
    try await SecretDraftWriter.upsert(secret, in: cluster)
    context.console.action("\(what) secret '\(secret.name)' created in '\(secret.namespace)' namespace")
  }
}

extension Tack.Create.Secret {
  struct Helm: TackCommand {
    static let configuration = CommandConfiguration(
      abstract: "Create or update a Kubernetes secret for Helm repository authentication.",
      discussion: """
        A TLS certificate pair makes a kubernetes.io/tls secret; otherwise basic authentication makes \
        a kubernetes.io/basic-auth one; --ca-crt-file is added to either, or stands alone.

        Examples:
          tack create secret helm repo-auth --username=user --password=pass --export
          tack create secret helm repo-auth --tls-crt-file=./cert.crt --tls-key-file=./key.key --ca-crt-file=./ca.crt
        """)

    @Argument(help: "Name of the secret.") var name: String
    @Option(name: [.short, .long], help: "Basic authentication username.") var username = ""
    @Option(name: [.short, .long], help: "Basic authentication password.") var password = ""
    @Option(help: ArgumentHelp("TLS authentication certificate file.", valueName: "file")) var tlsCrtFile: String?
    @Option(help: ArgumentHelp("TLS authentication key file.", valueName: "file")) var tlsKeyFile: String?
    @Option(help: ArgumentHelp("TLS CA certificate file.", valueName: "file")) var caCrtFile: String?
    @OptionGroup var options: CreateSecretOptions
    @OptionGroup(title: "Global Options") var global: GlobalOptions

    func execute(context: CommandContext) async throws {
      let target = try options.target(name: name, global: global, context: context)
      let secret = try SecretOptions.helm(
        target, username: username, password: password,
        certificate: try tlsCrtFile.map { try CommandFiles.read($0, flag: "--tls-crt-file") },
        key: try tlsKeyFile.map { try CommandFiles.read($0, flag: "--tls-key-file") },
        ca: try caCrtFile.map { try CommandFiles.read($0, flag: "--ca-crt-file") })
      try await options.finish(secret, what: "helm", global: global, context: context)
    }
  }

  struct TLS: TackCommand {
    static let configuration = CommandConfiguration(
      commandName: "tls",
      abstract: "Create or update a Kubernetes secret with TLS certificates.",
      discussion: """
        Examples:
          tack create secret tls certs --tls-crt-file=./client.crt --tls-key-file=./client.key --ca-crt-file=./ca.crt --export
        """)

    @Argument(help: "Name of the secret.") var name: String
    @Option(help: ArgumentHelp("TLS authentication certificate file.", valueName: "file")) var tlsCrtFile: String?
    @Option(help: ArgumentHelp("TLS authentication key file.", valueName: "file")) var tlsKeyFile: String?
    @Option(help: ArgumentHelp("TLS CA certificate file.", valueName: "file")) var caCrtFile: String?
    @OptionGroup var options: CreateSecretOptions
    @OptionGroup(title: "Global Options") var global: GlobalOptions

    func execute(context: CommandContext) async throws {
      let target = try options.target(name: name, global: global, context: context)
      let secret = try SecretOptions.tls(
        target, certificate: try tlsCrtFile.map { try CommandFiles.read($0, flag: "--tls-crt-file") },
        key: try tlsKeyFile.map { try CommandFiles.read($0, flag: "--tls-key-file") },
        ca: try caCrtFile.map { try CommandFiles.read($0, flag: "--ca-crt-file") })
      try await options.finish(secret, what: "tls", global: global, context: context)
    }
  }

  struct OCI: TackCommand {
    static let configuration = CommandConfiguration(
      commandName: "oci",
      abstract: "Create or update a Kubernetes image pull secret (dockerconfigjson).",
      discussion: """
        Examples:
          tack create secret oci ghcr-auth --url=ghcr.io --username=user --password=token --export
        """)

    @Argument(help: "Name of the secret.") var name: String
    @Option(help: "The registry, e.g. ghcr.io.") var url = ""
    @Option(name: [.short, .long], help: "Registry username.") var username = ""
    @Option(name: [.short, .long], help: "Registry password or token.") var password = ""
    @OptionGroup var options: CreateSecretOptions
    @OptionGroup(title: "Global Options") var global: GlobalOptions

    func execute(context: CommandContext) async throws {
      let target = try options.target(name: name, global: global, context: context)
      let secret = try SecretOptions.oci(target, url: url, username: username, password: password)
      try await options.finish(secret, what: "oci", global: global, context: context)
    }
  }

  struct Proxy: TackCommand {
    static let configuration = CommandConfiguration(
      abstract: "Create or update a Kubernetes secret with a proxy address and credentials.",
      discussion: """
        Examples:
          tack create secret proxy my-proxy --address=https://my-proxy.com --username=user --password=pass --export
        """)

    @Argument(help: "Name of the secret.") var name: String
    @Option(help: "The proxy address.") var address = ""
    @Option(name: [.short, .long], help: "Proxy username.") var username = ""
    @Option(name: [.short, .long], help: "Proxy password.") var password = ""
    @OptionGroup var options: CreateSecretOptions
    @OptionGroup(title: "Global Options") var global: GlobalOptions

    func execute(context: CommandContext) async throws {
      let target = try options.target(name: name, global: global, context: context)
      let secret = try SecretOptions.proxy(target, address: address, username: username, password: password)
      try await options.finish(secret, what: "proxy", global: global, context: context)
    }
  }

  struct GitHubApp: TackCommand {
    static let configuration = CommandConfiguration(
      commandName: "githubapp",
      abstract: "Create or update a Kubernetes secret for GitHub App authentication.",
      discussion: """
        Examples:
          tack create secret githubapp app-auth --app-id=1 --app-installation-owner=my-org --app-private-key=./pk.pem --export
        """)

    @Argument(help: "Name of the secret.") var name: String
    @Option(help: "GitHub App ID.") var appId = ""
    @Option(help: "GitHub App installation owner (user or organisation).") var appInstallationOwner = ""
    @Option(help: "GitHub App installation ID.") var appInstallationId = ""
    @Option(help: ArgumentHelp("GitHub App private key file.", valueName: "file")) var appPrivateKey: String?
    @Option(help: "GitHub API base URL (GitHub Enterprise).") var appBaseUrl = ""
    @OptionGroup var options: CreateSecretOptions
    @OptionGroup(title: "Global Options") var global: GlobalOptions

    func execute(context: CommandContext) async throws {
      let target = try options.target(name: name, global: global, context: context)
      let secret = try SecretOptions.githubApp(
        target, appID: appId, installationOwner: appInstallationOwner, installationID: appInstallationId,
        privateKey: try appPrivateKey.map { try CommandFiles.read($0, flag: "--app-private-key") }, baseURL: appBaseUrl)
      try await options.finish(secret, what: "githubapp", global: global, context: context)
    }
  }

  struct Receiver: TackCommand {
    static let configuration = CommandConfiguration(
      abstract: "Create or update a Kubernetes secret for a webhook Receiver.",
      discussion: """
        The token is generated (32 random bytes, hex) when --webhook-token is not given. The webhook URL is \
        stored in the notification.toolkit.fluxcd.io/webhook annotation.

        Examples:
          tack create secret receiver github-token --type=github --hostname=flux.example.com --export
        """)

    @Argument(help: "Name of the secret.") var name: String
    @Option(help: ArgumentHelp("Type of the receiver.", valueName: ReceiverOptions.types.joined(separator: "|"))) var type = ""
    // flux spells it --token, which tack's global --token (the Kubernetes bearer token) already is.
    @Option(help: "The webhook token (default: random). flux's --token.") var webhookToken = ""
    @Option(help: "The host notification-controller's webhook is reachable at.") var hostname = ""
    @Option(help: "The service account email claim (gcr only).") var emailClaim = ""
    @Option(help: "The audience claim (gcr only; default: the webhook URL).") var audienceClaim = ""
    @OptionGroup var options: CreateSecretOptions
    @OptionGroup(title: "Global Options") var global: GlobalOptions

    func execute(context: CommandContext) async throws {
      let target = try options.target(name: name, global: global, context: context)
      let secret = try SecretOptions.receiver(
        target, type: type, token: webhookToken, hostname: hostname, emailClaim: emailClaim, audienceClaim: audienceClaim)
      try await options.finish(secret, what: "receiver", global: global, context: context)
    }
  }

  struct Notation: TackCommand {
    static let configuration = CommandConfiguration(
      abstract: "Create or update a Kubernetes secret with a Notation trust policy and CA certificates.",
      discussion: """
        Examples:
          tack create secret notation notation-cfg --trust-policy-file=./trust-policy.json --ca-cert-file=./ca.crt --export
        """)

    @Argument(help: "Name of the secret.") var name: String
    @Option(help: ArgumentHelp("The trust policy JSON file.", valueName: "file")) var trustPolicyFile: String?
    @Option(parsing: .singleValue, help: ArgumentHelp("CA certificate files, ending .crt or .pem (repeat).", valueName: "file"))
    var caCertFile: [String] = []
    @OptionGroup var options: CreateSecretOptions
    @OptionGroup(title: "Global Options") var global: GlobalOptions

    func execute(context: CommandContext) async throws {
      let target = try options.target(name: name, global: global, context: context)
      var files: [(name: String, contents: String)] = []
      for path in CreateInputs.splitList(caCertFile) {
        let base = path.split(separator: "/").last.map(String.init) ?? path
        // The extension is checked before the file is read, as flux does.
        guard base.hasSuffix(".crt") || base.hasSuffix(".pem") else {
          throw CreateError("--ca-cert-file: \(base) must end with either .crt or .pem")
        }
        files.append((base, try CommandFiles.read(path, flag: "--ca-cert-file")))
      }
      let secret = try SecretOptions.notation(
        target, trustPolicy: try trustPolicyFile.map { try CommandFiles.read($0, flag: "--trust-policy-file") },
        caFiles: files)
      try await options.finish(secret, what: "notation configuration", global: global, context: context)
    }
  }
}
