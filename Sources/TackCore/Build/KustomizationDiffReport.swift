import TackJSON

/// Everything `diff ks` found for one Kustomization: each object's outcome, the objects that
/// would be pruned, and the per-object errors; printed as flux prints it, or as data.
public struct KustomizationDiffReport: Sendable {
  /// An inventory entry the new build no longer produces.
  public struct PrunedObject: Sendable, Codable, Equatable {
    public var identity: ObjectIdentity
    public var version: String
    public var subject: String { identity.subject }
  }

  public var name: String
  public var namespace: String
  public var objects: [ObjectDiff]
  /// Per-object failures (flux still prints every other object).
  public var errors: [String]
  /// Only with `spec.prune`, a stored inventory and no errors.
  public var pruned: [PrunedObject]

  /// `objects` in build order; `errors` the messages of objects whose dry-run failed.
  public init(kustomization: FluxKustomization, objects: [ObjectDiff], errors: [String]) throws(FluxDiffError) {
    name = kustomization.name
    namespace = kustomization.namespace
    self.objects = objects
    self.errors = errors
    pruned = []
    if kustomization.prune, errors.isEmpty, let inventory = kustomization.inventory {
      pruned = try Self.stale(inventory, current: Set(objects.map(\.identity)))
    }
  }

  /// Inventory entries missing from the new set, in kustomize-controller's apply order.
  static func stale(_ inventory: [FluxKustomization.InventoryEntry], current: Set<ObjectIdentity>) throws(FluxDiffError)
    -> [PrunedObject]
  {
    var result: [PrunedObject] = []
    var seen = Set<ObjectIdentity>()
    for entry in inventory {
      guard let identity = ObjectIdentity(inventoryID: entry.id) else {
        throw FluxDiffError("unable to parse stored object metadata: \(entry.id)")
      }
      if current.contains(identity) || !seen.insert(identity).inserted { continue }
      result.append(PrunedObject(identity: identity, version: entry.version))
    }
    return result.sorted { ApplyOrder.less($0.identity, $1.identity) }
  }

  /// Something would be created, changed or deleted (flux exits 1).
  public var hasChanges: Bool {
    objects.contains { $0.action == .created || $0.action == .drifted } || !pruned.isEmpty
  }

  /// flux's stdout.
  public var text: String {
    objects.map(\.text).joined() + pruned.map { "► \($0.subject) deleted\n" }.joined()
  }

  /// The per-object errors as one error, worded as flux aggregates them.
  public var error: FluxDiffError? {
    switch errors.count {
    case 0: nil
    case 1: FluxDiffError(errors[0])
    default: FluxDiffError("[" + errors.joined(separator: ", ") + "]")
    }
  }

  /// `-o json`: a stable shape for bots.
  public struct Document: Sendable, Codable, Equatable {
    public struct Object: Sendable, Codable, Equatable {
      public var subject: String
      public var apiVersion: String
      public var kind: String
      public var namespace: String?
      public var name: String
      public var action: ObjectDiff.Action
      public var changes: [FieldChange]?
    }

    public struct Pruned: Sendable, Codable, Equatable {
      public var subject: String
      public var apiVersion: String
      public var kind: String
      public var namespace: String?
      public var name: String
    }

    public var kustomization: String
    public var changed: Bool
    public var objects: [Object]
    public var pruned: [Pruned]
    public var errors: [String]
  }

  public var document: Document {
    Document(
      kustomization: namespace.isEmpty ? name : "\(namespace)/\(name)", changed: hasChanges,
      objects: objects.map { diff in
        let group = diff.identity.group
        return Document.Object(
          subject: diff.subject, apiVersion: group.isEmpty ? diff.version : "\(group)/\(diff.version)",
          kind: diff.identity.kind, namespace: diff.identity.namespace.isEmpty ? nil : diff.identity.namespace,
          name: diff.identity.name, action: diff.action, changes: diff.action == .drifted ? diff.changes : nil)
      },
      pruned: pruned.map {
        Document.Pruned(
          subject: $0.subject, apiVersion: $0.identity.group.isEmpty ? $0.version : "\($0.identity.group)/\($0.version)",
          kind: $0.identity.kind,
          namespace: $0.identity.namespace.isEmpty ? nil : $0.identity.namespace, name: $0.identity.name)
      },
      errors: errors)
  }
}

/// fluxcd/pkg ssa's reconcile order: CRDs and namespaces first, webhooks last, then group, kind,
/// namespace and name.
enum ApplyOrder {
  static let first = [
    "CustomResourceDefinition", "Namespace", "ClusterRole", "ClusterClass", "RuntimeClass", "PriorityClass", "StorageClass",
    "VolumeSnapshotClass", "IngressClass", "GatewayClass", "ClusterRoleBinding", "ResourceQuota", "ServiceAccount", "Role",
    "RoleBinding", "ConfigMap", "Secret", "Service", "LimitRange", "Deployment", "StatefulSet", "CronJob",
    "PodDisruptionBudget",
  ]
  static let last = ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"]

  static func rank(_ kind: String) -> Int {
    if let index = first.firstIndex(of: kind) { return index - first.count }
    if let index = last.firstIndex(of: kind) { return index + 1 }
    return 0
  }

  static func less(_ a: ObjectIdentity, _ b: ObjectIdentity) -> Bool {
    func bytes(_ x: String, _ y: String) -> Bool { x.utf8.lexicographicallyPrecedes(y.utf8) }
    if a.group != b.group || a.kind != b.kind {
      let ra = rank(a.kind)
      let rb = rank(b.kind)
      if ra != rb { return ra < rb }
      if a.group != b.group { return bytes(a.group, b.group) }
      return bytes(a.kind, b.kind)
    }
    if a.namespace != b.namespace { return bytes(a.namespace, b.namespace) }
    return bytes(a.name, b.name)
  }
}
