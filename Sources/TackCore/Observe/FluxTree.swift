import TackBase
import TackJSON

/// `tree kustomization NAME`: what a Kustomization manages, from its `status.inventory`, with the
/// Kustomizations it manages expanded in turn and each HelmRelease expanded into the objects of
/// its installed release (read from Helm's storage Secret), as `flux tree` walks them. Beyond flux,
/// every Flux object in the tree carries its readiness, so the tree also answers "is it healthy".
///
/// ```swift
/// let root = try await FluxTree(cluster: cluster).kustomization("apps", namespace: "flux-system")
/// print(root.text(showStatus: true), terminator: "")
/// ```
public struct FluxTree: Sendable {
  public var cluster: any Cluster
  /// `--compact`: only objects of the toolkit.fluxcd.io groups.
  public var compact: Bool

  public init(cluster: any Cluster, compact: Bool = false) {
    self.cluster = cluster
    self.compact = compact
  }

  public func kustomization(_ name: String, namespace: String) async throws -> TreeNode {
    guard let object = try await cluster.get(ObjectKind(FluxKind.kustomization), namespace: namespace, name: name) else {
      throw ObjectNotFoundError.get(ObjectRef(kind: .kustomization, namespace: namespace, name: name))
    }
    return try await expandKustomization(object, depth: 0)
  }

  /// Kustomizations may manage each other in a cycle; the walk stops well before the stack does.
  static let maximumDepth = 64

  private func expandKustomization(_ object: JSON, depth: Int) async throws -> TreeNode {
    var node = TreeNode(identity: ObjectIdentity(object), readiness: Readiness(of: object))
    guard depth < Self.maximumDepth else { return node }
    let remote = object[path: "spec", "kubeConfig"] != nil
    for entry in Self.inventory(of: object) {
      try Task.checkCancellation()
      if compact && !entry.identity.group.contains("toolkit.fluxcd.io") { continue }
      node.children.append(try await child(entry.identity, version: entry.version, remote: remote, depth: depth))
    }
    return node
  }

  /// What a Kustomization's `status.inventory` lists, in its order, with the API version each
  /// object was applied as; unreadable ids and the Kustomization itself are left out. The one
  /// reading of the inventory: this walk and the dashboard's tree screen both use it.
  public static func inventory(of object: JSON) -> [(identity: ObjectIdentity, version: String)] {
    let own = ObjectIdentity(object)
    return (object[path: "status", "inventory", "entries"]?.arrayValue ?? []).compactMap { entry in
      guard let id = entry["id"]?.stringValue, let identity = ObjectIdentity(inventoryID: id), identity != own else {
        return nil
      }
      return (identity, entry["v"]?.stringValue ?? "")
    }
  }

  private func child(_ identity: ObjectIdentity, version: String, remote: Bool, depth: Int) async throws -> TreeNode {
    guard let kind = FluxKind.named(kind: identity.kind, group: identity.group) else {
      return TreeNode(identity: identity, readiness: nil)
    }
    // Objects in another cluster (spec.kubeConfig) cannot be read here: shown, not expanded.
    if remote { return TreeNode(identity: identity, readiness: .unknown) }
    let object = try await cluster.get(ObjectKind(kind), namespace: identity.namespace, name: identity.name)
    guard let object else {
      if kind == .kustomization {
        throw TreeError.missing(identity.subject)
      }
      return TreeNode(identity: identity, readiness: .unknown)
    }
    switch kind {
    case .kustomization: return try await expandKustomization(object, depth: depth + 1)
    case .helmRelease: return try await expandHelmRelease(object)
    default: return TreeNode(identity: identity, readiness: Readiness(of: object))
    }
  }

