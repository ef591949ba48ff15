import TackBase
import TackJSON

/// `promote helmrelease --from-cluster`: the chart version a live HelmRelease runs, read from its
/// `status.history` (helm.toolkit.fluxcd.io/v2: helm-controller's snapshots of the releases it
/// made, the newest first) rather than from the spec, which may be a range such as `1.x`.
public enum ReleasedChartVersion {
  /// The newest snapshot's `chartVersion`. Refused when there is none yet, or when that release is
  /// not `deployed` (a failed upgrade is not something to promote).
  public static func read(_ object: JSON, namespace: String, name: String) throws(PromotionError) -> String {
    let what = "HelmRelease \(namespace)/\(name)"
    guard let newest = object[path: "status", "history"]?.arrayValue?.first else {
      throw PromotionError(
        .failure,
        "\(what) has no status.history: helm-controller has not released it yet, so there is no version to promote (pass --version)")
    }
    guard let version = newest["chartVersion"]?.stringValue, !version.isEmpty else {
      throw PromotionError(.failure, "\(what): the newest entry of status.history has no chartVersion")
    }
    if let status = newest["status"]?.stringValue, status != "deployed" {
      let revision = newest["version"]?.intValue.map { " (Helm revision \($0))" } ?? ""
      throw PromotionError(
        .failure,
        "\(what): its newest release\(revision) of chart version \(version) is \(status), not deployed; pass --version to promote it anyway")
    }
    guard ExactVersion.isExact(version) else {
      throw PromotionError(.failure, "\(what): status.history holds chartVersion \"\(version)\", which is not a version")
    }
    return version
  }

  /// Reads the HelmRelease `namespace/name` from the cluster; absent is not found (exit 5).
  public static func fetch(from cluster: any Cluster, namespace: String, name: String) async throws -> String {
    guard let object = try await cluster.get(ObjectKind(FluxKind.helmRelease), namespace: namespace, name: name) else {
      throw ObjectNotFoundError(
        "\(FluxKind.helmRelease.qualifiedResource) \"\(name)\" not found in namespace \"\(namespace)\" (--from-cluster reads the version it runs)")
    }
    return try read(object, namespace: namespace, name: name)
  }
}
