import TackBase
import TackJSON

/// `trace`: which Kustomization or HelmRelease manages an object, found through the
/// `kustomize.toolkit.fluxcd.io/name|namespace` labels (then Helm's) on the object or on its owners,
/// and that manager's source, reported as `flux trace` reports them.
///
/// ```swift
/// let report = try await FluxTrace(cluster: cluster).trace(.init(apiVersion: "apps/v1", kind: "Deployment"), name: "web", namespace: "apps")
/// print(report, terminator: "")
/// ```
public struct FluxTrace: Sendable {
  public var cluster: any Cluster

  public init(cluster: any Cluster) { self.cluster = cluster }

  /// Owners may point at each other; the walk up stops long before that matters.
  static let maximumOwnerDepth = 16

  public func trace(_ type: ObjectKind, name: String, namespace: String?) async throws -> String {
    guard let object = try await cluster.get(type, namespace: namespace, name: name) else {
      throw ObjectNotFoundError("\(type.kind) \"\(name)\" not found" + (namespace.map { " in namespace \($0)" } ?? ""))
    }
    if let manager = try await manager(of: object, group: "kustomize.toolkit.fluxcd.io", depth: 0) {
      return try await kustomizationReport(object, manager: manager)
    }
    if let manager = try await manager(of: object, group: "helm.toolkit.fluxcd.io", depth: 0) {
      return try await helmReport(object, manager: manager)
    }
    throw TraceError.notManaged
  }

  /// The `<group>/name` and `/namespace` labels of the object, or of the first owner up the chain
  /// that has them (owners are in the object's namespace).
  private func manager(of object: JSON, group: String, depth: Int) async throws -> (namespace: String, name: String)? {
    let labels = object[path: "metadata", "labels"]
    if let name = labels?["\(group)/name"]?.stringValue, !name.isEmpty {
      return (labels?["\(group)/namespace"]?.stringValue ?? "", name)
    }
    guard depth < Self.maximumOwnerDepth else { return nil }
    for owner in object[path: "metadata", "ownerReferences"]?.arrayValue ?? [] {
      guard let apiVersion = owner["apiVersion"]?.stringValue, let kind = owner["kind"]?.stringValue,
        let name = owner["name"]?.stringValue
      else { continue }
      let namespace = object[path: "metadata", "namespace"]?.stringValue
      guard let parent = try? await cluster.get(ObjectKind(apiVersion: apiVersion, kind: kind), namespace: namespace, name: name)
      else { return nil }
      return try await manager(of: parent, group: group, depth: depth + 1)
    }
    return nil
  }

  // MARK: reports

  private func objectBlock(_ object: JSON, width: Int) -> TraceBlock {
    var block = TraceBlock(width: width)
    block.add("Object", "\(object["kind"]?.stringValue ?? "")/\(object[path: "metadata", "name"]?.stringValue ?? "")")
    if let namespace = object[path: "metadata", "namespace"]?.stringValue, !namespace.isEmpty {
      block.add("Namespace", namespace)
    }
    block.add("Status", "Managed by Flux")
    return block
  }

  private func kustomizationReport(_ object: JSON, manager: (namespace: String, name: String)) async throws -> String {
    guard let ks = try await cluster.get(ObjectKind(FluxKind.kustomization), namespace: manager.namespace, name: manager.name)
    else { throw TraceError.missing("kustomization", "\(manager.namespace)/\(manager.name)") }
    var blocks = [objectBlock(object, width: 17)]
    var block = TraceBlock(width: 17)
    block.add("Kustomization", manager.name)
    block.add("Namespace", manager.namespace)
    if let target = ks[path: "spec", "targetNamespace"]?.stringValue, !target.isEmpty { block.add("Target", target) }
    block.add("Path", ks[path: "spec", "path"]?.stringValue ?? "")
    block.add("Revision", ks[path: "status", "lastAppliedRevision"]?.stringValue ?? "")
    block.addStatus(Self.ready(ks), failedWording: false)
    blocks.append(block)
    let sourceKind = ks[path: "spec", "sourceRef", "kind"]?.stringValue ?? ""
    let sourceName = ks[path: "spec", "sourceRef", "name"]?.stringValue ?? ""
    let sourceNamespace = ks[path: "spec", "sourceRef", "namespace"]?.stringValue ?? manager.namespace
    switch sourceKind {
    case "GitRepository":
      blocks.append(try await gitRepositoryBlock(sourceNamespace, sourceName, width: 17))
    case "OCIRepository":
      blocks.append(try await ociRepositoryBlock(sourceNamespace, sourceName))
    default:
      break
    }
    return Self.render(blocks)
  }