  private func expandHelmRelease(_ object: JSON) async throws -> TreeNode {
    var node = TreeNode(identity: ObjectIdentity(object), readiness: Readiness(of: object))
    guard object[path: "spec", "kubeConfig"] == nil, let storage = HelmReleaseManifest.storageSecret(of: object) else {
      return node
    }
    guard let secret = try await cluster.get(.secret, namespace: storage.namespace, name: storage.name) else {
      throw TreeError.missing("Secret/\(storage.namespace)/\(storage.name)")
    }
    let releaseNamespace = object[path: "status", "history"]?.arrayValue?.first?["namespace"]?.stringValue
      ?? object[path: "spec", "targetNamespace"]?.stringValue ?? node.identity.namespace
    do {
      for identity in try HelmReleaseManifest.objects(secret: secret, releaseNamespace: releaseNamespace)
      where !compact || identity.group.contains("toolkit.fluxcd.io") {
        node.children.append(TreeNode(identity: identity, readiness: nil))
      }
    } catch {
      throw TreeError.helmStorage(object: node.identity.subject, reason: error.description)
    }
    return node
  }
}

/// One object in the tree.
public struct TreeNode: Sendable, Equatable {
  public var identity: ObjectIdentity
  /// For Flux objects; nil for the others (flux's tree says nothing of them either).
  public var readiness: Readiness?
  public var children: [TreeNode] = []

  public init(identity: ObjectIdentity, readiness: Readiness?, children: [TreeNode] = []) {
    self.identity = identity
    self.readiness = readiness
    self.children = children
  }

  /// `--failed`: only the branches that lead to a Flux object that is not Ready (the root stays).
  public func failedBranches() -> TreeNode {
    var copy = self
    copy.children = children.compactMap { $0.prunedToFailures() }
    return copy
  }

  private func prunedToFailures() -> TreeNode? {
    let kept = children.compactMap { $0.prunedToFailures() }
    guard readiness == .failed || !kept.isEmpty else { return nil }
    var copy = self
    copy.children = kept
    return copy
  }

  /// flux's drawing: the root, then `├── `/`└── ` branches with `│   ` or four spaces under them,
  /// and an empty line at the end; ` (Ready)` and the like after Flux objects with `showStatus`.
  public func text(showStatus: Bool) -> String {
    var out = line(showStatus) + "\n"
    appendChildren(to: &out, prefix: "", showStatus: showStatus)
    return out + "\n"
  }

  private func line(_ showStatus: Bool) -> String {
    guard showStatus, let readiness else { return identity.subject }
    return "\(identity.subject) (\(readiness.rawValue))"
  }

  private func appendChildren(to out: inout String, prefix: String, showStatus: Bool) {
    for (index, child) in children.enumerated() {
      let last = index == children.count - 1
      out += prefix + (last ? "└── " : "├── ") + child.line(showStatus) + "\n"
      child.appendChildren(to: &out, prefix: prefix + (last ? "    " : "│   "), showStatus: showStatus)
    }
  }

  /// flux's JSON shape (Go field names, as its struct has no tags), plus `Status` on Flux objects.
  public func document(showStatus: Bool) -> JSON {
    var resource: JSON = [
      "Namespace": .string(identity.namespace), "Name": .string(identity.name),
      "GroupKind": ["Group": .string(identity.group), "Kind": .string(identity.kind)],
    ]
    if showStatus, let readiness { resource["Status"] = .string(readiness.rawValue) }
    var document: JSON = ["resource": resource]
    if !children.isEmpty { document["resources"] = .array(children.map { $0.document(showStatus: showStatus) }) }
    return document
  }
}

/// Whether a Flux object is healthy, as one word.
public enum Readiness: String, Sendable, Codable {
  case ready = "Ready"
  case failed = "Failed"
  case suspended = "Suspended"
  case unknown = "Unknown"

  public init(of object: JSON) {
    if object[path: "spec", "suspend"]?.boolValue == true {
      self = .suspended
      return
    }
    let ready = object[path: "status", "conditions"]?.arrayValue?.first { $0["type"]?.stringValue == "Ready" }
    switch ready?["status"]?.stringValue {
    case "True": self = .ready
    case "False": self = .failed
    default: self = .unknown
    }
  }
}

public enum TreeError: TackError, Equatable {
  case missing(String)
  case helmStorage(object: String, reason: String)

  public var description: String {
    switch self {
    case .missing(let subject): "failed to find object: \(subject) not found"
    case .helmStorage(let object, let reason): "failed to read the release of \(object): \(reason)"
    }
  }
}
