import Foundation
import Synchronization
import TackBase
import TackJSON

extension ObjectStore {
  static let nameAlphabet = Array("bcdfghjklmnpqrstvwxz2456789")

  /// Body checks before anything else: an object, with the endpoint's apiVersion and kind.
  static func checkBody(_ body: JSON, type: ResourceType) throws(APIError) -> JSON {
    guard case .object = body else {
      throw APIError.badRequest("the object provided is unrecognized (must be of type \(type.kind))")
    }
    var object = body
    if let apiVersion = object["apiVersion"]?.stringValue, !apiVersion.isEmpty {
      if apiVersion != type.apiVersion {
        throw APIError.badRequest(
          "the API version in the data (\(apiVersion)) does not match the expected API version (\(type.apiVersion))")
      }
    } else if type.isCustom {
      throw APIError.badRequest("Object 'apiVersion' is missing in '\(body.serialized())'")
    } else {
      object["apiVersion"] = .string(type.apiVersion)
    }
    if let kind = object["kind"]?.stringValue, !kind.isEmpty {
      if kind != type.kind {
        throw APIError.badRequest("the kind in the data (\(kind)) does not match the expected kind (\(type.kind))")
      }
    } else if type.isCustom {
      throw APIError.badRequest("Object 'Kind' is missing in '\(body.serialized())'")
    } else {
      object["kind"] = .string(type.kind)
    }
    if object["metadata"] == nil { object["metadata"] = .object([:]) }
    guard object["metadata"]?.objectValue != nil else {
      throw APIError.badRequest("\(type.kind) in version \"\(type.version)\" cannot be handled as a \(type.kind): metadata must be an object")
    }
    return object
  }

  /// Pruning (with warnings or a strict error), defaulting and validation from a CRD schema.
  static func applySchema(_ object: inout JSON, type: ResourceType, options: WriteOptions) throws(APIError) -> [String] {
    guard let schema = type.schema else { return [] }
    var unknown: [String] = []
    schema.prune(&object, path: "", isRoot: true, unknown: &unknown)
    var warnings: [String] = []
    if !unknown.isEmpty {
      switch options.fieldValidation {
      case .strict:
        let list = unknown.map { "unknown field \(FieldError.goQuote($0))" }.joined(separator: ", ")
        throw APIError.badRequest(
          "\(type.kind) in version \(FieldError.goQuote(type.version)) cannot be handled as a \(type.kind): strict decoding error: \(list)")
      case .warn: warnings = unknown.map { "unknown field \(FieldError.goQuote($0))" }
      case .ignore: break
      }
    }
    schema.applyDefaults(&object)
    return warnings
  }

  static func validationErrors(_ object: JSON, type: ResourceType) -> [FieldError] {
    var errors = ObjectValidation.validateMetadata(object, type: type)
    errors += ObjectValidation.validateBuiltin(object, type: type)
    if let schema = type.schema {
      var body = object
      body["metadata"] = nil
      errors += schema.validate(body, path: "")
    }
    if type.storageKey == CustomResourceDefinitions.storageKey { errors += CustomResourceDefinitions.validate(object) }
    return errors
  }

  static func invalid(_ type: ResourceType, _ object: JSON, _ errors: [FieldError]) -> APIError {
    APIError.invalid(kind: type.kind, group: type.group, name: object[path: "metadata", "name"]?.stringValue ?? "", causes: errors)
  }

  static func walker(for type: ResourceType) -> FieldWalker { FieldWalker(schema: type.schema, custom: type.isCustom) }

  // MARK: create

  /// An object ready to be stored by a create: everything the create path assigns except the
  /// resourceVersion, which only the commit knows.
  struct PreparedCreate: Sendable {
    var object: JSON
    var name: String
    /// The namespace it lives in (nil for cluster-scoped kinds).
    var namespace: String?
    var key: String
    var warnings: [String]
  }

