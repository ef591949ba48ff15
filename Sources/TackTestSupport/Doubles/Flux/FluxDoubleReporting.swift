import Foundation
import TackBase
import TackJSON

/// Which Events API the double's recorder writes: Flux records core/v1 Events (client-go's
/// recorder); `eventsV1` writes the `events.k8s.io/v1` shape a newer recorder would. The test
/// server serves both from one storage.
public enum FluxDoubleEventAPI: Sendable {
  case core
  case eventsV1
}

/// What a controller says about a reconcile it finished: an Event on the object and a JSON line
/// in its log, worded as Flux's controllers word them.
struct FluxReconcileReport: Sendable, Equatable {
  var type: String
  var reason: String
  var message: String
  /// The log line's level and message (a failure's message goes in its `error` field).
  var level: String
  var logMessage: String
  var error: String?
  var revision: String?

  /// The report of a final status write: a Ready condition and how long the reconcile took.
  static func of(_ kind: FluxDoubleKind, object: JSON, status: JSON, previous: JSON?, elapsed: GoDuration) -> FluxReconcileReport? {
    guard let ready = status["conditions"]?.arrayValue?.first(where: { $0["type"]?.stringValue == "Ready" }) else { return nil }
    let readyReason = ready["reason"]?.stringValue ?? ""
    let readyMessage = ready["message"]?.stringValue ?? ""
    let interval = object[path: "spec", "interval"]?.stringValue.flatMap(GoDuration.init).map(\.description) ?? "10m0s"
    let revision = status[path: "artifact", "revision"]?.stringValue ?? status["lastAppliedRevision"]?.stringValue
      ?? status["lastAttemptedRevision"]?.stringValue
    guard ready["status"]?.stringValue == "True" else {
      return FluxReconcileReport(
        type: "Warning", reason: readyReason, message: readyMessage, level: "error",
        logMessage: "Reconciliation failed after \(elapsed), next try in \(interval)", error: readyMessage,
        revision: revision)
    }
    switch kind {
    case .gitRepository, .ociRepository, .bucket, .helmRepository, .helmChart:
      // source-controller tells only of a new artifact.
      guard let revision, previous?[path: "artifact", "revision"]?.stringValue != revision else { return nil }
      return FluxReconcileReport(
        type: "Normal", reason: "NewArtifact", message: readyMessage, level: "info", logMessage: readyMessage,
        revision: revision)
    case .kustomization:
      let message = "Reconciliation finished in \(elapsed), next run in \(interval)"
      return FluxReconcileReport(
        type: "Normal", reason: "ReconciliationSucceeded", message: message, level: "info", logMessage: message,
        revision: revision)
    default:
      return FluxReconcileReport(
        type: "Normal", reason: readyReason, message: readyMessage, level: "info", logMessage: readyMessage,
        revision: revision)
    }
  }

  /// The Event as `apiVersion` spells it; `count` and the first time carry over from earlier
  /// occurrences (client-go's correlator bumps one Event instead of writing a new one).
  func event(for ref: FluxDoubleRef, object: JSON, api: FluxDoubleEventAPI, name: String, count: Int,
    firstTime: String, now: RFC3339Time) -> JSON
  {
    let stamp = now.rfc3339
    let involved: JSON = [
      "kind": .string(ref.kind.kind), "namespace": .string(ref.namespace), "name": .string(ref.name),
      "uid": object[path: "metadata", "uid"] ?? "", "apiVersion": .string(ref.kind.apiVersion),
      "resourceVersion": object[path: "metadata", "resourceVersion"] ?? "",
    ]
    var metadata: JSON = ["name": .string(name), "namespace": .string(ref.namespace)]
    if let revision { metadata["annotations"] = ["\(ref.kind.group)/revision": .string(revision)] }
    let controller = ref.kind.controller.rawValue
    switch api {
    case .core:
      return [
        "apiVersion": "v1", "kind": "Event", "metadata": metadata, "involvedObject": involved,
        "reason": .string(reason), "message": .string(message), "source": ["component": .string(controller)],
        "firstTimestamp": .string(firstTime), "lastTimestamp": .string(stamp), "count": .number(String(count)),
        "type": .string(type), "eventTime": .null, "reportingComponent": .string(controller), "reportingInstance": "",
      ]
    case .eventsV1:
      var event: JSON = [
        "apiVersion": "events.k8s.io/v1", "kind": "Event", "metadata": metadata,
        "eventTime": .string(FluxReconcileReport.microTime(now)), "reportingController": .string(controller),
        "reportingInstance": .string("\(controller)-\(FluxControllerDouble.podSuffix)"), "action": "Reconcile",
        "reason": .string(reason), "regarding": involved, "note": .string(message), "type": .string(type),
      ]
      if count > 1 { event["series"] = ["count": .number(String(count)), "lastObservedTime": .string(FluxReconcileReport.microTime(now))] }
      return event
    }
  }

