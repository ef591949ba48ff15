import TackBase
import TackJSON

/// `check [--pre]`: the Kubernetes version, then (without `--pre`) the installed Flux version, the
/// controller Deployments and the CRDs. Every failed check is printed with ✗ and makes the run fail
/// (flux #5220 exits 0 when listing fails; tack does not).
public struct FluxCheck: Sendable {
  public var cluster: any Cluster
  public var progress: any ProgressReporter
  public var namespace: String
  /// Components that must have a Deployment; empty checks whatever Flux Deployments exist.
  public var expectedComponents: [String]
  public var timeout: GoDuration
  /// flux's `kubernetesConstraints` (`>=1.30.0-0` in cmd/flux/check.go); the v2.9.4 bundle was also
  /// verified against a 1.32 API server (../shared/manifests/README.md).
  public static let minimumKubernetes = (major: 1, minor: 30)

  public init(
    cluster: any Cluster, progress: any ProgressReporter, namespace: String, expectedComponents: [String],
    timeout: GoDuration
  ) {
    self.cluster = cluster
    self.progress = progress
    self.namespace = namespace
    self.expectedComponents = expectedComponents
    self.timeout = timeout
  }

  /// Throws ``CheckFailed`` when any check failed (after printing all of them).
  public func run(pre: Bool) async throws {
    progress.action("checking prerequisites")
    var failed = false
    if !(await kubernetesCheck()) { failed = true }
    if pre {
      if failed { throw CheckFailed(message: "prerequisites checks failed") }
      progress.success("prerequisites checks passed")
      return
    }
    progress.action("checking version in cluster")
    if !(await versionCheck()) { failed = true }
    progress.action("checking controllers")
    if !(await controllersCheck()) { failed = true }
    progress.action("checking crds")
    if !(await crdsCheck()) { failed = true }
    if failed {
      throw CheckFailed(message: "check failed")
    }
    progress.success("all checks passed")
  }

  func kubernetesCheck() async -> Bool {
    let gitVersion: String
    do {
      gitVersion = try await cluster.serverVersion()
    } catch {
      progress.failure("Kubernetes API call failed: \(error)")
      return false
    }
    let constraint = ">=\(Self.minimumKubernetes.major).\(Self.minimumKubernetes.minor).0-0"
    guard let (major, minor, patch) = Self.parse(gitVersion) else {
      progress.failure("Kubernetes version can't be determined")
      return false
    }
    if (major, minor) < Self.minimumKubernetes {
      progress.failure("Kubernetes version \(gitVersion) does not match \(constraint)")
      return false
    }
    progress.success("Kubernetes \(major).\(minor).\(patch) \(constraint)")
    return true
  }

  /// `v1.33.1+k3s1` → (1, 33, 1).
  static func parse(_ version: String) -> (Int, Int, Int)? {
    let body = version.hasPrefix("v") ? version.dropFirst() : version[...]
    let core = body.prefix { $0 != "-" && $0 != "+" }
    let parts = core.split(separator: ".").compactMap { Int($0) }
    guard parts.count >= 2 else { return nil }
    return (parts[0], parts[1], parts.count > 2 ? parts[2] : 0)
  }

  func versionCheck() async -> Bool {
    do {
      guard let info = try await FluxClusterInfo.read(cluster) else {
        progress.failure(
          "checking failed: customresourcedefinitions.apiextensions.k8s.io \"\(FluxClusterInfo.crdName)\" not found")
        return false
      }
      if !info.distribution.isEmpty { progress.success("distribution: \(info.distribution)") }
      progress.success("bootstrapped: \(info.bootstrapped)")
      return true
    } catch {
      progress.failure("checking failed: \(error)")
      return false
    }
  }

  func controllersCheck() async -> Bool {
    let deployments: [JSON]
    do {
      deployments = try await cluster.list(
        apiVersion: "apps/v1", kind: "Deployment", namespace: namespace, labelSelector: "app.kubernetes.io/part-of=flux")
    } catch {
      progress.failure("listing the controllers in the '\(namespace)' namespace failed: \(error)")
      return false
    }
    var names = deployments.compactMap { $0[path: "metadata", "name"]?.stringValue }
    for component in expectedComponents where !names.contains(component) { names.append(component) }
    if names.isEmpty {
      progress.failure(
        "no controllers found in the '\(namespace)' namespace with the label selector 'app.kubernetes.io/part-of=flux'")
      return false
    }
    do {
      let deadline = ContinuousClock.now + timeout.duration
      let report = try await DeploymentHealth(cluster: cluster).assess(namespace: namespace, names: names, deadline: deadline)
      let images = Dictionary(
        deployments.map { deployment in
          (
            deployment[path: "metadata", "name"]?.stringValue ?? "",
            (deployment[path: "spec", "template", "spec", "containers"]?.arrayValue ?? []).compactMap {
              $0["image"]?.stringValue
            }
          )
        }, uniquingKeysWith: { first, _ in first })
      for line in report.lines {
        if line.ready { progress.success(line.text) } else { progress.failure(line.text) }
        for image in images[line.name] ?? [] { progress.action(image) }
      }
      return report.allReady
    } catch {
      progress.failure("checking the controllers failed: \(error)")
      return false
    }
  }

  func crdsCheck() async -> Bool {
    let crds: [JSON]
    do {
      crds = try await cluster.list(
        apiVersion: "apiextensions.k8s.io/v1", kind: "CustomResourceDefinition", namespace: nil,
        labelSelector: "app.kubernetes.io/part-of=flux")
    } catch {
      progress.failure("listing the CRDs failed: \(error)")
      return false
    }
    guard !crds.isEmpty else {
      progress.failure("no crds found with the label selector 'app.kubernetes.io/part-of=flux'")
      return false
    }
    var ok = true
    for crd in crds.sorted(by: { ($0[path: "metadata", "name"]?.stringValue ?? "") < ($1[path: "metadata", "name"]?.stringValue ?? "") }) {
      let name = crd[path: "metadata", "name"]?.stringValue ?? ""
      let stored = (crd[path: "status", "storedVersions"]?.arrayValue ?? []).compactMap(\.stringValue)
      guard let version = stored.last else {
        progress.failure("no stored versions for \(name)")
        ok = false
        continue
      }
      guard let established = ObjectStatus(crd).condition("Established"), established.isTrue else {
        progress.failure("\(name)/\(version) is not Established: \(ObjectStatus(crd).condition("Established")?.message ?? "")")
        ok = false
        continue
      }
      progress.success("\(name)/\(version)")
    }
    return ok
  }
}

/// At least one check failed; the details were printed.
public struct CheckFailed: TackError, Equatable {
  public var message: String
  public var description: String { message }
}
