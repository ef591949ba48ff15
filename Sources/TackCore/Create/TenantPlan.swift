import TackBase
import TackJSON

/// `create tenant`: per namespace, the Namespace (unless skipped), a ServiceAccount and a
/// RoleBinding granting the cluster role to that account and to flux's impersonation user
/// `gotk:<ns>:reconciler`, all labelled with the tenant.
public struct TenantPlan: Sendable, Equatable {
  public var tenant: String
  public var namespaces: [String]
  public var clusterRole: String
  public var serviceAccount: String
  public var skipNamespace: Bool
  public var labels: [String: String]

  public static let tenantLabel = "toolkit.fluxcd.io/tenant"

  public init(
    tenant: String, namespaces: [String], clusterRole: String = "cluster-admin", serviceAccount: String = "",
    skipNamespace: Bool = false, labels: [String: String] = [:]
  ) throws(CreateError) {
    guard CreateInputs.isQualifiedName(tenant) else { throw CreateError("invalid tenant name '\(tenant)': not a qualified name") }
    guard !clusterRole.isEmpty else { throw CreateError("--cluster-role is required") }
    let namespaces = CreateInputs.splitList(namespaces)
    guard !namespaces.isEmpty else { throw CreateError("--with-namespace is required") }
    for namespace in namespaces where !CreateInputs.isQualifiedName(namespace) {
      throw CreateError("--with-namespace: invalid namespace '\(namespace)': not a qualified name")
    }
    let account = serviceAccount.isEmpty ? tenant : serviceAccount
    guard CreateInputs.isQualifiedName(account) else {
      throw CreateError("--with-service-account: invalid service-account name '\(account)': not a qualified name")
    }
    self.tenant = tenant
    self.namespaces = namespaces
    self.clusterRole = clusterRole
    self.serviceAccount = account
    self.skipNamespace = skipNamespace
    var labels = labels
    labels[Self.tenantLabel] = tenant
    self.labels = labels
  }

  public var roleBindingName: String { "\(tenant)-reconciler" }

  var labelObject: JSON {
    .object(JSONObject(labels.sorted { $0.key < $1.key }.map { .init(key: $0.key, value: .string($0.value)) }))
  }

  /// The objects in flux's order: per namespace, Namespace, ServiceAccount, RoleBinding.
  public var manifests: [JSON] {
    namespaces.flatMap { namespace -> [JSON] in
      var objects: [JSON] = []
      if !skipNamespace {
        objects.append(["apiVersion": "v1", "kind": "Namespace", "metadata": ["labels": labelObject, "name": .string(namespace)]])
      }
      objects.append([
        "apiVersion": "v1", "kind": "ServiceAccount",
        "metadata": ["labels": labelObject, "name": .string(serviceAccount), "namespace": .string(namespace)],
      ])
      objects.append(roleBinding(in: namespace))
      return objects
    }
  }

  func roleBinding(in namespace: String) -> JSON {
    [
      "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding",
      "metadata": ["labels": labelObject, "name": .string(roleBindingName), "namespace": .string(namespace)],
      "roleRef": ["apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": .string(clusterRole)],
      "subjects": [
        ["apiGroup": "rbac.authorization.k8s.io", "kind": "User", "name": .string("gotk:\(namespace):reconciler")],
        ["kind": "ServiceAccount", "name": .string(serviceAccount), "namespace": .string(namespace)],
      ],
    ]
  }

  /// What the tenant will be allowed to do, said before anything is applied.
  public var grantSummary: [String] {
    namespaces.map { namespace in
      "tenant \(tenant) gets ClusterRole \(clusterRole) in namespace \(namespace) (ServiceAccount \(serviceAccount), User gotk:\(namespace):reconciler)"
    }
  }
}

/// Applies a ``TenantPlan`` as flux does: Namespaces and ServiceAccounts created, or their labels
/// set when the tenant's are not already there; RoleBindings created, or deleted and re-created when
/// subjects, role or labels differ (a roleRef cannot be changed in place).
public struct TenantApplier: Sendable {
  public var cluster: any Cluster
  public var progress: any ProgressReporter

  public init(cluster: any Cluster, progress: any ProgressReporter) {
    self.cluster = cluster
    self.progress = progress
  }

  public func apply(_ plan: TenantPlan) async throws {
    for manifest in plan.manifests {
      let kind = ObjectKind(of: manifest)
      let name = manifest[path: "metadata", "name"]?.stringValue ?? ""
      let namespace = manifest[path: "metadata", "namespace"]?.stringValue
      switch kind.kind {
      case "Namespace": progress.action("applying namespace \(name)")
      case "ServiceAccount": progress.action("applying service account \(name)")
      default: progress.action("applying role binding \(name)")
      }
      guard var existing = try await cluster.get(kind, namespace: namespace, name: name) else {
        _ = try await cluster.create(manifest)
        continue
      }
      let labels = existing[path: "metadata", "labels"]?.objectValue ?? JSONObject()
      let labelsPresent = plan.labels.allSatisfy { labels[$0.key]?.stringValue == $0.value }
      if kind.kind == "RoleBinding" {
        if !labelsPresent || existing["roleRef"] != manifest["roleRef"] || existing["subjects"] != manifest["subjects"] {
          try await cluster.delete(kind, namespace: namespace, name: name)
          _ = try await cluster.create(manifest)
        }
      } else if !labelsPresent {
        var merged = labels
        for (key, value) in plan.labels { merged[key] = .string(value) }
        existing[path: "metadata", "labels"] = .object(merged)
        _ = try await cluster.update(existing)
      }
    }
    progress.success("tenant setup completed")
  }
}
