import TackBase
import TackJSON

/// The status lines flux prints for each kind on the apply path (reference §1.2), and what it
/// reports once the object is ready.
public struct CreateMessages: Sendable, Equatable {
  /// `✚ generating …`, or `nil` for kinds flux prints no such line for (OCIRepository).
  public var generate: String?
  /// `► applying …`.
  public var applying: String
  /// `✔ <upserted> created|updated`.
  public var upserted: String
  /// `◎ waiting for …`.
  public var waiting: String
  /// What a ready object reports, in flux's words.
  public var kind: FluxKind

  public init(_ kind: FluxKind) {
    self.kind = kind
    switch kind {
    case .gitRepository, .helmRepository, .bucket, .helmChart:
      let noun = "\(kind.kind) source"
      generate = "generating \(noun)"
      applying = "applying \(noun)"
      // flux says only "source created" for Helm sources.
      upserted = (kind == .helmRepository || kind == .helmChart) ? "source" : noun
      waiting = "waiting for \(noun) reconciliation"
    case .ociRepository:
      generate = nil
      applying = "applying OCIRepository"
      upserted = "OCIRepository"
      waiting = "waiting for OCIRepository reconciliation"
    default:
      generate = "generating \(kind.kind)"
      applying = "applying \(kind.kind)"
      upserted = kind.kind
      waiting = "waiting for \(kind.kind) reconciliation"
    }
  }

  public var isSource: Bool { [.gitRepository, .helmRepository, .bucket, .helmChart, .ociRepository].contains(kind) }

  /// `✔` lines once the object is ready, or the error flux gives for a ready source with no
  /// artifact.
  public func readyLines(name: String, object: JSON?) throws(CreateApplyError) -> [String] {
    let status = object?["status"]
    switch kind {
    case .gitRepository, .helmRepository, .bucket, .helmChart, .ociRepository:
      let completed =
        kind == .ociRepository ? "OCIRepository reconciliation completed" : "\(kind.kind) source reconciliation completed"
      // An OCI HelmRepository has no artifact: no controller reconciles it.
      if kind == .helmRepository, object?[path: "spec", "type"]?.stringValue == "oci" { return [completed] }
      guard let revision = status?[path: "artifact", "revision"]?.stringValue else {
        switch kind {
        case .ociRepository: throw CreateApplyError("no artifact was found")
        case .bucket: throw CreateApplyError("Bucket source reconciliation but no artifact was found")
        default: throw CreateApplyError("\(kind.kind) source reconciliation completed but no artifact was found")
        }
      }
      return [completed, "fetched revision: \(revision)"]
    case .kustomization:
      return ["Kustomization \(name) is ready", "applied revision \(status?["lastAppliedRevision"]?.stringValue ?? "")"]
    case .helmRelease:
      let revision =
        status?["history"]?[0]?["chartVersion"]?.stringValue ?? status?["lastAttemptedRevision"]?.stringValue ?? ""
      return ["HelmRelease \(name) is ready", "applied revision \(revision)"]
    case .receiver:
      return ["Receiver \(name) is ready", "generated webhook URL \(status?["webhookPath"]?.stringValue ?? "")"]
    case .alert, .alertProvider:
      return ["\(kind.kind) \(name) is ready"]
    default:
      return ["\(kind.kind) reconciliation completed"]
    }
  }
}

/// The apply path failed after the flags were accepted: the server refused the object, or a ready
/// source has no artifact. Exit 1.
public struct CreateApplyError: TackError, Equatable {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var exitStatus: ExitStatus { .failure }
  public var description: String { message }
}