  /// The lock-free part of a create: body checks, namespace, generated name, uid, timestamps,
  /// generation, schema pruning and defaulting, built-in defaulting and managedFields.
  static func prepareCreate(_ type: ResourceType, namespace: String?, body: JSON, options: WriteOptions,
    keepStatus: Bool, applyManager: String?, now: String) throws(APIError) -> PreparedCreate
  {
    var object = try ObjectStore.checkBody(body, type: type)
    if type.namespaced {
      let bodyNamespace = object[path: "metadata", "namespace"]?.stringValue ?? ""
      if let namespace, !namespace.isEmpty, !bodyNamespace.isEmpty, bodyNamespace != namespace {
        throw APIError.badRequest("the namespace of the provided object does not match the namespace sent on the request")
      }
      let effective = (namespace?.isEmpty ?? true) ? (bodyNamespace.isEmpty ? "default" : bodyNamespace) : namespace!
      object[path: "metadata", "namespace"] = .string(effective)
    } else {
      object[path: "metadata", "namespace"] = nil
    }
    if (object[path: "metadata", "name"]?.stringValue ?? "").isEmpty,
      let prefix = object[path: "metadata", "generateName"]?.stringValue, !prefix.isEmpty
    {
      let suffix = String((0..<5).map { _ in ObjectStore.nameAlphabet.randomElement()! })
      object[path: "metadata", "name"] = .string(String(prefix.prefix(58)) + suffix)
    }
    if let rv = object[path: "metadata", "resourceVersion"]?.stringValue, !rv.isEmpty {
      throw APIError.internalError("resourceVersion should not be set on objects to be created")
    }
    object[path: "metadata", "uid"] = .string(UUID().uuidString.lowercased())
    object[path: "metadata", "creationTimestamp"] = .string(now)
    for field in ["deletionTimestamp", "deletionGracePeriodSeconds", "selfLink", "managedFields"] {
      object[path: "metadata", field] = nil
    }
    object[path: "metadata", "generation"] = type.tracksGeneration ? 1 : nil
    if type.hasStatus && !keepStatus { object["status"] = nil }
    let warnings = try ObjectStore.applySchema(&object, type: type, options: options)
    ObjectValidation.defaultBuiltin(&object, type: type, isCreate: true)
    if type.storageKey == CustomResourceDefinitions.storageKey { CustomResourceDefinitions.applyDefaults(&object) }
    let name = object[path: "metadata", "name"]?.stringValue ?? ""
    let namespaceName = type.namespaced ? object[path: "metadata", "namespace"]?.stringValue : nil
    let key = ObjectStore.objectKey(namespace: namespaceName, name: name)
    var managed = object
    if let applyManager {
      managed = try ManagedFields.apply(
        live: nil, applied: object, manager: applyManager, force: options.force, apiVersion: type.apiVersion,
        subresource: nil, walker: ObjectStore.walker(for: type), now: now)
    } else {
      ManagedFields.recordUpdate(
        old: nil, new: &managed, manager: options.fieldManager, apiVersion: type.apiVersion, subresource: nil,
        walker: ObjectStore.walker(for: type), now: now)
    }
    return PreparedCreate(object: managed, name: name, namespace: namespaceName, key: key, warnings: warnings)
  }

  /// 404 when the namespace is missing, 403 when it is terminating (caller holds the lock).
  static func checkNamespace(_ state: StoreState, _ namespaceName: String, type: ResourceType, name: String)
    throws(APIError)
  {
    guard let namespaceObject = state.buckets["/namespaces"]?.objects[namespaceName] else {
      throw APIError.notFound(resource: "namespaces", group: "", name: namespaceName)
    }
    if namespaceObject.object[path: "metadata", "deletionTimestamp"] != nil {
      let message = "unable to create new content in namespace \(namespaceName) because it is being terminated"
      throw APIError(
        code: 403, reason: "Forbidden", message: message,
        details: APIError.details(name: name, group: type.group, kind: type.plural, extra: [
          "causes": [["reason": "NamespaceTerminating", "message": .string(message), "field": "metadata.namespace"]]
        ]))
    }
  }

