import Foundation
import TackJSON

/// The in-process API for tests and controller doubles. Every call goes through the same
/// versioning, validation, defaulting, generation, managedFields and watch paths as HTTP, so a
/// double that writes status here behaves like a controller writing through the API server.
///
/// ```swift
/// let repo = try cluster.store.create(gitRepositoryJSON)
/// try cluster.store.modifyStatus(apiVersion: "source.toolkit.fluxcd.io/v1", kind: "GitRepository",
///                                namespace: "flux-system", name: "podinfo") { status in
///   status["conditions"] = [["type": "Ready", "status": "True", "reason": "Succeeded"]]
/// }
/// for await event in try cluster.store.watch(apiVersion: "v1", kind: "ConfigMap", namespace: "default") { … }
/// ```
extension ObjectStore {
  func typeOf(_ object: JSON) throws(APIError) -> ResourceType {
    guard let apiVersion = object["apiVersion"]?.stringValue, let kind = object["kind"]?.stringValue else {
      throw APIError.badRequest("Object 'Kind' is missing in '\(object.serialized())'")
    }
    return try resourceType(apiVersion: apiVersion, kind: kind)
  }

  /// Creates `object` (its apiVersion/kind pick the resource). `keepStatus` stores a given status
  /// as is (seeding); otherwise status is dropped on create for kinds with a status subresource.
  /// `dryRun` answers as `?dryRun=All` does: validated and defaulted, nothing stored.
  @discardableResult
  public func create(_ object: JSON, namespace: String? = nil, fieldManager: String = "tack-test",
    keepStatus: Bool = false, dryRun: Bool = false) throws(APIError) -> JSON
  {
    let type = try typeOf(object)
    let ns = namespace ?? object[path: "metadata", "namespace"]?.stringValue
    return try create(type, namespace: ns, body: object,
      options: WriteOptions(fieldManager: fieldManager, dryRun: dryRun), keepStatus: keepStatus).object.object
  }

  public func get(apiVersion: String, kind: String, namespace: String? = nil, name: String) throws(APIError) -> JSON {
    try get(try resourceType(apiVersion: apiVersion, kind: kind), namespace: namespace, name: name).object
  }

  public func list(apiVersion: String, kind: String, namespace: String? = nil, labelSelector: String? = nil,
    fieldSelector: String? = nil) throws(APIError) -> [JSON]
  {
    let type = try resourceType(apiVersion: apiVersion, kind: kind)
    var options = ListOptions()
    if let labelSelector { options.labelSelector = try LabelSelector(parsing: labelSelector) }
    if let fieldSelector { options.fieldSelector = try FieldSelector(parsing: fieldSelector) }
    return try list(type, namespace: namespace, options: options).items.map(\.object)
  }

  /// PUT: `object` must carry the current resourceVersion for custom resources.
  @discardableResult
  public func update(_ object: JSON, fieldManager: String = "tack-test", dryRun: Bool = false) throws(APIError) -> JSON {
    let type = try typeOf(object)
    return try update(type, namespace: object[path: "metadata", "namespace"]?.stringValue,
      name: object[path: "metadata", "name"]?.stringValue ?? "", body: object,
      options: WriteOptions(fieldManager: fieldManager, dryRun: dryRun)).object.object
  }

  /// PUT to `/status`: only `status` changes.
  @discardableResult
  public func updateStatus(_ object: JSON, fieldManager: String = "tack-test") throws(APIError) -> JSON {
    let type = try typeOf(object)
    guard type.hasStatus else { throw APIError.pathNotFound() }
    return try update(type, namespace: object[path: "metadata", "namespace"]?.stringValue,
      name: object[path: "metadata", "name"]?.stringValue ?? "", body: object,
      options: WriteOptions(fieldManager: fieldManager), subresource: "status").object.object
  }

