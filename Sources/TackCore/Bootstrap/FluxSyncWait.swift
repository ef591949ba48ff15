import TackBase
import TackJSON

/// Waits until Flux reports that it synced a revision: the GitRepository's artifact or the
/// Kustomization's last attempted revision equals `<branch>@sha1:<commit>`, with Ready=True for the
/// current generation (flux's `objectReconciled`). Ready=False stops the wait at once.
public struct FluxSyncWait: Sendable {
  public enum Kind: String, Sendable {
    case gitRepository = "GitRepository"
    case kustomization = "Kustomization"
  }

  public var kind: Kind
  public var namespace: String
  public var name: String
  public var revision: String

  public init(kind: Kind, namespace: String, name: String, revision: String) {
    self.kind = kind
    self.namespace = namespace
    self.name = name
    self.revision = revision
  }

  public var reference: ObjectReference {
    switch kind {
    case .gitRepository: .gitRepository(namespace, name)
    case .kustomization: .kustomization(namespace, name)
    }
  }

  /// The revision the object reports, with the pre-v1 `main/<sha>` form converted.
  public func reportedRevision(_ object: JSON) -> String? {
    let raw: String? =
      switch kind {
      case .gitRepository: object[path: "status", "artifact", "revision"]?.stringValue
      case .kustomization: object[path: "status", "lastAttemptedRevision"]?.stringValue
      }
    guard let raw, !raw.isEmpty else { return nil }
    if !raw.contains("@"), let slash = raw.lastIndex(of: "/") {
      let hash = raw[raw.index(after: slash)...]
      if hash.count == 40 { return "\(raw[..<slash])@sha1:\(hash)" }
    }
    return raw
  }

  /// True when done; throws when the object says it failed or is suspended.
  public func isReconciled(_ object: JSON?) throws(BootstrapError) -> Bool {
    guard let object else { return false }
    if object[path: "spec", "suspend"]?.boolValue == true {
      throw BootstrapError(.resourceFailed, "\(kind.rawValue) '\(reference.key)' is suspended")
    }
    if let observed = object[path: "status", "observedGeneration"]?.intValue,
      observed != (object[path: "metadata", "generation"]?.intValue ?? 0)
    {
      return false
    }
    let ready = ObjectStatus(object).ready
    switch ready?.status {
    case "True": return reportedRevision(object) == revision
    case "False": throw BootstrapError(.resourceFailed, ready?.message ?? "")
    default: return false
    }
  }

  public func run(_ cluster: any Cluster, deadline: ContinuousClock.Instant) async throws {
    let timeout = max(deadline - ContinuousClock.now, .zero)
    do {
      _ = try await cluster.wait(for: reference, timeout: timeout) { object in try isReconciled(object) }
    } catch let timeoutError as WaitTimeout {
      if let ready = timeoutError.lastSeen.map(ObjectStatus.init)?.ready, !ready.isTrue {
        throw BootstrapError(
          .timedOut, "\(kind.rawValue.lowercased()) '\(reference.key)' not ready: '\(ready.message)'")
      }
      let reported = timeoutError.lastSeen.flatMap(reportedRevision) ?? "no revision"
      let what = timeoutError.lastSeen == nil ? "it does not exist" : "it reports \(reported)"
      throw BootstrapError(.timedOut, "timed out waiting for revision \(revision) (\(what))")
    }
  }
}