  func create(_ type: ResourceType, namespace: String?, body: JSON, options: WriteOptions, keepStatus: Bool = false,
    applyManager: String? = nil) throws(APIError) -> WriteResult
  {
    let prepared = try ObjectStore.prepareCreate(
      type, namespace: namespace, body: body, options: options, keepStatus: keepStatus, applyManager: applyManager,
      now: RFC3339Time.now().rfc3339)
    let managed = prepared.object
    let limit = historyLimit
    let counter = currentRevision
    return try state.withLock { state throws(APIError) -> WriteResult in
      guard let storageType = state.registry.storageType(forKey: type.storageKey) else { throw APIError.pathNotFound() }
      if let namespaceName = prepared.namespace {
        try ObjectStore.checkNamespace(state, namespaceName, type: type, name: prepared.name)
      }
      let errors = ObjectStore.validationErrors(managed, type: type)
      if !errors.isEmpty { throw ObjectStore.invalid(type, managed, errors) }
      if let existing = state.buckets[type.storageKey]?.objects[prepared.key] {
        var error = APIError.alreadyExists(resource: type.plural, group: type.group, name: prepared.name)
        if existing.object[path: "metadata", "deletionTimestamp"] != nil {
          error.message = "object is being deleted: " + error.message
        }
        throw error
      }
      let storageForm = ObjectStore.toStorage(managed, type: type, storageType: storageType)
      if options.dryRun {
        return WriteResult(object: StoredObject(managed, revision: 0), warnings: prepared.warnings, created: true)
      }
      let stored = ObjectStore.commit(
        &state, storageKey: type.storageKey, key: prepared.key, object: storageForm, type: .added, historyLimit: limit,
        revisionCounter: counter)
      if type.storageKey == CustomResourceDefinitions.storageKey {
        ObjectStore.establish(&state, crd: stored.object, historyLimit: limit, revisionCounter: counter)
      }
      return WriteResult(object: ObjectStore.present(stored, as: type), warnings: prepared.warnings, created: true)
    }
  }

  // MARK: update

  func update(_ type: ResourceType, namespace: String?, name: String, body: JSON, options: WriteOptions,
    subresource: String? = nil) throws(APIError) -> WriteResult
  {
    var incoming = try ObjectStore.checkBody(body, type: type)
    let bodyName = incoming[path: "metadata", "name"]?.stringValue ?? ""
    if bodyName.isEmpty {
      incoming[path: "metadata", "name"] = .string(name)
    } else if bodyName != name {
      throw APIError.badRequest("the name of the object (\(bodyName)) does not match the name on the URL (\(name))")
    }
    if type.namespaced, let bodyNamespace = incoming[path: "metadata", "namespace"]?.stringValue, !bodyNamespace.isEmpty,
      let namespace, bodyNamespace != namespace
    {
      throw APIError.badRequest("the namespace of the provided object does not match the namespace sent on the request")
    }
    let key = ObjectStore.objectKey(namespace: type.namespaced ? namespace : nil, name: name)
    let limit = historyLimit
    let counter = currentRevision
    return try state.withLock { state throws(APIError) -> WriteResult in
      guard let storageType = state.registry.storageType(forKey: type.storageKey) else { throw APIError.pathNotFound() }
      guard let existing = state.buckets[type.storageKey]?.objects[key] else {
        throw APIError.notFound(resource: type.plural, group: type.group, name: name)
      }
      let old = ObjectStore.present(existing, as: type).object
      let bodyRV = incoming[path: "metadata", "resourceVersion"]?.stringValue ?? ""
      if bodyRV.isEmpty {
        if type.isCustom || type.storageKey == CustomResourceDefinitions.storageKey {
          throw ObjectStore.invalid(type, incoming, [
            FieldError(.invalid, field: "metadata.resourceVersion", value: "0x0", detail: "must be specified for an update")
          ])
        }
      } else if bodyRV != String(existing.revision) {
        throw APIError.conflict(resource: type.plural, group: type.group, name: name, detail: APIError.staleObject)
      }
      return try ObjectStore.finishUpdate(
        &state, type: type, storageType: storageType, key: key, old: old, new: incoming, options: options,
        subresource: subresource, applied: false, historyLimit: limit, revisionCounter: counter)
    }
  }

