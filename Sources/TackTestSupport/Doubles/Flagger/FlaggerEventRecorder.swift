import TackJSON

/// Builds v1 Events the way client-go's event recorder does for Flagger: reason `Synced`, source
/// component `flagger`, involvedObject the Canary, and a repeat of the same message folded into the
/// existing Event (count + 1, lastTimestamp moved) instead of a new one.
public struct FlaggerEventRecorder: Sendable {
  public init() {}

  /// Returns the Event to create or replace: an existing one from `existing` with its count bumped,
  /// or a new one. `sequence` makes new names unique.
  public func record(
    canary: JSON, type: String, message: String, time: String, sequence: Int, existing: [JSON]
  ) -> JSON {
    let name = canary[path: "metadata", "name"]?.stringValue ?? ""
    let namespace = canary[path: "metadata", "namespace"]?.stringValue ?? ""
    if var event = existing.first(where: {
      $0["message"]?.stringValue == message && $0["type"]?.stringValue == type
        && $0[path: "involvedObject", "name"]?.stringValue == name
    }) {
      event["count"] = .int((event["count"]?.intValue ?? 1) + 1)
      event["lastTimestamp"] = .string(time)
      return event
    }
    return [
      "apiVersion": "v1",
      "kind": "Event",
      "metadata": [
        "name": .string("\(name).\(String(sequence, radix: 16))"), "namespace": .string(namespace),
      ],
      "involvedObject": [
        "apiVersion": "flagger.app/v1beta1", "kind": "Canary", "name": .string(name),
        "namespace": .string(namespace), "uid": canary[path: "metadata", "uid"] ?? "",
      ],
      "reason": "Synced",
      "message": .string(message),
      "source": ["component": "flagger"],
      "firstTimestamp": .string(time),
      "lastTimestamp": .string(time),
      "count": 1,
      "type": .string(type),
      "reportingComponent": "flagger",
    ]
  }
}