  /// Reads the object, lets `body` change its status, and writes `/status` (retrying on conflict),
  /// as a controller's status update does.
  @discardableResult
  public func modifyStatus(apiVersion: String, kind: String, namespace: String? = nil, name: String,
    fieldManager: String = "tack-test-controller", _ body: (inout JSON) -> Void) throws(APIError) -> JSON
  {
    var attempts = 0
    while true {
      var object = try get(apiVersion: apiVersion, kind: kind, namespace: namespace, name: name)
      var status = object["status"] ?? .object([:])
      body(&status)
      object["status"] = status
      let result = Result { () throws(APIError) -> JSON in try updateStatus(object, fieldManager: fieldManager) }
      switch result {
      case .success(let updated): return updated
      case .failure(let error):
        guard error.code == 409 && attempts < 5 else { throw error }
        attempts += 1
      }
    }
  }

  @discardableResult
  public func patch(apiVersion: String, kind: String, namespace: String? = nil, name: String, patch: JSON,
    type patchType: PatchType = .merge, subresource: String? = nil, fieldManager: String = "tack-test",
    force: Bool = false, dryRun: Bool = false) throws(APIError) -> JSON
  {
    let type = try resourceType(apiVersion: apiVersion, kind: kind)
    let bytes = patchType == .apply ? Array(patch.yaml().utf8) : patch.serializedBytes()
    return try self.patch(type, namespace: namespace, name: name, patchType: patchType, body: bytes,
      options: WriteOptions(fieldManager: fieldManager, dryRun: dryRun, force: force), subresource: subresource)
      .object.object
  }

  /// Server-side apply of `object` as `fieldManager` (`dryRun`: the answer without storing it).
  @discardableResult
  public func apply(_ object: JSON, fieldManager: String, force: Bool = false, dryRun: Bool = false,
    subresource: String? = nil) throws(APIError) -> JSON
  {
    let type = try typeOf(object)
    return try apply(type, namespace: object[path: "metadata", "namespace"]?.stringValue,
      name: object[path: "metadata", "name"]?.stringValue ?? "", applied: object,
      options: WriteOptions(fieldManager: fieldManager, dryRun: dryRun, force: force), subresource: subresource)
      .object.object
  }

  /// Deletes (or marks for deletion when finalizers remain); returns the object as last stored.
  @discardableResult
  public func delete(apiVersion: String, kind: String, namespace: String? = nil, name: String) throws(APIError) -> JSON {
    try delete(try resourceType(apiVersion: apiVersion, kind: kind), namespace: namespace, name: name,
      options: DeleteOptions()).object
  }

  /// Watches like `?watch=true`: without `resourceVersion` the current objects arrive as ADDED first.
  /// The stream ends when the task consuming it is cancelled (or on a 410, after an ERROR event).
  public func watch(apiVersion: String, kind: String, namespace: String? = nil, resourceVersion: String? = nil,
    labelSelector: String? = nil, fieldSelector: String? = nil) throws(APIError) -> AsyncStream<WatchEvent>
  {
    let type = try resourceType(apiVersion: apiVersion, kind: kind)
    let filter = WatchFilter(
      type: type, namespace: namespace, labelSelector: try LabelSelector(parsing: labelSelector ?? ""),
      fieldSelector: try FieldSelector(parsing: fieldSelector ?? ""))
    let (stream, continuation) = AsyncStream<WatchEvent>.makeStream()
    let id = try watch(type, namespace: namespace, resourceVersion: resourceVersion, sendInitialEvents: nil) { delivery in
      switch delivery {
      case .event(let entry):
        if let (eventType, object) = filter.translate(entry) { continuation.yield(WatchEvent(type: eventType, object: object.object)) }
      case .initialEventsEnd: break
      case .failed(let error):
        continuation.yield(WatchEvent(type: .error, object: error.status))
        continuation.finish()
      }
    }
    continuation.onTermination = { [weak self] _ in self?.cancelWatch(id) }
    return stream
  }

  /// Stores objects as given (status included) through the create path; for seeding fixtures.
  public func seed(_ objects: [JSON], fieldManager: String = "tack-testserver") throws(APIError) {
    for object in objects { try create(object, fieldManager: fieldManager, keepStatus: true) }
  }

  /// Creates a namespace if it does not exist yet.
  public func ensureNamespace(_ name: String) throws(APIError) {
    let result = Result { () throws(APIError) -> JSON in
      try create(["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string(name)]])
    }
    if case .failure(let error) = result, error.code != 409 { throw error }
  }
}