  /// The common tail of update, patch and apply (caller holds the lock and has checked preconditions).
  static func finishUpdate(
    _ state: inout StoreState, type: ResourceType, storageType: ResourceType, key: String, old: JSON, new: JSON,
    options: WriteOptions, subresource: String?, applied: Bool, historyLimit: Int, revisionCounter: RevisionCounter
  ) throws(APIError) -> WriteResult {
    let now = RFC3339Time.now().rfc3339
    var object = new
    let newManagedFields = object[path: "metadata", "managedFields"]
    if subresource == "status" {
      var merged = old
      merged["status"] = object["status"]
      object = merged
    } else if type.hasStatus {
      object["status"] = old["status"]
    }
    for field in ["uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation", "namespace", "selfLink"] {
      object[path: "metadata", field] = old[path: "metadata", field]
    }
    object[path: "metadata", "managedFields"] = applied ? newManagedFields : old[path: "metadata", "managedFields"]
    object[path: "metadata", "resourceVersion"] = old[path: "metadata", "resourceVersion"]
    if old[path: "metadata", "deletionTimestamp"] != nil {
      let before = old[path: "metadata", "finalizers"]?.arrayValue ?? []
      let added = (object[path: "metadata", "finalizers"]?.arrayValue ?? []).filter { !before.contains($0) }
      if !added.isEmpty {
        let list = "[]string{" + added.map { FieldError.goQuote($0.stringValue ?? "") }.joined(separator: ", ") + "}"
        throw ObjectStore.invalid(type, object, [
          FieldError(.forbidden, field: "metadata.finalizers", detail: "no new finalizers can be added if the object is being deleted, found new finalizers \(list)")
        ])
      }
    }
    let warnings = try applySchema(&object, type: type, options: options)
    ObjectValidation.defaultBuiltin(&object, type: type, isCreate: false)
    ObjectValidation.keepAllocatedValues(&object, old: old, type: type)
    let errors = validationErrors(object, type: type)
    if !errors.isEmpty { throw invalid(type, object, errors) }
    if type.tracksGeneration {
      var a = object
      var b = old
      a["metadata"] = nil
      b["metadata"] = nil
      if type.hasStatus {
        a["status"] = nil
        b["status"] = nil
      }
      if a != b {
        let generation = old[path: "metadata", "generation"]?.intValue ?? 0
        object[path: "metadata", "generation"] = .int(generation + 1)
      }
    }
    if !applied {
      ManagedFields.recordUpdate(
        old: old, new: &object, manager: options.fieldManager, apiVersion: type.apiVersion, subresource: subresource,
        walker: walker(for: type), now: now)
    }
    let existing = state.buckets[type.storageKey]!.objects[key]!
    if object == old || options.dryRun {
      return WriteResult(object: StoredObject(object, revision: existing.revision), warnings: warnings)
    }
    let storageForm = toStorage(object, type: type, storageType: storageType)
    var stored = commit(
      &state, storageKey: type.storageKey, key: key, object: storageForm, type: .modified, historyLimit: historyLimit,
      revisionCounter: revisionCounter)
    if stored.object[path: "metadata", "deletionTimestamp"] != nil,
      (stored.object[path: "metadata", "finalizers"]?.arrayValue ?? []).isEmpty
    {
      stored = removeObject(&state, type: type, key: key, historyLimit: historyLimit, revisionCounter: revisionCounter)
    } else if type.storageKey == CustomResourceDefinitions.storageKey {
      establish(&state, crd: stored.object, historyLimit: historyLimit, revisionCounter: revisionCounter)
      stored = state.buckets[type.storageKey]!.objects[key]!
    }
    return WriteResult(object: present(stored, as: type), warnings: warnings)
  }

  // MARK: delete

  public struct DeleteOptions: Sendable {
    public var resourceVersion: String?
    public var uid: String?
    public var propagationPolicy: String?
    public var dryRun: Bool
    public init(resourceVersion: String? = nil, uid: String? = nil, propagationPolicy: String? = nil, dryRun: Bool = false) {
      self.resourceVersion = resourceVersion
      self.uid = uid
      self.propagationPolicy = propagationPolicy
      self.dryRun = dryRun
    }
  }

  /// Deletes (or, with finalizers, marks for deletion) an object; returns it as last seen.
  func delete(_ type: ResourceType, namespace: String?, name: String, options: DeleteOptions) throws(APIError) -> StoredObject {
    let key = ObjectStore.objectKey(namespace: type.namespaced ? namespace : nil, name: name)
    let limit = historyLimit
    let counter = currentRevision
    return try state.withLock { state throws(APIError) -> StoredObject in
      guard let existing = state.buckets[type.storageKey]?.objects[key] else {
        throw APIError.notFound(resource: type.plural, group: type.group, name: name)
      }
      if let uid = options.uid, let actual = existing.object[path: "metadata", "uid"]?.stringValue, uid != actual {
        throw APIError.conflict(resource: type.plural, group: type.group, name: name,
          detail: "Precondition failed: UID in precondition: \(uid), UID in object meta: \(actual)")
      }
      if let rv = options.resourceVersion, rv != String(existing.revision) {
        throw APIError.conflict(resource: type.plural, group: type.group, name: name,
          detail: "Precondition failed: ResourceVersion in precondition: \(rv), ResourceVersion in object meta: \(existing.revision)")
      }
      if options.dryRun { return ObjectStore.dryRunDeletion(existing, type: type) }
      let stored = ObjectStore.deleteLocked(&state, type: type, key: key, historyLimit: limit, revisionCounter: counter)
      return ObjectStore.present(stored, as: type)
    }
  }

