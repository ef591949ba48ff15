import TackBase
import TackJSON

/// What `tack version` reports, in flux's shape: the client first, then (unless `--client`) the API
/// server, the Flux version and distribution read from the GitRepository CRD's labels, and one entry
/// per container image of the Flux and Flagger Deployments (`name: tag`, keys sorted).
public struct VersionReport: Sendable, Hashable {
  public var client: String
  public var server: String?
  public var flux: String?
  public var distribution: String?
  /// Image name → tag, e.g. `kustomize-controller` → `v1.9.4`.
  public var components: [String: String]

  public init(client: String, server: String? = nil, flux: String? = nil, distribution: String? = nil, components: [String: String] = [:]) {
    self.client = client
    self.server = server
    self.flux = flux
    self.distribution = distribution
    self.components = components
  }

  public var json: JSON {
    var object = JSONObject()
    object.appendUnchecked("tack", .string(client))
    if let server { object.appendUnchecked("server", .string(server)) }
    if let flux { object.appendUnchecked("flux", .string(flux)) }
    if let distribution { object.appendUnchecked("distribution", .string(distribution)) }
    for key in components.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) where object[key] == nil {
      object.appendUnchecked(key, .string(components[key] ?? ""))
    }
    return .object(object)
  }

  /// flux's YAML: keys in report order.
  public var yaml: String { json.yaml(.ordered) }
  /// flux's JSON: a flat object, keys sorted, two-space indent.
  public var jsonText: String {
    json.serialized(JSONWriteOptions(indent: "  ", sortKeys: true, escapeHTML: true)) + "\n"
  }

  /// Adds every container image of these Deployments.
  public mutating func addImages(of deployments: [JSON]) throws(ImageReferenceError) {
    for deployment in deployments {
      let containers = deployment[path: "spec", "template", "spec", "containers"]?.arrayValue ?? []
      for container in containers {
        guard let image = container["image"]?.stringValue else { continue }
        let (name, tag) = try Self.splitImage(image)
        components[name] = tag
      }
    }
  }

  /// `ghcr.io/fluxcd/source-controller:v1.9.1` → (`source-controller`, `v1.9.1`), as flux splits
  /// images: the registry (a first component with `.` or `:`, or `localhost`) is dropped, the name
  /// is the last path component, the tag everything after the first `:` (a digest stays attached).
  public static func splitImage(_ image: String) throws(ImageReferenceError) -> (name: String, tag: String) {
    var components = image.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    if components.count > 1, let first = components.first,
      first.contains(".") || first.contains(":") || first == "localhost"
    {
      components.removeFirst()
    }
    let repository = components.joined(separator: "/")
    guard let colon = repository.firstIndex(of: ":") else {
      throw ImageReferenceError(image: image)
    }
    let path = repository[..<colon]
    let tag = String(repository[repository.index(after: colon)...])
    guard !tag.isEmpty else { throw ImageReferenceError(image: image) }
    let name = path.split(separator: "/").last.map(String.init) ?? String(path)
    return (name, tag)
  }
}

public struct ImageReferenceError: TackError, Equatable {
  public var image: String
  public init(image: String) { self.image = image }
  public var description: String { "missing image tag in image \(image)" }
}

/// `tack version` against a cluster.
public struct ReadVersions: Sendable {
  public let cluster: any Cluster
  public init(cluster: any Cluster) { self.cluster = cluster }

  static let customResourceDefinition = ObjectKind(
    apiVersion: "apiextensions.k8s.io/v1", kind: "CustomResourceDefinition")
  static let deployment = ObjectKind(apiVersion: "apps/v1", kind: "Deployment")

  /// The labels of a CustomResourceDefinition; `nil` when it does not exist.
  func crdLabels(_ name: String) async throws -> [String: String]? {
    guard let crd = try await cluster.get(Self.customResourceDefinition, namespace: nil, name: name) else {
      return nil
    }
    var labels: [String: String] = [:]
    for member in crd[path: "metadata", "labels"]?.objectValue ?? JSONObject() {
      if let text = member.value.stringValue { labels[member.key] = text }
    }
    return labels
  }

  /// Deployments matching a label selector, in a namespace or (`nil`) all of them.
  func deployments(namespace: String?, labelSelector: String) async throws -> [JSON] {
    try await cluster.list(Self.deployment, ListScope(namespace: namespace, labelSelector: labelSelector)).items
  }

  public func run(client: String, namespace: String) async throws -> VersionReport {
    var report = VersionReport(client: client)
    report.server = try await cluster.serverVersion()
    if let labels = try await crdLabels("gitrepositories.source.toolkit.fluxcd.io") {
      if let version = labels["app.kubernetes.io/version"], !version.isEmpty {
        report.flux = version
        let partOf = labels["app.kubernetes.io/part-of"] ?? ""
        report.distribution = partOf.isEmpty ? version : "\(partOf)-\(version)"
      }
    }
    let flux = try await deployments(namespace: namespace, labelSelector: "app.kubernetes.io/part-of=flux")
    try report.addImages(of: flux)
    // Flagger lives in its own namespace (flagger-system, istio-system, …); reading it is best
    // effort: a user allowed to read flux-system only still gets the Flux versions.
    for selector in ["app.kubernetes.io/name=flagger", "app=flagger"] {
      if let flagger = try? await deployments(namespace: nil, labelSelector: selector) {
        try report.addImages(of: flagger)
      }
    }
    if flux.isEmpty && report.components.isEmpty {
      throw GetNotFoundError("no deployments found in \(namespace) namespace")
    }
    return report
  }
}
