import TackJSON

/// Query options of a list or watch.
public struct ListOptions: Sendable, Equatable {
  public var labelSelector: String?
  public var fieldSelector: String?
  /// Page size; nil lets the server decide (no paging).
  public var limit: Int?
  public var continueToken: String?
  public var resourceVersion: String?
  public var resourceVersionMatch: String?
  /// Server-side timeout of a watch.
  public var timeoutSeconds: Int?

  public init(
    labelSelector: String? = nil, fieldSelector: String? = nil, limit: Int? = nil, continueToken: String? = nil,
    resourceVersion: String? = nil, resourceVersionMatch: String? = nil, timeoutSeconds: Int? = nil
  ) {
    self.labelSelector = labelSelector
    self.fieldSelector = fieldSelector
    self.limit = limit
    self.continueToken = continueToken
    self.resourceVersion = resourceVersion
    self.resourceVersionMatch = resourceVersionMatch
    self.timeoutSeconds = timeoutSeconds
  }

  var queryItems: [(String, String)] {
    var items: [(String, String)] = []
    if let labelSelector, !labelSelector.isEmpty { items.append(("labelSelector", labelSelector)) }
    if let fieldSelector, !fieldSelector.isEmpty { items.append(("fieldSelector", fieldSelector)) }
    if let limit, limit > 0 { items.append(("limit", String(limit))) }
    if let continueToken, !continueToken.isEmpty { items.append(("continue", continueToken)) }
    if let resourceVersion { items.append(("resourceVersion", resourceVersion)) }
    if let resourceVersionMatch { items.append(("resourceVersionMatch", resourceVersionMatch)) }
    if let timeoutSeconds { items.append(("timeoutSeconds", String(timeoutSeconds))) }
    return items
  }
}

/// A patch and its content type.
public enum Patch: Sendable, Equatable {
  /// RFC 7386 JSON merge patch (`application/merge-patch+json`).
  case merge(JSON)
  /// RFC 6902 JSON patch operations (`application/json-patch+json`).
  case json([JSON])
  /// Strategic merge patch, for built-in kinds only (`application/strategic-merge-patch+json`).
  case strategicMerge(JSON)
  /// Server-side apply of a full object (`application/apply-patch+yaml`); needs a field manager.
  case apply(JSON, fieldManager: String, force: Bool = false)

  var contentType: String {
    switch self {
    case .merge: "application/merge-patch+json"
    case .json: "application/json-patch+json"
    case .strategicMerge: "application/strategic-merge-patch+json"
    case .apply: "application/apply-patch+yaml"
    }
  }

  var body: [UInt8] {
    switch self {
    case .merge(let json), .strategicMerge(let json), .apply(let json, _, _): json.serializedBytes()
    case .json(let operations): JSON.array(operations).serializedBytes()
    }
  }

  /// Whether sending it twice has the same effect as once (JSON patch with `add` to an array end or
  /// `test` guards is not assumed to be).
  var isIdempotent: Bool {
    switch self {
    case .merge, .strategicMerge, .apply: true
    case .json(let operations):
      operations.allSatisfy { op in
        let kind = op["op"]?.stringValue ?? ""
        let path = op["path"]?.stringValue ?? ""
        return (kind == "replace" || kind == "remove" || kind == "test" || kind == "add") && !path.hasSuffix("/-")
      }
    }
  }

  var queryItems: [(String, String)] {
    guard case .apply(_, let manager, let force) = self else { return [] }
    var items = [("fieldManager", manager)]
    if force { items.append(("force", "true")) }
    return items
  }
}

/// How dependents are deleted.
public enum PropagationPolicy: String, Sendable {
  case orphan = "Orphan"
  case background = "Background"
  case foreground = "Foreground"
}

public struct DeleteOptions: Sendable, Equatable {
  public var propagationPolicy: PropagationPolicy?
  public var gracePeriodSeconds: Int?
  /// Only delete this exact object (precondition on uid).
  public var preconditionUID: String?
  public var preconditionResourceVersion: String?

  public init(
    propagationPolicy: PropagationPolicy? = nil, gracePeriodSeconds: Int? = nil, preconditionUID: String? = nil,
    preconditionResourceVersion: String? = nil
  ) {
    self.propagationPolicy = propagationPolicy
    self.gracePeriodSeconds = gracePeriodSeconds
    self.preconditionUID = preconditionUID
    self.preconditionResourceVersion = preconditionResourceVersion
  }

  var body: JSON {
    var json: JSON = ["apiVersion": "v1", "kind": "DeleteOptions"]
    if let propagationPolicy { json["propagationPolicy"] = .string(propagationPolicy.rawValue) }
    if let gracePeriodSeconds { json["gracePeriodSeconds"] = .int(gracePeriodSeconds) }
    if preconditionUID != nil || preconditionResourceVersion != nil {
      var pre: JSON = [:]
      if let preconditionUID { pre["uid"] = .string(preconditionUID) }
      if let preconditionResourceVersion { pre["resourceVersion"] = .string(preconditionResourceVersion) }
      json["preconditions"] = pre
    }
    return json
  }
}

/// Options of writes (create, update, patch).
public struct WriteOptions: Sendable, Equatable {
  public var fieldManager: String?
  /// `All` for a server-side dry run.
  public var dryRun: Bool
  /// `Strict` rejects unknown fields (`fieldValidation`).
  public var fieldValidation: String?

  public init(fieldManager: String? = nil, dryRun: Bool = false, fieldValidation: String? = nil) {
    self.fieldManager = fieldManager
    self.dryRun = dryRun
    self.fieldValidation = fieldValidation
  }

  var queryItems: [(String, String)] {
    var items: [(String, String)] = []
    if dryRun { items.append(("dryRun", "All")) }
    if let fieldManager { items.append(("fieldManager", fieldManager)) }
    if let fieldValidation { items.append(("fieldValidation", fieldValidation)) }
    return items
  }
}