  /// What a dry-run delete answers: the object as the deletion would leave it. With finalizers
  /// (or for a namespace) that is the object marked for deletion; otherwise the object as it was.
  static func dryRunDeletion(_ existing: StoredObject, type: ResourceType) -> StoredObject {
    var object = present(existing, as: type).object
    let finalizers = object[path: "metadata", "finalizers"]?.arrayValue ?? []
    let isNamespace = type.storageKey == "/namespaces"
    guard isNamespace || !finalizers.isEmpty, object[path: "metadata", "deletionTimestamp"] == nil else {
      return StoredObject(object, revision: existing.revision)
    }
    object[path: "metadata", "deletionTimestamp"] = .string(RFC3339Time.now().rfc3339)
    object[path: "metadata", "deletionGracePeriodSeconds"] = 0
    if isNamespace {
      object[path: "status", "phase"] = "Terminating"
    } else if let generation = object[path: "metadata", "generation"]?.intValue, generation > 0 {
      object[path: "metadata", "generation"] = .int(generation + 1)
    }
    return StoredObject(object, revision: existing.revision)
  }

  /// Marks with deletionTimestamp when finalizers remain, else removes (with cascades).
  static func deleteLocked(_ state: inout StoreState, type: ResourceType, key: String, historyLimit: Int,
    revisionCounter: RevisionCounter) -> StoredObject
  {
    let existing = state.buckets[type.storageKey]!.objects[key]!
    var object = existing.object
    let finalizers = object[path: "metadata", "finalizers"]?.arrayValue ?? []
    if type.storageKey == "/namespaces" {
      if object[path: "metadata", "deletionTimestamp"] == nil {
        object[path: "metadata", "deletionTimestamp"] = .string(RFC3339Time.now().rfc3339)
        object[path: "metadata", "deletionGracePeriodSeconds"] = 0
        object[path: "status", "phase"] = "Terminating"
        commit(&state, storageKey: type.storageKey, key: key, object: object, type: .modified,
          historyLimit: historyLimit, revisionCounter: revisionCounter)
        let namespace = key
        for storageKey in Array(state.buckets.keys) where storageKey != "/namespaces" {
          guard let bucketType = state.registry.storageType(forKey: storageKey), bucketType.namespaced,
            let bucket = state.buckets[storageKey]
          else { continue }
          for index in bucket.range(namespace: namespace).reversed() {
            let childKey = bucket.keys[index]
            _ = deleteLocked(&state, type: bucketType, key: childKey, historyLimit: historyLimit, revisionCounter: revisionCounter)
          }
        }
      }
      finishNamespaceIfEmpty(&state, namespace: key, historyLimit: historyLimit, revisionCounter: revisionCounter)
      return state.buckets["/namespaces"]?.objects[key] ?? existing
    }
    if !finalizers.isEmpty {
      if object[path: "metadata", "deletionTimestamp"] != nil { return existing }
      object[path: "metadata", "deletionTimestamp"] = .string(RFC3339Time.now().rfc3339)
      object[path: "metadata", "deletionGracePeriodSeconds"] = 0
      if let generation = object[path: "metadata", "generation"]?.intValue, generation > 0 {
        object[path: "metadata", "generation"] = .int(generation + 1)
      }
      return commit(&state, storageKey: type.storageKey, key: key, object: object, type: .modified,
        historyLimit: historyLimit, revisionCounter: revisionCounter)
    }
    return removeObject(&state, type: type, key: key, historyLimit: historyLimit, revisionCounter: revisionCounter)
  }

