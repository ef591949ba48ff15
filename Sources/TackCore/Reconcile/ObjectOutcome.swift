import TackBase

/// How one object fared in a command that handled several (reconcile, suspend, resume).
public struct ObjectOutcome: Sendable {
  public enum Result: Sendable {
    /// Done; the success message flux prints (`applied revision …`).
    case succeeded(String)
    /// Annotated or patched, not waited for (`--wait=false`, or resume of several objects).
    case requested(String)
    /// Nothing to do, and that is fine (`reconciliation not supported by the object`, already
    /// suspended, already resumed, suspended object skipped by `--all`).
    case skipped(String)
    case failed(any TackError)
  }

  public var ref: ObjectRef
  public var result: Result

  public init(_ ref: ObjectRef, _ result: Result) {
    self.ref = ref
    self.result = result
  }

  public var exitStatus: ExitStatus {
    if case .failed(let error) = result { return error.exitStatus }
    return .success
  }

  public var isFailure: Bool { exitStatus != .success }
}

extension [ObjectOutcome] {
  /// The most severe exit status (`ExitStatus` orders them); success when nothing failed.
  public var worstExitStatus: ExitStatus { map(\.exitStatus).max() ?? .success }

  /// The error a command ends with when some objects failed: the count in words, the worst status
  /// as the exit code. `nil` when everything succeeded.
  public func aggregateError(verb: String) -> AggregateError? {
    let failed = filter(\.isFailure)
    guard !failed.isEmpty else { return nil }
    var counts: [ExitStatus: Int] = [:]
    for outcome in failed { counts[outcome.exitStatus, default: 0] += 1 }
    let breakdown = counts.keys.sorted(by: >).map { status in
      "\(counts[status]!) \(Self.word(for: status)) (exit \(status.rawValue))"
    }
    return AggregateError(
      "\(verb) failed for \(failed.count) of \(count) objects: " + breakdown.joined(separator: ", "),
      exitStatus: worstExitStatus)
  }

  static func word(for status: ExitStatus) -> String {
    switch status {
    case .timedOut: "timed out"
    case .resourceFailed: "reported failure"
    case .notFound: "not found"
    case .interrupted: "interrupted"
    default: "failed with an error"
    }
  }

  /// One line per object, sorted by namespace, kind and name: what happened and, for failures, the
  /// exit code it would have had on its own.
  public func summaryLines() -> [(LogSymbol, String)] {
    sorted { $0.ref < $1.ref }.map { outcome in
      let name = outcome.ref.description
      switch outcome.result {
      case .succeeded(let message): return (.success, "\(name): \(message)")
      case .requested(let message): return (.success, "\(name): \(message)")
      case .skipped(let message): return (.warning, "\(name): \(message)")
      case .failed(let error):
        return (.failure, "\(name): \(objectDetail(error)) (exit \(error.exitStatus.rawValue))")
      }
    }
  }
}
