import TackBase
import TackJSON

/// Where `tack secrets seal` and `fetch-cert` get the Sealed Secrets controller's certificate
/// from the cluster, as kubeseal does: through the API server's service proxy,
/// `/api/v1/namespaces/NS/services/http:NAME:PORT/proxy/v1/cert.pem`, PORT being the name of the
/// Service's first port (usually empty).
public struct SealingCertificateSource: Sendable, Equatable {
  /// The controller's Service and its namespace.
  public var service: String
  public var namespace: String

  public init(service: String, namespace: String) {
    self.service = service
    self.namespace = namespace
  }

  /// The certificate's PEM text.
  public func fetch(from cluster: any Cluster) async throws -> String {
    guard let found = try await cluster.get(.service, namespace: namespace, name: service) else {
      throw CommandError(
        "cannot get the sealed secrets service \(namespace)/\(service): not found; pass --controller-name and --controller-namespace (or --cert FILE)",
        exitStatus: .notFound)
    }
    let port = found[path: "spec", "ports"]?[0]?["name"]?.stringValue ?? ""
    let response = try await cluster.proxy(
      ServiceProxyRequest(
        namespace: namespace, service: service, scheme: "http", port: port, path: "/v1/cert.pem",
        headers: [.init("Accept", "application/x-pem-file, */*")]))
    guard response.isSuccess else {
      throw CommandError(
        "cannot fetch the certificate from \(namespace)/\(service): the controller answered HTTP \(response.status); fetch it once with `tack secrets fetch-cert` where it works and seal with --cert")
    }
    return response.body
  }
}
