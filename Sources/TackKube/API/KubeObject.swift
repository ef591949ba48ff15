import TackJSON

/// A Kubernetes object of any kind, kept as the JSON the server sent: every field tack does not know
/// survives a read-modify-write. Typed, read-only views cover what tack reads (`metadata`,
/// `conditions`, `observedGeneration`, `suspend`).
public struct KubeObject: Sendable, Hashable, CustomStringConvertible {
  public var json: JSON

  public init(_ json: JSON) { self.json = json }

  /// A new object with `apiVersion`, `kind` and `metadata.name`/`namespace` set.
  public init(apiVersion: String, kind: String, name: String, namespace: String? = nil) {
    var metadata: JSON = ["name": .string(name)]
    if let namespace { metadata["namespace"] = .string(namespace) }
    json = ["apiVersion": .string(apiVersion), "kind": .string(kind), "metadata": metadata]
  }

  public var apiVersion: String { json["apiVersion"]?.stringValue ?? "" }
  public var kind: String { json["kind"]?.stringValue ?? "" }
  public var metadata: ObjectMeta { ObjectMeta(json["metadata"] ?? .object([:])) }

  public var name: String { metadata.name }
  public var namespace: String? { metadata.namespace }

  /// `status.conditions`, in the order the controller wrote them.
  public var conditions: [Condition] {
    (json[path: "status", "conditions"]?.arrayValue ?? []).map(Condition.init)
  }

  /// The condition of a type (`Ready`, `Reconciling`, `Stalled`), if present.
  public func condition(_ type: String) -> Condition? { conditions.first { $0.type == type } }

  /// `status.observedGeneration`.
  public var observedGeneration: Int? { json[path: "status", "observedGeneration"]?.intValue }
  /// `spec.suspend` (false when absent).
  public var suspend: Bool { json[path: "spec", "suspend"]?.boolValue ?? false }

  public subscript(path keys: String...) -> JSON? {
    get { json[path: keys] }
    set { json[path: keys] = newValue }
  }

  public var description: String { "\(kind)/\(metadata.namespace.map { "\($0)/" } ?? "")\(metadata.name)" }
}

/// A read-only view of `metadata`.
public struct ObjectMeta: Sendable, Hashable {
  public var json: JSON
  public init(_ json: JSON) { self.json = json }

  public var name: String { json["name"]?.stringValue ?? "" }
  public var generateName: String? { json["generateName"]?.stringValue }
  public var namespace: String? { json["namespace"]?.stringValue }
  public var uid: String? { json["uid"]?.stringValue }
  public var resourceVersion: String? { json["resourceVersion"]?.stringValue }
  public var generation: Int? { json["generation"]?.intValue }
  public var labels: [String: String] { Self.stringMap(json["labels"]) }
  public var annotations: [String: String] { Self.stringMap(json["annotations"]) }
  /// RFC 3339 text, as the server sent it.
  public var creationTimestamp: String? { json["creationTimestamp"]?.stringValue }
  public var deletionTimestamp: String? { json["deletionTimestamp"]?.stringValue }
  public var finalizers: [String] { (json["finalizers"]?.arrayValue ?? []).compactMap(\.stringValue) }
  public var ownerReferences: [OwnerReference] {
    (json["ownerReferences"]?.arrayValue ?? []).map(OwnerReference.init)
  }

  static func stringMap(_ value: JSON?) -> [String: String] {
    var result: [String: String] = [:]
    for member in value?.objectValue ?? [:] {
      if let text = member.value.stringValue { result[member.key] = text }
    }
    return result
  }
}

public struct OwnerReference: Sendable, Hashable {
  public var apiVersion: String
  public var kind: String
  public var name: String
  public var uid: String
  public var controller: Bool
  public var blockOwnerDeletion: Bool

  init(_ json: JSON) {
    apiVersion = json["apiVersion"]?.stringValue ?? ""
    kind = json["kind"]?.stringValue ?? ""
    name = json["name"]?.stringValue ?? ""
    uid = json["uid"]?.stringValue ?? ""
    controller = json["controller"]?.boolValue ?? false
    blockOwnerDeletion = json["blockOwnerDeletion"]?.boolValue ?? false
  }
}

/// One entry of `status.conditions` (`metav1.Condition`).
public struct Condition: Sendable, Hashable {
  public var type: String
  /// `True`, `False` or `Unknown`.
  public var status: String
  public var reason: String
  public var message: String
  public var lastTransitionTime: String?
  public var observedGeneration: Int?

  public init(
    type: String, status: String, reason: String = "", message: String = "", lastTransitionTime: String? = nil,
    observedGeneration: Int? = nil
  ) {
    self.type = type
    self.status = status
    self.reason = reason
    self.message = message
    self.lastTransitionTime = lastTransitionTime
    self.observedGeneration = observedGeneration
  }

  public init(_ json: JSON) {
    type = json["type"]?.stringValue ?? ""
    status = json["status"]?.stringValue ?? "Unknown"
    reason = json["reason"]?.stringValue ?? ""
    message = json["message"]?.stringValue ?? ""
    lastTransitionTime = json["lastTransitionTime"]?.stringValue
    observedGeneration = json["observedGeneration"]?.intValue
  }

  public var isTrue: Bool { status == "True" }
  public var isFalse: Bool { status == "False" }
}

/// One page of a list: the items and where to continue.
public struct KubeObjectList: Sendable, Hashable {
  public var items: [KubeObject]
  public var resourceVersion: String?
  /// The `continue` token for the next page; nil on the last page.
  public var continueToken: String?
  public var remainingItemCount: Int?
  /// The list object minus `items` (apiVersion, kind, metadata).
  public var json: JSON

  public init(items: [KubeObject], resourceVersion: String? = nil, continueToken: String? = nil, remainingItemCount: Int? = nil, json: JSON = [:]) {
    self.items = items
    self.resourceVersion = resourceVersion
    self.continueToken = continueToken
    self.remainingItemCount = remainingItemCount
    self.json = json
  }

  init(json: JSON) {
    var head = json
    head["items"] = nil
    self.json = head
    items = (json["items"]?.arrayValue ?? []).map(KubeObject.init)
    resourceVersion = json[path: "metadata", "resourceVersion"]?.stringValue
    let token = json[path: "metadata", "continue"]?.stringValue
    continueToken = token?.isEmpty == false ? token : nil
    remainingItemCount = json[path: "metadata", "remainingItemCount"]?.intValue
  }
}
