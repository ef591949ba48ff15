import TackBase
import TackHTTP
import TackJSON
import TackCore
import TackKube
import TackSecrets

/// The cluster-facing parts of the secrets commands: the Secret Flux reads age keys from, and the
/// Sealed Secrets certificate fetched through the API server's service proxy.
enum SecretsCluster {
  /// The data key Flux's kustomize-controller reads age identities from must end in `.agekey`.
  static let ageKeyEntry = "age.agekey"
  static let fieldManager = "tack"

  /// kubeseal's namespace for a Secret that has none: `-n`, else the kubeconfig context's
  /// namespace, else `default`.
  static func defaultNamespace(global: GlobalOptions, context: CommandContext) -> String {
    KubeConnector(options: global, context: context).kubesealNamespace()
  }

  /// GETs an `http(s)://` URL (kubeseal's `--cert https://…`), verifying TLS with the system roots.
  static func download(_ url: String, global: GlobalOptions, context: CommandContext) async throws -> String {
    let parts = url.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].hasSuffix(":"), parts[1].isEmpty else { throw CommandError("--cert \(url): not a URL") }
    let rest = parts[2]
    let slash = rest.firstIndex(of: "/") ?? rest.endIndex
    let origin = String(parts[0]) + "//" + String(rest[..<slash])
    let path = slash == rest.endIndex ? "/" : String(rest[slash...])
    let server: ServerURL
    do {
      server = try ServerURL(parsing: origin)
    } catch {
      throw CommandError("--cert \(url): not a valid URL", exitStatus: .usage)
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
      throw CommandError("cannot fetch \(url): \(KubeTransportError(error))")
    } catch {
      throw CommandError("cannot fetch \(url): \(error)")
    }
    guard response.isSuccess else { throw CommandError("cannot fetch \(url): HTTP \(response.status)") }
    return response.bodyText
  }

  /// The controller's certificate through
  /// `/api/v1/namespaces/NS/services/http:NAME:PORT/proxy/v1/cert.pem`, PORT being the name of
  /// the Service's first port (usually empty), as kubeseal asks for it.
  static func fetchCertificate(controller: String, namespace: String, global: GlobalOptions, context: CommandContext) async throws -> String {
    let cluster = try context.cluster(global)
    guard let service = try await cluster.get(.service, namespace: namespace, name: controller) else {
      throw CommandError(
        "cannot get the sealed secrets service \(namespace)/\(controller): not found; pass --controller-name and --controller-namespace (or --cert FILE)",
        exitStatus: .notFound)
    }
    let port = service[path: "spec", "ports"]?[0]?["name"]?.stringValue ?? ""
    let response = try await cluster.proxy(
      ServiceProxyRequest(
        namespace: namespace, service: controller, scheme: "http", port: port, path: "/v1/cert.pem",
        headers: [.init("Accept", "application/x-pem-file, */*")]))
    guard response.isSuccess else {
      throw CommandError(
        "cannot fetch the certificate from \(namespace)/\(controller): the controller answered HTTP \(response.status); fetch it once with `tack secrets fetch-cert` where it works and seal with --cert")
    }
    return response.body
  }

  /// Creates or updates (server-side apply, field manager `tack`) the Secret holding the key file
  /// under `age.agekey`, and prints the Kustomization snippet that uses it.
  static func createKeySecret(keyFile: String, name: String, options: GlobalOptions, context: CommandContext, snippetToStdout: Bool)
    async throws
  {
    let namespace = try context.namespace(options)
    let cluster = try context.cluster(options)
    let secret: JSON = [
      "apiVersion": "v1", "kind": "Secret",
      "metadata": ["name": .string(name), "namespace": .string(namespace)],
      "data": .object([ageKeyEntry: .string(Base64.encode(Array(keyFile.utf8)))]),
    ]
    _ = try await cluster.patch(
      .secret, namespace: namespace, name: name, .apply(secret, fieldManager: fieldManager, force: true))
    context.console.success("Secret \(namespace)/\(name) configured with the age key under \(ageKeyEntry)")
    let snippet = """
      # In the Kustomization (namespace \(namespace)) that applies SOPS-encrypted manifests:
      spec:
        decryption:
          provider: sops
          secretRef:
            name: \(name)

      """
    if snippetToStdout {
      context.console.write(snippet)
    } else {
      context.console.note(snippet)
    }
  }
}