  static func removeObject(_ state: inout StoreState, type: ResourceType, key: String, historyLimit: Int,
    revisionCounter: RevisionCounter) -> StoredObject
  {
    let removed = commit(&state, storageKey: type.storageKey, key: key, object: nil, type: .deleted,
      historyLimit: historyLimit, revisionCounter: revisionCounter)
    if type.storageKey == CustomResourceDefinitions.storageKey {
      let crdName = key
      if let served = state.registry.types.first(where: { state.registry.crdName(of: $0) == crdName }) {
        let instances = state.buckets[served.storageKey]?.keys ?? []
        for instance in instances.reversed() {
          commit(&state, storageKey: served.storageKey, key: instance, object: nil, type: .deleted,
            historyLimit: historyLimit, revisionCounter: revisionCounter)
        }
        state.buckets[served.storageKey] = nil
      }
      state.registry.remove(crdName: crdName)
    }
    if type.namespaced, let slash = key.firstIndex(of: "/") {
      finishNamespaceIfEmpty(&state, namespace: String(key[..<slash]), historyLimit: historyLimit,
        revisionCounter: revisionCounter)
    }
    return removed
  }

  /// A terminating namespace goes away once nothing is left in it (the namespace controller's job).
  static func finishNamespaceIfEmpty(_ state: inout StoreState, namespace: String, historyLimit: Int,
    revisionCounter: RevisionCounter)
  {
    guard let object = state.buckets["/namespaces"]?.objects[namespace],
      object.object[path: "metadata", "deletionTimestamp"] != nil,
      (object.object[path: "metadata", "finalizers"]?.arrayValue ?? []).isEmpty
    else { return }
    for (storageKey, bucket) in state.buckets where storageKey != "/namespaces" {
      if !bucket.range(namespace: namespace).isEmpty { return }
    }
    commit(&state, storageKey: "/namespaces", key: namespace, object: nil, type: .deleted,
      historyLimit: historyLimit, revisionCounter: revisionCounter)
  }

  // MARK: CRDs

  /// Serves the CRD's versions and sets the conditions the real controllers set.
  static func establish(_ state: inout StoreState, crd: JSON, historyLimit: Int, revisionCounter: RevisionCounter) {
    guard let name = crd[path: "metadata", "name"]?.stringValue else { return }
    let (types, storageVersion) = CustomResourceDefinitions.types(of: crd)
    state.registry.install(crdName: name, types: types, storageVersion: storageVersion)
    var updated = crd
    let now = RFC3339Time.now().rfc3339
    var names = crd[path: "spec", "names"] ?? [:]
    if names["singular"] == nil { names["singular"] = .string((names["kind"]?.stringValue ?? "").lowercased()) }
    if names["listKind"] == nil { names["listKind"] = .string((names["kind"]?.stringValue ?? "") + "List") }
    var stored = crd[path: "status", "storedVersions"]?.arrayValue ?? []
    if !stored.contains(.string(storageVersion)) { stored.append(.string(storageVersion)) }
    let existing = crd[path: "status", "conditions"]?.arrayValue ?? []
    func condition(_ type: String, _ reason: String, _ message: String) -> JSON {
      let since = existing.first { $0["type"]?.stringValue == type && $0["status"]?.stringValue == "True" }?["lastTransitionTime"]
      return ["type": .string(type), "status": "True", "lastTransitionTime": since ?? .string(now),
              "reason": .string(reason), "message": .string(message)]
    }
    updated["status"] = [
      "conditions": [
        condition("NamesAccepted", "NoConflicts", "no conflicts found"),
        condition("Established", "InitialNamesAccepted", "the initial names have been accepted"),
      ],
      "acceptedNames": names, "storedVersions": .array(stored),
    ]
    if updated != crd {
      commit(&state, storageKey: CustomResourceDefinitions.storageKey, key: name, object: updated, type: .modified,
        historyLimit: historyLimit, revisionCounter: revisionCounter)
    }
  }
}

extension CustomResourceDefinitions {
  static func applyDefaults(_ crd: inout JSON) {
    if crd[path: "spec", "conversion"] == nil { crd[path: "spec", "conversion"] = ["strategy": "None"] }
    if let kind = crd[path: "spec", "names", "kind"]?.stringValue {
      if crd[path: "spec", "names", "singular"] == nil { crd[path: "spec", "names", "singular"] = .string(kind.lowercased()) }
      if crd[path: "spec", "names", "listKind"] == nil { crd[path: "spec", "names", "listKind"] = .string(kind + "List") }
    }
  }
}
