import TackJSON

/// One entry of `status.conditions` (metav1.Condition), read from a dynamic object.
public struct StatusCondition: Sendable, Equatable {
  public var type: String
  /// `True`, `False` or `Unknown`, as the controller wrote it.
  public var status: String
  public var reason: String
  public var message: String
  public var lastTransitionTime: String?
  /// 0 when the controller does not record per-condition generations (metav1 leaves it unset).
  public var observedGeneration: Int

  public init(
    type: String, status: String, reason: String = "", message: String = "",
    lastTransitionTime: String? = nil, observedGeneration: Int = 0
  ) {
    self.type = type
    self.status = status
    self.reason = reason
    self.message = message
    self.lastTransitionTime = lastTransitionTime
    self.observedGeneration = observedGeneration
  }

  public init?(_ json: JSON) {
    guard let type = json["type"]?.stringValue else { return nil }
    self.type = type
    status = json["status"]?.stringValue ?? ""
    reason = json["reason"]?.stringValue ?? ""
    message = json["message"]?.stringValue ?? ""
    lastTransitionTime = json["lastTransitionTime"]?.stringValue
    observedGeneration = json["observedGeneration"]?.intValue ?? 0
  }

  public var isTrue: Bool { status == "True" }
  public var isFalse: Bool { status == "False" }

  public var json: JSON {
    var object: JSON = ["type": .string(type), "status": .string(status)]
    if observedGeneration != 0 { object["observedGeneration"] = .int(observedGeneration) }
    if let lastTransitionTime { object["lastTransitionTime"] = .string(lastTransitionTime) }
    object["reason"] = .string(reason)
    object["message"] = .string(message)
    return object
  }
}

/// The fields of an object that tell whether its controller has caught up with it: what kstatus and
/// the flux CLI read. A view over the object's JSON; nothing is copied out but these.
public struct ObjectStatus: Sendable, Equatable {
  public var kind: String
  public var apiGroup: String
  public var generation: Int?
  public var observedGeneration: Int?
  public var conditions: [StatusCondition]
  public var deletionTimestamp: String?
  /// `spec.suspend` (Flux kinds and Flagger's Canary).
  public var suspended: Bool

  public init(_ object: JSON) {
    kind = object["kind"]?.stringValue ?? ""
    let apiVersion = object["apiVersion"]?.stringValue ?? ""
    apiGroup = apiVersion.split(separator: "/").count == 2 ? String(apiVersion.split(separator: "/")[0]) : ""
    generation = object[path: "metadata", "generation"]?.intValue
    observedGeneration = object[path: "status", "observedGeneration"]?.intValue
    conditions = (object[path: "status", "conditions"]?.arrayValue ?? []).compactMap(StatusCondition.init)
    deletionTimestamp = object[path: "metadata", "deletionTimestamp"]?.stringValue
    suspended = object[path: "spec", "suspend"]?.boolValue ?? false
  }

  public func condition(_ type: String) -> StatusCondition? { conditions.first { $0.type == type } }

  public var ready: StatusCondition? { condition("Ready") }
  public var reconciling: StatusCondition? { condition("Reconciling") }
  public var stalled: StatusCondition? { condition("Stalled") }

  /// `status.observedGeneration` equals `metadata.generation` (true when either is absent, as kstatus
  /// reads it: an object without the fields cannot lag).
  public var generationObserved: Bool {
    guard let generation, let observedGeneration else { return true }
    return generation == observedGeneration
  }

  /// Reconciling=True with reason `ProgressingWithRetry`: Flux controllers leave this after a failed
  /// attempt (and keep retrying). kstatus calls it in progress; for tack it means "the last attempt
  /// failed".
  public var isRetryingAfterFailure: Bool {
    guard let reconciling, reconciling.isTrue else { return false }
    return reconciling.reason == "ProgressingWithRetry"
  }
}
