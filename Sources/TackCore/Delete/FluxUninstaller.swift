import TackBase
import TackJSON

/// What `tack uninstall` removes and how.
public struct UninstallOptions: Sendable, Equatable {
  public var namespace: String
  public var keepNamespace: Bool
  /// List what would go; nothing is deleted or changed.
  public var dryRun: Bool

  public init(namespace: String = "flux-system", keepNamespace: Bool = false, dryRun: Bool = false) {
    self.namespace = namespace
    self.keepNamespace = keepNamespace
    self.dryRun = dryRun
  }
}

/// `tack uninstall`, in flux's order: the controllers and their RBAC first (so nothing re-adds a
/// finalizer), then the finalizers of every Flux object in every namespace (so deleting the CRDs
/// does not hang), then the CRDs, then the namespace. Each object gets a ✔ or ✗ line; unlike flux,
/// any ✗ makes the command fail (exit 1).
public struct FluxUninstaller: Sendable {
  public var cluster: any Cluster
  public var progress: any ProgressReporter

  static let partOf = "app.kubernetes.io/part-of=flux"

  /// Component kinds in the flux namespace, then cluster-wide, in the order they are deleted.
  static let namespacedComponents: [ObjectKind] = [
    ObjectKind(apiVersion: "apps/v1", kind: "Deployment"), ObjectKind(apiVersion: "v1", kind: "Service"),
    ObjectKind(apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy"),
    ObjectKind(apiVersion: "v1", kind: "ServiceAccount"),
  ]
  static let clusterComponents: [ObjectKind] = [
    ObjectKind(apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole"),
    ObjectKind(apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRoleBinding"),
  ]
  /// The kinds whose finalizers are removed (flux's list: ExternalArtifact has none).
  static let finalizedKinds: [FluxKind] = [
    .gitRepository, .ociRepository, .helmRepository, .helmChart, .bucket, .kustomization, .helmRelease, .alert,
    .alertProvider, .receiver, .imagePolicy, .imageRepository, .imageUpdateAutomation, .artifactGenerator,
  ]
  static let crd = ObjectKind(apiVersion: "apiextensions.k8s.io/v1", kind: "CustomResourceDefinition")

  public init(cluster: any Cluster, progress: any ProgressReporter) {
    self.cluster = cluster
    self.progress = progress
  }

  /// The question to ask before uninstalling: flux's, or its warning when another tool manages Flux.
  public func confirmationQuestion() async throws -> String {
    let crd = try await cluster.get(Self.crd, namespace: nil, name: "gitrepositories.source.toolkit.fluxcd.io")
    if let manager = crd?[path: "metadata", "labels", "app.kubernetes.io/managed-by"]?.stringValue, !manager.isEmpty,
      manager != "flux"
    {
      return "Flux is managed by \(manager)! Are you sure you want to delete Flux and its CRDs using tack"
    }
    return "Are you sure you want to delete Flux and its custom resource definitions"
  }

  public func run(_ options: UninstallOptions) async throws {
    var failures = 0
    let suffix = options.dryRun ? " (dry run)" : ""

    progress.action("deleting components in \(options.namespace) namespace")
    for kind in Self.namespacedComponents + Self.clusterComponents {
      let namespaced = Self.namespacedComponents.contains(kind)
      let items: [JSON]
      do {
        items = try await cluster.list(kind, ListScope(namespace: namespaced ? options.namespace : nil, labelSelector: Self.partOf)).items
      } catch is ResourceNotServedError {
        continue
      }
      for item in items {
        let name = item[path: "metadata", "name"]?.stringValue ?? ""
        let label = namespaced ? "\(kind.kind)/\(options.namespace)/\(name)" : "\(kind.kind)/\(name)"
        failures += await step("\(label) deleted\(suffix)", failure: "\(label) deletion failed", dryRun: options.dryRun) {
          try await cluster.delete(kind, namespace: namespaced ? options.namespace : nil, name: name)
        }
      }
    }

    progress.action("deleting toolkit.fluxcd.io finalizers in all namespaces")
    for kind in Self.finalizedKinds {
      let items: [JSON]
      do {
        items = try await cluster.list(ObjectKind(kind), ListScope(namespace: nil)).items
      } catch is ResourceNotServedError {
        continue
      }
      for item in items {
        let name = item[path: "metadata", "name"]?.stringValue ?? ""
        let namespace = item[path: "metadata", "namespace"]?.stringValue ?? ""
        let label = "\(kind.kind)/\(namespace)/\(name)"
        failures += await step(
          "\(label) finalizers deleted\(suffix)", failure: "\(label) removing finalizers failed", dryRun: options.dryRun
        ) {
          _ = try await cluster.patch(
            ObjectKind(kind), namespace: namespace, name: name, .merge(["metadata": ["finalizers": nil]]))
        }
      }
    }

    progress.action("deleting toolkit.fluxcd.io custom resource definitions")
    for item in try await cluster.list(Self.crd, ListScope(namespace: nil, labelSelector: Self.partOf)).items {
      let name = item[path: "metadata", "name"]?.stringValue ?? ""
      let label = "CustomResourceDefinition/\(name)"
      failures += await step("\(label) deleted\(suffix)", failure: "\(label) deletion failed", dryRun: options.dryRun) {
        try await cluster.delete(Self.crd, namespace: nil, name: name)
      }
    }

    if !options.keepNamespace {
      let label = "Namespace/\(options.namespace)"
      let namespaceKind = ObjectKind(apiVersion: "v1", kind: "Namespace")
      if try await cluster.get(namespaceKind, namespace: nil, name: options.namespace) != nil {
        failures += await step("\(label) deleted\(suffix)", failure: "\(label) deletion failed", dryRun: options.dryRun) {
          try await cluster.delete(namespaceKind, namespace: nil, name: options.namespace)
        }
      }
    }

    guard failures == 0 else {
      throw AggregateError("uninstall finished with \(failures) failure\(failures == 1 ? "" : "s")", exitStatus: .failure)
    }
    progress.success("uninstall finished\(suffix)")
  }

  /// One object's line; returns 1 when it failed. An object already gone counts as deleted.
  func step(_ success: String, failure: String, dryRun: Bool, _ action: () async throws -> Void) async -> Int {
    if dryRun {
      progress.success(success)
      return 0
    }
    do {
      try await action()
    } catch is ObjectNotFoundError {
    } catch {
      progress.failure("\(failure): \(error)")
      return 1
    }
    progress.success(success)
    return 0
  }
}
