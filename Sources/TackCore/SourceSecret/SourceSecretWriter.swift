import TackJSON

/// Creates a source secret, or replaces the data of an existing one (merging labels and
/// annotations, as flux's upsert does). An existing secret that already holds exactly this data
/// is left untouched.
public enum SourceSecretWriter {
  public enum Result: Sendable, Equatable { case created, updated, unchanged }

  /// True when the secret exists with exactly this data and these labels.
  public static func isUpToDate(_ secret: GitSourceSecret, in cluster: any Cluster) async throws -> Bool {
    guard let existing = try await cluster.get(.secret(secret.namespace, secret.name)) else { return false }
    let labels = existing[path: "metadata", "labels"]?.objectValue ?? JSONObject()
    return existing["data"] == secret.apiObject["data"] && existing["stringData"] == nil
      && secret.labels.allSatisfy { labels[$0.key]?.stringValue == $0.value }
  }

  @discardableResult
  public static func upsert(_ secret: GitSourceSecret, in cluster: any Cluster) async throws -> Result {
    let desired = secret.apiObject
    guard var existing = try await cluster.get(.secret(secret.namespace, secret.name)) else {
      _ = try await cluster.create(desired)
      return .created
    }
    let desiredData = desired["data"] ?? [:]
    var labels = existing[path: "metadata", "labels"]?.objectValue ?? JSONObject()
    var labelsChanged = false
    for (key, value) in secret.labels where labels[key]?.stringValue != value {
      labels[key] = .string(value)
      labelsChanged = true
    }
    if existing["data"] == desiredData, existing["stringData"] == nil, !labelsChanged {
      return .unchanged
    }
    existing["data"] = desiredData
    existing["stringData"] = nil
    if labelsChanged { existing[path: "metadata", "labels"] = .object(labels) }
    _ = try await cluster.update(existing)
    return .updated
  }
}
