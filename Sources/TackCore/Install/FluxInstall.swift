import TackBase
import TackJSON

/// `install`: applies Flux's components without Git (flux-cli reference §4.6). Refuses a cluster
/// that was bootstrapped (upgrades go through Git), asks before taking over an installation
/// managed by another tool, prints the change set and waits for the controllers.
public struct FluxInstall: Sendable {
  public var manifests: ComponentManifests
  public var cluster: any Cluster
  public var progress: any ProgressReporter
  public var confirmer: (any Confirming)?
  public var force: Bool
  public var timeout: GoDuration
  public var fieldManager = "flux"

  public init(
    manifests: ComponentManifests, cluster: any Cluster, progress: any ProgressReporter, confirmer: (any Confirming)?,
    force: Bool, timeout: GoDuration
  ) {
    self.manifests = manifests
    self.cluster = cluster
    self.progress = progress
    self.confirmer = confirmer
    self.force = force
    self.timeout = timeout
  }

  public func run() async throws {
    let deadline = ContinuousClock.now + timeout.duration
    progress.success("manifests build completed")
    progress.action("installing components in \(manifests.namespace) namespace")
    let info = try await FluxClusterInfo.read(cluster)
    if let info {
      if info.bootstrapped {
        throw InstallError(
          "this cluster has already been bootstrapped with Flux \(info.version)! Please use 'tack bootstrap git' to upgrade")
      }
      if !force, !info.managedByFlux {
        progress.note("Flux \(info.version) has been installed on this cluster with \(info.managedBy)!")
        guard let confirmer else {
          throw InstallError(
            "Flux was installed on this cluster with \(info.managedBy); pass --force to override it (stdin is not a terminal, so tack cannot ask)",
            exitStatus: .usage)
        }
        guard await confirmer.confirm("Are you sure you want to override the \(info.managedBy) installation? Y/N") else {
          throw InstallError("installation cancelled")
        }
      }
    }
    let changes = try await ComponentInstaller(cluster: cluster, fieldManager: fieldManager).install(
      manifests, deadline: deadline)
    for change in changes { progress.note(change.description) }
    progress.waiting("verifying installation")
    let health = try await DeploymentHealth(cluster: cluster).assess(
      namespace: manifests.namespace, names: manifests.components, deadline: deadline)
    for line in health.lines {
      if line.ready { progress.success(line.text) } else { progress.failure(line.text) }
    }
    guard health.allReady else { throw InstallError("install failed: timed out waiting for the controllers to be ready", exitStatus: .timedOut) }
    progress.success("install finished")
  }
}

/// What the GitRepository CRD's labels say about an existing installation (flux's cluster info).
public struct FluxClusterInfo: Sendable, Equatable {
  public var version: String
  public var bootstrapped: Bool
  public var managedBy: String
  public var partOf: String

  public var managedByFlux: Bool { managedBy.isEmpty || managedBy == "flux" }
  /// `flux-v2.9.4`, or the version alone.
  public var distribution: String { partOf.isEmpty ? version : "\(partOf)-\(version)" }

  public static let crdName = "gitrepositories.source.toolkit.fluxcd.io"

  /// nil when Flux is not installed (no GitRepository CRD).
  public static func read(_ cluster: any Cluster) async throws -> FluxClusterInfo? {
    guard let crd = try await cluster.get(.crd(crdName)) else { return nil }
    let labels = crd[path: "metadata", "labels"]?.objectValue ?? JSONObject()
    return FluxClusterInfo(
      version: labels["app.kubernetes.io/version"]?.stringValue ?? "",
      bootstrapped: labels["kustomize.toolkit.fluxcd.io/name"] != nil && labels["kustomize.toolkit.fluxcd.io/namespace"] != nil,
      managedBy: labels["app.kubernetes.io/managed-by"]?.stringValue ?? "",
      partOf: labels["app.kubernetes.io/part-of"]?.stringValue ?? "")
  }
}
