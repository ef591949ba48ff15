import TackBase
import TackCore
import TackHTTP
import TackKube

/// Where the secrets commands meet the cluster and the network: kubeseal's default namespace, the
/// certificate downloaded from a URL, and the cluster use cases (`AgeKeySecret`,
/// `SealingCertificateSource`) with what they print.
enum SecretsCluster {
  /// kubeseal's namespace for a Secret that has none: `-n`, else the kubeconfig context's
  /// namespace, else `default`.
  static func defaultNamespace(global: GlobalOptions, context: CommandContext) -> String {
    KubeConnector(options: global, context: context).kubesealNamespace()
  }

  /// GETs an `https://` URL (kubeseal's `--cert https://…`), verifying TLS with the system roots.
  static func download(_ url: String, global: GlobalOptions, context: CommandContext) async throws -> String {
    // Messages name the URL without any password in it.
    let shown = URLPasswordRedaction.redacting(url)
    // The certificate decides who can read every secret sealed with it: fetched over plain HTTP,
    // anyone on the path could hand over their own key and read them all.
    guard url.lowercased().hasPrefix("https://") else {
      throw CommandError(
        "--cert \(shown): refusing to fetch the sealing certificate over plain http; use an https:// URL or a file",
        exitStatus: .usage)
    }
    let parts = url.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].hasSuffix(":"), parts[1].isEmpty else { throw CommandError("--cert \(shown): not a URL") }
    let rest = parts[2]
    let slash = rest.firstIndex(of: "/") ?? rest.endIndex
    let origin = String(parts[0]) + "//" + String(rest[..<slash])
    let path = slash == rest.endIndex ? "/" : String(rest[slash...])
    let server: ServerURL
    do {
      server = try ServerURL(parsing: origin)
    } catch {
      throw CommandError("--cert \(shown): not a valid URL", exitStatus: .usage)
    }
    // One attempt, system roots, tack's user agent: what kubeseal's --cert download does.
    let client = HTTPClient(
      configuration: HTTPClient.Configuration(userAgent: ClientConfig.defaultUserAgent, retry: .never))
    let response: HTTPResponse
    do {
      response = try await client.send(
        HTTPRequest(
          url: server.url(for: path), headers: [("Accept", "application/x-pem-file, */*")], timeout: .seconds(30)))
    } catch let error as HTTPTransportError {
      // Worded as before TackHTTP existed, when this download went through the Kubernetes transport.
      throw CommandError("cannot fetch \(shown): \(KubeTransportError(error))")
    } catch {
      throw CommandError("cannot fetch \(shown): \(error)")
    }
    guard response.isSuccess else { throw CommandError("cannot fetch \(shown): HTTP \(response.status)") }
    return response.bodyText
  }

  /// The controller's certificate through the API server's service proxy.
  static func fetchCertificate(controller: String, namespace: String, global: GlobalOptions, context: CommandContext) async throws -> String {
    let cluster = try context.cluster(global)
    return try await SealingCertificateSource(service: controller, namespace: namespace).fetch(from: cluster)
  }

  /// Creates or updates (server-side apply, field manager `tack`) the Secret holding the key file
  /// under `age.agekey`, and prints the Kustomization snippet that uses it.
  static func createKeySecret(keyFile: String, name: String, options: GlobalOptions, context: CommandContext, snippetToStdout: Bool)
    async throws
  {
    let namespace = try context.namespace(options)
    let cluster = try context.cluster(options)
    let secret = AgeKeySecret(namespace: namespace, name: name)
    try await secret.apply(keyFile: keyFile, to: cluster)
    context.console.success("Secret \(namespace)/\(name) configured with the age key under \(AgeKeySecret.entry)")
    if snippetToStdout {
      context.console.write(secret.kustomizationSnippet)
    } else {
      context.console.note(secret.kustomizationSnippet)
    }
  }
}