  /// The controller's log line (controller-runtime's zap JSON encoder, millisecond times).
  func logLine(for ref: FluxDoubleRef, reconcileID: String, now: RFC3339Time) -> String {
    var line: JSON = [
      "level": .string(level), "ts": .string(FluxReconcileReport.milliTime(now)), "msg": .string(logMessage),
      "controller": .string(ref.kind.kind.lowercased()), "controllerGroup": .string(ref.kind.group),
      "controllerKind": .string(ref.kind.kind),
      ref.kind.kind: ["name": .string(ref.name), "namespace": .string(ref.namespace)],
      "namespace": .string(ref.namespace), "name": .string(ref.name), "reconcileID": .string(reconcileID),
    ]
    if let revision { line["revision"] = .string(revision) }
    if let error { line["error"] = .string(error) }
    return line.serialized()
  }

  static func milliTime(_ time: RFC3339Time) -> String { fraction(time, digits: 3) }
  static func microTime(_ time: RFC3339Time) -> String { fraction(time, digits: 6) }

  static func fraction(_ time: RFC3339Time, digits: Int) -> String {
    var scaled = Int(time.nanoseconds)
    for _ in digits..<9 { scaled /= 10 }
    let text = String(scaled)
    return String(time.rfc3339.dropLast()) + "." + String(repeating: "0", count: digits - text.count) + text + "Z"
  }
}

extension FluxControllerDouble {
  /// The pod (in `flux-system`, container `manager`) whose log a controller's lines go to.
  public static func podName(_ controller: FluxController) -> String { "\(controller.rawValue)-\(podSuffix)" }
  static let podSuffix = "7f9c8d6b5d-x2f4k"

  /// Records the Event and the log line of a finished reconcile.
  func report(_ ref: FluxDoubleRef, object: JSON, status: JSON, previous: JSON?, started: ContinuousClock.Instant) async {
    let elapsed = GoDuration(ContinuousClock.now - started)
    guard let report = FluxReconcileReport.of(ref.kind, object: object, status: status, previous: previous, elapsed: elapsed)
    else { return }
    let now = RFC3339Time.now()
    let key = [ref.description, report.type, report.reason, report.message].joined(separator: "\u{0}")
    let earlier = recordedEvents[key]
    let name = earlier?.name ?? "\(ref.name).\(String(UInt64(now.epochSeconds) &* 1_000_000_000 &+ UInt64(now.nanoseconds), radix: 16))"
    let count = (earlier?.count ?? 0) + 1
    recordedEvents[key] = (name, count, earlier?.firstTime ?? now.rfc3339)
    let event = report.event(
      for: ref, object: object, api: eventAPI, name: name, count: count, firstTime: earlier?.firstTime ?? now.rfc3339, now: now)
    try? await store.recordEvent(event)
    await store.writeLog(ref.kind.controller, report.logLine(for: ref, reconcileID: UUID().uuidString.lowercased(), now: now))
  }
}