  private func helmReport(_ object: JSON, manager: (namespace: String, name: String)) async throws -> String {
    guard let hr = try await cluster.get(ObjectKind(FluxKind.helmRelease), namespace: manager.namespace, name: manager.name)
    else { throw TraceError.missing("HelmRelease", "\(manager.namespace)/\(manager.name)") }
    var blocks = [objectBlock(object, width: 16)]
    var block = TraceBlock(width: 16)
    block.add("HelmRelease", manager.name)
    block.add("Namespace", manager.namespace)
    if let target = hr[path: "spec", "targetNamespace"]?.stringValue, !target.isEmpty { block.add("Target", target) }
    block.add("Revision", hr[path: "status", "lastAttemptedRevision"]?.stringValue ?? "")
    block.addStatus(Self.ready(hr), failedWording: false)
    blocks.append(block)
    if let chart = hr[path: "status", "helmChart"]?.stringValue, !chart.isEmpty {
      let parts = chart.split(separator: "/", maxSplits: 1).map(String.init)
      let (namespace, name) = parts.count == 2 ? (parts[0], parts[1]) : (manager.namespace, chart)
      guard let helmChart = try await cluster.get(ObjectKind(FluxKind.helmChart), namespace: namespace, name: name) else {
        throw TraceError.missing("HelmChart", "\(namespace)/\(name)")
      }
      var chartBlock = TraceBlock(width: 16)
      chartBlock.add("HelmChart", name)
      chartBlock.add("Namespace", namespace)
      chartBlock.add("Chart", helmChart[path: "spec", "chart"]?.stringValue ?? "")
      chartBlock.add("Version", helmChart[path: "spec", "version"]?.stringValue ?? "")
      if let revision = helmChart[path: "status", "artifact", "revision"]?.stringValue { chartBlock.add("Revision", revision) }
      chartBlock.addStatus(Self.ready(helmChart), failedWording: false)
      blocks.append(chartBlock)
    }
    let sourceRef = hr[path: "spec", "chart", "spec", "sourceRef"]
    let sourceNamespace = sourceRef?["namespace"]?.stringValue ?? manager.namespace
    let sourceName = sourceRef?["name"]?.stringValue ?? ""
    switch sourceRef?["kind"]?.stringValue {
    case "HelmRepository":
      guard let repository = try await cluster.get(ObjectKind(FluxKind.helmRepository), namespace: sourceNamespace, name: sourceName)
      else { throw TraceError.missing("HelmRepository", "\(sourceNamespace)/\(sourceName)") }
      var repositoryBlock = TraceBlock(width: 16)
      repositoryBlock.add("HelmRepository", sourceName)
      repositoryBlock.add("Namespace", sourceNamespace)
      repositoryBlock.add("URL", repository[path: "spec", "url"]?.stringValue ?? "")
      if let revision = repository[path: "status", "artifact", "revision"]?.stringValue {
        repositoryBlock.add("Revision", revision)
      }
      repositoryBlock.addStatus(Self.ready(repository), failedWording: false)
      blocks.append(repositoryBlock)
    case "GitRepository":
      blocks.append(try await gitRepositoryBlock(sourceNamespace, sourceName, width: 15))
    default:
      if let chartRef = hr[path: "spec", "chartRef"], chartRef["kind"]?.stringValue == "OCIRepository" {
        blocks.append(
          try await ociRepositoryBlock(
            chartRef["namespace"]?.stringValue ?? manager.namespace, chartRef["name"]?.stringValue ?? ""))
      }
    }
    return Self.render(blocks)
  }

