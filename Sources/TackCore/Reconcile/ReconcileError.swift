import TackBase

/// Why reconciling (or resuming) an object did not succeed, worded as flux words it.
public enum ReconcileError: TackError, Equatable {
  /// Ready=False after the controller handled the request. Exit 4.
  case failed(FluxKind, message: String)
  /// Stalled=True: the controller gave up until the object changes. Exit 4.
  case stalled(FluxKind, message: String)
  /// The controller finished without a Ready condition. Exit 1.
  case statusUndetermined
  /// `spec.suspend: true`: no controller will act on the request. Exit 1.
  case suspended
  /// `--all` found nothing. Exit 5.
  case noObjects(FluxKind, namespace: String?)
  /// The object went away while tack waited for it. Exit 5.
  case deleted(ObjectRef)
  /// A `--with-source` source failed, so the object depending on it was not reconciled. Exit 4.
  case sourceFailed(ObjectRef)

  public var exitStatus: ExitStatus {
    switch self {
    case .failed, .stalled, .sourceFailed: .resourceFailed
    case .statusUndetermined, .suspended: .failure
    case .noObjects, .deleted: .notFound
    }
  }

  public var description: String {
    switch self {
    case .failed(let kind, let message):
      kind.quotesFailureMessage
        ? "\(kind.kind) reconciliation failed: '\(message)'" : "\(kind.kind) reconciliation failed: \(message)"
    case .stalled(let kind, let message):
      "\(kind.kind) reconciliation stalled: \(message)"
    case .statusUndetermined:
      "status can't be determined"
    case .suspended:
      "resource is suspended"
    case .noObjects(let kind, let namespace):
      "no \(kind.kind) objects found in " + (namespace.map { "\"\($0)\" namespace" } ?? "any namespace")
    case .deleted(let ref):
      "\(ref) was deleted while waiting for it"
    case .sourceFailed(let source):
      "not reconciled: its source \(source) failed"
    }
  }

  /// Without the kind in front, for lines that already name the object.
  public var detail: String {
    switch self {
    case .failed(_, let message): "reconciliation failed: \(message)"
    case .stalled(_, let message): "reconciliation stalled: \(message)"
    default: description
    }
  }
}

/// The part of an error worth showing after an object's name.
func objectDetail(_ error: any TackError) -> String {
  if let error = error as? ReconcileError { return error.detail }
  if let error = error as? WaitTimeoutError { return error.shortDescription }
  return error.description
}
