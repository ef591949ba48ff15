import TackJSON

/// Reads what a status report needs: the Canary, its target and `-primary` workloads, and its
/// events (four requests, all scoped to this one Canary, never the whole namespace).
public struct CanaryStatusLoader: Sendable {
  public let cluster: any Cluster

  public init(cluster: any Cluster) { self.cluster = cluster }

  public struct Snapshot: Sendable {
    public var canary: JSON
    public var target: JSON?
    public var primary: JSON?
    public var events: [JSON]
    public var report: CanaryStatusReport
  }

  public func load(namespace: String, name: String) async throws -> Snapshot {
    let canary = try await cluster.canary(namespace: namespace, name: name)
    return try await complete(canary: canary, namespace: namespace, name: name)
  }

  /// Fetches the rest for a Canary already in hand (e.g. from a watch event).
  public func complete(canary: JSON, namespace: String, name: String) async throws -> Snapshot {
    let spec = CanarySpec(canary: canary)
    async let target = cluster.workload(
      namespace: namespace, apiVersion: spec.targetAPIVersion, kind: spec.targetKind, name: spec.targetName)
    async let primary = cluster.workload(
      namespace: namespace, apiVersion: spec.targetAPIVersion, kind: spec.targetKind, name: spec.primaryName)
    async let events = cluster.canaryEvents(namespace: namespace, name: name)
    let (t, p, e) = try await (target, primary, events)
    return Snapshot(
      canary: canary, target: t, primary: p, events: e,
      report: CanaryStatusReport(canary: canary, target: t, primary: p, events: e))
  }
}