  private func gitRepositoryBlock(_ namespace: String, _ name: String, width: Int) async throws -> TraceBlock {
    guard let repository = try await cluster.get(ObjectKind(FluxKind.gitRepository), namespace: namespace, name: name) else {
      throw TraceError.missing("GitRepository", "\(namespace)/\(name)")
    }
    var block = TraceBlock(width: width)
    block.add("GitRepository", name)
    block.add("Namespace", namespace)
    block.add("URL", repository[path: "spec", "url"]?.stringValue ?? "")
    let reference = repository[path: "spec", "ref"]
    if let tag = reference?["tag"]?.stringValue ?? reference?["semver"]?.stringValue {
      block.add("Tag", tag)
    } else if let branch = reference?["branch"]?.stringValue {
      block.add("Branch", branch)
    }
    if let revision = repository[path: "status", "artifact", "revision"]?.stringValue { block.add("Revision", revision) }
    block.addStatus(Self.ready(repository), failedWording: true)
    return block
  }

  private func ociRepositoryBlock(_ namespace: String, _ name: String) async throws -> TraceBlock {
    guard let repository = try await cluster.get(ObjectKind(FluxKind.ociRepository), namespace: namespace, name: name) else {
      throw TraceError.missing("OCIRepository", "\(namespace)/\(name)")
    }
    var block = TraceBlock(width: 17)
    block.add("OCIRepository", name)
    block.add("Namespace", namespace)
    block.add("URL", repository[path: "spec", "url"]?.stringValue ?? "")
    let reference = repository[path: "spec", "ref"]
    if let tag = reference?["tag"]?.stringValue ?? reference?["semver"]?.stringValue {
      block.add("Tag", tag)
    } else if let digest = reference?["digest"]?.stringValue {
      block.add("Digest", digest)
    }
    if let artifact = repository[path: "status", "artifact"] {
      block.add("Revision", artifact["revision"]?.stringValue ?? "")
      let metadata = artifact["metadata"]
      if let revision = metadata?["org.opencontainers.image.revision"]?.stringValue {
        block.add("Origin Revision", revision)
      }
      if let source = metadata?["org.opencontainers.image.source"]?.stringValue { block.add("Origin Source", source) }
    }
    block.addStatus(Self.ready(repository), failedWording: true)
    return block
  }

  static func ready(_ object: JSON) -> JSON? {
    object[path: "status", "conditions"]?.arrayValue?.first { $0["type"]?.stringValue == "Ready" }
  }

  /// An empty line, then the blocks separated by `---` lines.
  static func render(_ blocks: [TraceBlock]) -> String {
    "\n" + blocks.map(\.text).joined(separator: "---\n")
  }
}

/// `Label:` padded to the report's column, one per line.
struct TraceBlock {
  var width: Int
  var lines: [String] = []

  init(width: Int) { self.width = width }

  mutating func add(_ label: String, _ value: String) {
    let head = label + ":"
    lines.append(head + String(repeating: " ", count: max(1, width - head.count)) + value)
  }

  /// `Status:` and `Message:` from a Ready condition, or `Status: Unknown` without one. Sources
  /// say "failed" when Ready is False.
  mutating func addStatus(_ ready: JSON?, failedWording: Bool) {
    guard let ready else {
      add("Status", "Unknown")
      return
    }
    let time = ready["lastTransitionTime"]?.stringValue.flatMap(RFC3339Time.init).map(Self.goTime) ?? ""
    let failed = failedWording && ready["status"]?.stringValue == "False"
    add("Status", (failed ? "Last reconciliation failed at " : "Last reconciled at ") + time)
    add("Message", ready["message"]?.stringValue ?? "")
  }

  var text: String { lines.map { $0 + "\n" }.joined() }

  /// Go's default time text, in UTC: `2021-07-16 15:42:20 +0000 UTC`.
  static func goTime(_ time: RFC3339Time) -> String {
    let stamp = time.rfc3339  // 2021-07-16T15:42:20Z
    let date = stamp.prefix(10)
    let clock = stamp.dropFirst(11).prefix(8)
    return "\(date) \(clock) +0000 UTC"
  }
}

public enum TraceError: TackError, Equatable {
  case notManaged
  case missing(String, String)

  public var exitStatus: ExitStatus {
    switch self {
    case .notManaged: .notFound
    case .missing: .notFound
    }
  }

  public var description: String {
    switch self {
    case .notManaged: "object not managed by Flux"
    case .missing(let kind, let name): "failed to find \(kind): \(name) not found"
    }
  }
}
