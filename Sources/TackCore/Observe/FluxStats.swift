import TackBase
import TackJSON

/// `stats`: for each reconciler kind, how many objects run, fail and are suspended, and how much
/// artifact storage they hold, as `flux stats` counts them. A kind whose CRD is not installed counts
/// as none.
///
/// ```swift
/// let rows = try await FluxStats(cluster: cluster, namespace: nil).run()   // nil: all namespaces
/// print(FluxStats.table(rows).render())
/// ```
public struct FluxStats: Sendable {
  public var cluster: any Cluster
  /// `nil`: every namespace (`-A`).
  public var namespace: String?

  public init(cluster: any Cluster, namespace: String?) {
    self.cluster = cluster
    self.namespace = namespace
  }

  /// flux's row order (ExternalArtifact and ArtifactGenerator are not reconcilers it counts).
  public static let kinds: [FluxKind] = [
    .gitRepository, .ociRepository, .helmRepository, .helmChart, .bucket, .kustomization, .helmRelease, .alert,
    .alertProvider, .receiver, .imageUpdateAutomation, .imagePolicy, .imageRepository,
  ]

  public struct Row: Sendable, Equatable, Codable {
    public var kind: String
    public var total: Int
    public var failing: Int
    public var suspended: Int
    /// Sum of `status.artifact.size`, in bytes.
    public var storage: Int64

    public var running: Int { total - suspended }
  }

  public func run() async throws -> [Row] {
    var rows: [Row] = []
    for kind in Self.kinds {
      try Task.checkCancellation()
      let objects = try await cluster.list(
        apiVersion: kind.apiVersion, kind: kind.kind, namespace: namespace, labelSelector: nil)
      rows.append(Self.row(kind.kind, objects))
    }
    return rows
  }

  static func row(_ kind: String, _ objects: [JSON]) -> Row {
    var row = Row(kind: kind, total: objects.count, failing: 0, suspended: 0, storage: 0)
    for object in objects {
      if object[path: "spec", "suspend"]?.boolValue == true { row.suspended += 1 }
      let ready = object[path: "status", "conditions"]?.arrayValue?.first { $0["type"]?.stringValue == "Ready" }
      if ready?["status"]?.stringValue == "False" { row.failing += 1 }
      if let size = object[path: "status", "artifact", "size"]?.intValue, size > 0 {
        // Sizes come from the cluster: a sum that would overflow stays at the largest value.
        row.storage = row.storage.saturatingAdding(Int64(size))
      }
    }
    return row
  }

  /// `flux stats`'s table: RECONCILERS, RUNNING, FAILING, SUSPENDED, STORAGE.
  public static func tableRows(_ rows: [Row]) -> (header: [String], rows: [[String]]) {
    (
      ["RECONCILERS", "RUNNING", "FAILING", "SUSPENDED", "STORAGE"],
      rows.map { [$0.kind, "\($0.running)", "\($0.failing)", "\($0.suspended)", storageText($0.storage)] }
    )
  }

  /// `-` for nothing, `<n> B` under 1 KiB, else one decimal and the binary unit (`1.5 MiB`).
  public static func storageText(_ bytes: Int64) -> String {
    guard bytes > 0 else { return "-" }
    guard bytes >= 1024 else { return "\(bytes) B" }
    let units = ["KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
    var divisor: Int64 = 1024
    var exponent = 0
    var n = bytes / 1024
    while n >= 1024, exponent < units.count - 1 {
      divisor *= 1024
      exponent += 1
      n /= 1024
    }
    let value = Double(bytes) / Double(divisor)
    let tenths = (value * 10).rounded() / 10
    let text = tenths == tenths.rounded() ? "\(Int(tenths)).0" : "\(tenths)"
    return "\(text) \(units[exponent])"
  }
}
