#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
import ArgumentParser
import TackBase
import TackCore

extension Tack.Create.Secret {
  /// `tack create secret git NAME`: the source secret bootstrap writes, upserted (or exported).
  struct Git: TackCommand {
    static let configuration = CommandConfiguration(
      abstract: "Create or update a Kubernetes secret for Git authentication.",
      discussion: """
        For Git over SSH, a key pair is generated (or read from --private-key-file) and the host's \
        key is scanned and stored as known_hosts. For Git over HTTP/S, the basic authentication \
        credentials or the bearer token are stored, with the CA certificate if given. An existing \
        secret is updated: its data is replaced, its labels merged.

        Examples:
          tack create secret git podinfo-auth --url=ssh://git@github.com/stefanprodan/podinfo
          tack create secret git podinfo-auth --url=https://github.com/stefanprodan/podinfo -u user -p token
          tack create secret git podinfo-auth --url=ssh://git@github.com/stefanprodan/podinfo --export > auth.yaml
        """)

    @OptionGroup(title: "Global Options") var global: GlobalOptions

    @Argument(help: "Name of the secret.")
    var name: String

    @Option(help: ArgumentHelp("Git address, e.g. ssh://git@host/org/repository.", valueName: "url"))
    var url: String = ""

    @Option(name: [.short, .long], help: "Basic authentication username.")
    var username: String = ""

    @Option(name: [.short, .long], help: "Basic authentication password, or the private key's passphrase.")
    var password: String = ""

    @Option(help: "Bearer authentication token.")
    var bearerToken: String = ""

    @OptionGroup var sshKeyType: SSHKeyTypeOptions

    @Option(help: ArgumentHelp("Path to a TLS CA certificate file used for validating self-signed certificates.", valueName: "file"))
    var caCrtFile: String?

    @Option(help: ArgumentHelp("Path to a private key file used for authenticating to the Git SSH server.", valueName: "file"))
    var privateKeyFile: String?

    @Option(name: .customLong("label"), parsing: .singleValue, help: ArgumentHelp("Set labels on the secret (key=value; repeat or comma-separate).", valueName: "key=value"))
    var labels: [String] = []

    @Flag(help: "Print the secret as YAML to stdout instead of writing it to the cluster.")
    var export = false

    func execute(context: CommandContext) async throws {
      guard !url.isEmpty else { throw CommandError("--url is required", exitStatus: .usage) }
      let parsedURL = try RepositoryURL.parse(url)
      var labelMap: [String: String] = [:]
      for item in FluxComponents.parseList(labels) {
        guard let eq = item.firstIndex(of: "="), eq != item.startIndex else {
          throw CommandError("--label \"\(item)\" must be key=value", exitStatus: .usage)
        }
        labelMap[String(item[..<eq])] = String(item[item.index(after: eq)...])
      }
      let namespace = try context.namespace(global)
      let request = GitSecretRequest(
        name: name, namespace: namespace, url: parsedURL, username: username, password: password,
        bearerToken: bearerToken, caCertificate: try caCrtFile.map { try CommandFiles.read($0, flag: "--ca-crt-file") },
        privateKey: try privateKeyFile.map { try CommandFiles.read($0, flag: "--private-key-file") },
        algorithm: try sshKeyType.algorithm(),
        labels: labelMap)
      try request.validate()
      // Connect before generating keys or scanning hosts, so a bad kubeconfig fails first.
      var cluster: (any Cluster)?
      if !export {
        cluster = try context.cluster(global)
        // The namespace rules run again on connecting, as they always have (their warnings included).
        _ = try context.namespace(global)
      }
      let secret = try await request.build(ssh: LiveSSHTooling(environment: context.environment))
      if export {
        context.console.write(secret.exportText)
        return
      }
      if let publicKey = secret.publicKey {
        context.console.generate("deploy key: \(publicKey.trimming("\n"))")
      }
      guard let cluster else { return }
      try await SourceSecretWriter.upsert(secret, in: cluster)
      context.console.action("git secret '\(name)' created in '\(namespace)' namespace")
    }
  }
}
