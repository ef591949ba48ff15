import Foundation
import Synchronization
import TackBase
import TackJSON

/// How a watch request is to be served.
struct WatchPlan: Sendable {
  var type: ResourceType
  var namespace: String?
  var filter: WatchFilter
  var resourceVersion: String?
  var sendInitialEvents: Bool?
  var allowBookmarks: Bool
  var timeout: Duration
  var format: ResponseFormat
}

enum ResponseFormat: Sendable, Equatable {
  case json
  case table(version: String, include: String)
  case partialMetadata(version: String)
}

enum DispatchOutcome: Sendable {
  case respond(APIResponse)
  case watch(WatchPlan)
  case proxy(ProxyRequest, ServiceProxy.Handler)
  /// A response streamed as it is produced (a followed pod log), in chunked encoding.
  case stream(contentType: String, chunks: AsyncStream<StreamChunk>)
}

/// What a URL names (kube-apiserver's RequestInfo).
struct ResourcePath {
  var group: String
  var version: String
  var namespace: String?
  var resource: String
  var name: String?
  var subresource: String?
  var rest: String?
  var legacyWatch: Bool
}

/// Routes requests to discovery, resources and the service proxy, and turns store results into
/// responses the way kube-apiserver encodes them.
final class RequestDispatcher: Sendable {
  let store: ObjectStore
  let access: AccessControl
  let proxy: ServiceProxy
  let podLogs: PodLogs
  /// `host:port`, known once the listener is bound.
  let serverAddress = Mutex("")
  /// What `/version` reports.
  let gitVersion = Mutex("v1.32.6")
  let defaultWatchTimeout: Duration

  init(
    store: ObjectStore, access: AccessControl, proxy: ServiceProxy, podLogs: PodLogs, defaultWatchTimeout: Duration
  ) {
    self.store = store
    self.access = access
    self.proxy = proxy
    self.podLogs = podLogs
    self.defaultWatchTimeout = defaultWatchTimeout
  }

  /// Handles a request; returns the outcome and the authenticated user name (for the log).
  func handle(_ request: APIRequest) -> (DispatchOutcome, String?) {
    let identity = access.authenticate(request)
    if identity == nil && !AccessControl.publicPaths.contains(request.path) {
      return (.respond(.error(.unauthorized)), nil)
    }
    do {
      return (try route(request, identity: identity ?? UserIdentity(name: "system:anonymous")), identity?.name)
    } catch {
      return (.respond(.error(error)), identity?.name)
    }
  }

  func route(_ request: APIRequest, identity: UserIdentity) throws(APIError) -> DispatchOutcome {
    let segments = request.path.split(separator: "/").map(String.init)
    let registry = store.registrySnapshot
    switch request.path {
    case "/version", "/version/": return .respond(.json(Discovery.version(gitVersion.withLock { $0 })))
    case "/healthz", "/livez", "/readyz": return .respond(.text("ok"))
    case "/api", "/api/": return .respond(.json(Discovery.coreVersions(serverAddress: serverAddress.withLock { $0 })))
    case "/apis", "/apis/": return .respond(.json(Discovery.groupList(registry)))
    default: break
    }
    if segments.first == "openapi", segments.count >= 2, segments[1] == "v3", request.method == "GET" {
      if segments.count == 2 { return .respond(.json(OpenAPI.root(registry))) }
      let rest = Array(segments.dropFirst(2))
      let document: JSON?
      switch (rest.first, rest.count) {
      case ("api", 2): document = OpenAPI.document(registry, group: "", version: rest[1])
      case ("apis", 3): document = OpenAPI.document(registry, group: rest[1], version: rest[2])
      default: document = nil
      }
      guard let document else { throw APIError.pathNotFound() }
      return .respond(.json(document))
    }
    guard let first = segments.first, first == "api" || first == "apis" else { throw APIError.pathNotFound() }
    let isCore = first == "api"
    if isCore && segments.count == 2, request.method == "GET" {
      guard let list = Discovery.resourceList(registry, group: "", version: segments[1]) else { throw APIError.pathNotFound() }
      return .respond(.json(list))
    }
    if !isCore && segments.count == 2, request.method == "GET" {
      guard let group = Discovery.groupDocument(registry, name: segments[1]) else { throw APIError.pathNotFound() }
      return .respond(.json(group))
    }
    if !isCore && segments.count == 3, request.method == "GET" {
      guard let list = Discovery.resourceList(registry, group: segments[1], version: segments[2]) else {
        throw APIError.pathNotFound()
      }
      return .respond(.json(list))
    }
    guard let path = RequestDispatcher.parse(segments) else { throw APIError.pathNotFound() }
    if path.group.isEmpty, path.resource == "services", path.subresource == "proxy", let namespace = path.namespace,
      let name = path.name
    {
      return try proxyOutcome(request, namespace: namespace, serviceID: name, rest: path.rest, identity: identity)
    }
    guard let type = registry.lookup(group: path.group, version: path.version, plural: path.resource) else {
      throw APIError.pathNotFound()
    }
    if type.kind == "Pod", path.subresource == "log", let namespace = path.namespace, let name = path.name {
      return try podLogOutcome(request, type: type, namespace: namespace, pod: name, identity: identity)
    }
    return try resourceOutcome(request, path: path, type: type, identity: identity)
  }

  /// `GET …/pods/NAME/log`: the container's log from ``PodLogs`` (`tailLines`, `sinceSeconds`,
  /// `sinceTime`, `timestamps`), streamed with `follow=true`.
  func podLogOutcome(_ request: APIRequest, type: ResourceType, namespace: String, pod: String, identity: UserIdentity)
    throws(APIError) -> DispatchOutcome
  {
    guard request.method == "GET" else { throw APIError.methodNotAllowed() }
    if access.isDenied(
      identity, verb: "get", resource: type.plural, subresource: "log", apiGroup: "", namespace: namespace)
    {
      throw APIError.forbidden(user: identity.name, verb: "get", resource: type.plural, group: "", name: pod,
        namespace: namespace, subresource: "log")
    }
    let stored = try store.get(type, namespace: namespace, name: pod)
    let container = try PodLogs.container(of: stored.object, requested: request.parameter("container"))
    let query = try PodLogs.query(request, pod: pod)
    let key = PodLogs.Key(namespace: namespace, pod: pod, container: container)
    let contentType = "text/plain"
    if RequestDispatcher.parseBool(request.parameter("follow")) == true {
      return .stream(contentType: contentType, chunks: podLogs.follow(key, query: query))
    }
    return .respond(
      APIResponse(status: 200, headers: [("Content-Type", contentType)], body: podLogs.read(key, query: query)))
  }

  static func parse(_ segments: [String]) -> ResourcePath? {
    var rest: ArraySlice<String>
    var group = ""
    let version: String
    if segments[0] == "api" {
      guard segments.count >= 3 else { return nil }
      version = segments[1]
      rest = segments[2...]
    } else {
      guard segments.count >= 4 else { return nil }
      group = segments[1]
      version = segments[2]
      rest = segments[3...]
    }
    var legacyWatch = false
    if rest.first == "watch" {
      legacyWatch = true
      rest = rest.dropFirst()
    }
    var namespace: String?
    if rest.first == "namespaces", rest.count >= 3, !(group.isEmpty && rest.count == 3 && ["status", "finalize"].contains(rest[rest.startIndex + 2])) {
      namespace = rest[rest.startIndex + 1]
      rest = rest.dropFirst(2)
    }
    guard let resource = rest.first else { return nil }
    rest = rest.dropFirst()
    let name = rest.first
    rest = rest.dropFirst()
    let subresource = rest.first
    rest = rest.dropFirst()
    let remainder = rest.isEmpty ? nil : rest.joined(separator: "/")
    if remainder != nil && subresource != "proxy" { return nil }
    return ResourcePath(group: group, version: version, namespace: namespace, resource: resource, name: name,
      subresource: subresource, rest: remainder, legacyWatch: legacyWatch)
  }

  // MARK: resources

  static func verb(method: String, hasName: Bool, isWatch: Bool) -> String? {
    switch (method, hasName) {
    case ("GET", true): return isWatch ? "watch" : "get"
    case ("GET", false): return isWatch ? "watch" : "list"
    case ("POST", false): return "create"
    case ("PUT", true): return "update"
    case ("PATCH", true): return "patch"
    case ("DELETE", true): return "delete"
    case ("DELETE", false): return "deletecollection"
    default: return nil
    }
  }

  func resourceOutcome(_ request: APIRequest, path: ResourcePath, type: ResourceType, identity: UserIdentity)
    throws(APIError) -> DispatchOutcome
  {
    let watchParameter = request.parameter("watch").map { $0 == "true" || $0 == "1" } ?? false
    let isWatch = path.legacyWatch || watchParameter
    guard let verb = RequestDispatcher.verb(method: request.method, hasName: path.name != nil, isWatch: isWatch) else {
      throw APIError.methodNotAllowed()
    }
    if let subresource = path.subresource {
      guard subresource == "status", type.hasStatus, ["get", "update", "patch"].contains(verb) else {
        if subresource == "status" && type.hasStatus { throw APIError.methodNotAllowed() }
        throw APIError.pathNotFound()
      }
    }
    if type.namespaced == false && path.namespace != nil { throw APIError.pathNotFound() }
    if type.namespaced && path.namespace == nil && !["list", "watch"].contains(verb) {
      if verb == "create" || verb == "deletecollection" { throw APIError.methodNotAllowed() }
      throw APIError.pathNotFound()
    }
    if access.isDenied(identity, verb: verb, resource: type.plural, subresource: path.subresource, apiGroup: type.group,
      namespace: path.namespace)
    {
      throw APIError.forbidden(user: identity.name, verb: verb, resource: type.plural, group: type.group, name: path.name,
        namespace: path.namespace, subresource: path.subresource)
    }
    let format = try RequestDispatcher.negotiate(request.header("Accept"))
    switch verb {
    case "get":
      let stored = try store.get(type, namespace: path.namespace, name: path.name!)
      return .respond(render(stored.object, type: type, format: format))
    case "list":
      if request.parameter("sendInitialEvents") != nil {
        throw APIError.invalid(kind: "ListOptions", group: "meta.k8s.io", name: "", causes: [
          FieldError(.forbidden, field: "sendInitialEvents", detail: "sendInitialEvents is forbidden for list")
        ])
      }
      let options = try listOptions(request)
      let page = try store.list(type, namespace: path.namespace, options: options)
      return .respond(renderList(page, type: type, format: format))
    case "watch":
      var filter = WatchFilter(type: type, namespace: path.namespace, labelSelector: LabelSelector(), fieldSelector: FieldSelector())
      if let selector = request.parameter("labelSelector") { filter.labelSelector = try LabelSelector(parsing: selector) }
      if let selector = request.parameter("fieldSelector") {
        filter.fieldSelector = try FieldSelector(parsing: selector)
        try filter.fieldSelector.check(for: type)
      }
      if let name = path.name {
        filter.fieldSelector.requirements.append(.init(field: "metadata.name", value: name, negated: false))
      }
      var timeout = defaultWatchTimeout
      if let seconds = request.parameter("timeoutSeconds").flatMap(Int.init), seconds > 0 { timeout = .seconds(seconds) }
      let sendInitial = try RequestDispatcher.watchSendInitialEvents(request)
      return .watch(WatchPlan(
        type: type, namespace: path.namespace, filter: filter, resourceVersion: request.parameter("resourceVersion"),
        sendInitialEvents: sendInitial,
        allowBookmarks: RequestDispatcher.parseBool(request.parameter("allowWatchBookmarks")) == true,
        timeout: timeout, format: format))
    case "create":
      let body = try RequestDispatcher.decodeBody(request, type: type)
      let result = try store.create(type, namespace: path.namespace, body: body,
        options: try writeOptions(request, kind: "CreateOptions"))
      return .respond(render(result.object.object, type: type, format: format, status: 201, warnings: result.warnings))
    case "update":
      let body = try RequestDispatcher.decodeBody(request, type: type)
      let result = try store.update(type, namespace: path.namespace, name: path.name!, body: body,
        options: try writeOptions(request, kind: "UpdateOptions"), subresource: path.subresource)
      return .respond(render(result.object.object, type: type, format: format, warnings: result.warnings))
    case "patch":
      let contentType = request.header("Content-Type") ?? ""
      guard let patchType = PatchType(contentType: contentType) else {
        throw APIError.unsupportedMediaType(contentType, accepted: ObjectStore.acceptedPatchTypes(type))
      }
      var causes: [FieldError] = []
      if patchType == .apply && (request.parameter("fieldManager") ?? "").isEmpty {
        causes.append(FieldError(.required, field: "fieldManager", detail: "is required for apply patch"))
      }
      if request.parameter("force") != nil && patchType != .apply {
        causes.append(FieldError(.forbidden, field: "force", detail: "may not be specified for non-apply patch"))
      }
      var options = try writeOptions(request, kind: "PatchOptions", causes: causes)
      if let force = request.parameter("force") { options.force = force == "true" }
      if patchType == .apply { options.fieldManager = request.parameter("fieldManager") ?? "" }
      let result = try store.patch(type, namespace: path.namespace, name: path.name!, patchType: patchType,
        body: request.body, options: options, subresource: path.subresource)
      return .respond(render(result.object.object, type: type, format: format, status: result.created ? 201 : 200,
        warnings: result.warnings))
    case "delete":
      let options = try deleteOptions(request)
      let stored = try store.delete(type, namespace: path.namespace, name: path.name!, options: options)
      return .respond(render(stored.object, type: type, format: .json))
    case "deletecollection":
      let options = try listOptions(request)
      let page = try store.list(type, namespace: path.namespace, options: options)
      var deleted: [StoredObject] = []
      for item in page.items {
        let name = item.object[path: "metadata", "name"]?.stringValue ?? ""
        let namespace = item.object[path: "metadata", "namespace"]?.stringValue
        if let stored = try? store.delete(type, namespace: namespace, name: name, options: try deleteOptions(request)) {
          deleted.append(stored)
        }
      }
      return .respond(renderList(ListPage(items: deleted, revision: store.resourceVersion), type: type, format: .json))
    default:
      throw APIError.methodNotAllowed()
    }
  }

  // MARK: request parameters

  func listOptions(_ request: APIRequest) throws(APIError) -> ListOptions {
    var options = ListOptions()
    if let selector = request.parameter("labelSelector") { options.labelSelector = try LabelSelector(parsing: selector) }
    if let selector = request.parameter("fieldSelector") { options.fieldSelector = try FieldSelector(parsing: selector) }
    if let limit = request.parameter("limit") {
      guard let value = Int(limit), value >= 0 else { throw APIError.badRequest("limit: Invalid value: \"\(limit)\"") }
      options.limit = value
    }
    options.continueToken = request.parameter("continue")
    options.resourceVersion = request.parameter("resourceVersion")
    options.resourceVersionMatch = request.parameter("resourceVersionMatch")
    return options
  }

  /// Go's `strconv.ParseBool`, which query parameters go through.
  static func parseBool(_ text: String?) -> Bool? {
    switch text {
    case "1", "t", "T", "true", "TRUE", "True": return true
    case "0", "f", "F", "false", "FALSE", "False": return false
    default: return nil
    }
  }

  /// `sendInitialEvents` for a watch after kube-apiserver's defaulting (the WatchList feature on):
  /// a watch without resourceVersion (or "0") and without the parameter streams the initial state
  /// as if it had asked for it. Invalid combinations answer 422 with the real server's wording.
  static func watchSendInitialEvents(_ request: APIRequest) throws(APIError) -> Bool? {
    var sendInitial: Bool?
    if let text = request.parameter("sendInitialEvents") {
      guard let value = parseBool(text) else {
        throw APIError.badRequest("sendInitialEvents: invalid value \(FieldError.goQuote(text)): must be a boolean")
      }
      sendInitial = value
    }
    var match = request.parameter("resourceVersionMatch") ?? ""
    let rv = request.parameter("resourceVersion") ?? ""
    if sendInitial == nil && match.isEmpty && (rv.isEmpty || rv == "0") {
      sendInitial = true
      match = "NotOlderThan"
    }
    var causes: [FieldError] = []
    if sendInitial != nil && match != "NotOlderThan" {
      causes.append(FieldError(.forbidden, field: "resourceVersionMatch",
        detail: "sendInitialEvents requires setting resourceVersionMatch to NotOlderThan"))
    }
    if !match.isEmpty {
      if sendInitial == nil {
        causes.append(FieldError(.forbidden, field: "resourceVersionMatch",
          detail: "resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided"))
      }
      if match != "NotOlderThan" {
        causes.append(FieldError(.notSupported, field: "resourceVersionMatch", value: FieldError.goQuote(match),
          detail: "supported values: \"NotOlderThan\""))
      }
      if !(request.parameter("continue") ?? "").isEmpty {
        causes.append(FieldError(.forbidden, field: "resourceVersionMatch",
          detail: "resourceVersionMatch is forbidden when continue is provided"))
      }
    }
    if !causes.isEmpty { throw APIError.invalid(kind: "ListOptions", group: "meta.k8s.io", name: "", causes: causes) }
    return sendInitial
  }

  /// Create, update and patch options. Invalid values answer 422 for `kind` (`CreateOptions`, …)
  /// with every cause at once, after `causes` the caller found, as kube-apiserver validates them.
  func writeOptions(_ request: APIRequest, kind: String, causes: [FieldError] = []) throws(APIError) -> WriteOptions {
    var options = WriteOptions()
    var causes = causes
    if let manager = request.parameter("fieldManager"), !manager.isEmpty {
      options.fieldManager = manager
    } else {
      let agent = request.header("User-Agent") ?? ""
      let prefix = agent.split(separator: "/").first.map(String.init) ?? ""
      options.fieldManager = prefix.isEmpty ? "unknown" : String(prefix.prefix(128))
    }
    if let validation = request.parameter("fieldValidation"), !validation.isEmpty {
      guard let value = WriteOptions.FieldValidation(rawValue: validation) else {
        throw APIError.badRequest("fieldValidation: Unsupported value: \"\(validation)\": supported values: \"Ignore\", \"Strict\", \"Warn\"")
      }
      options.fieldValidation = value
    }
    if let values = request.query["dryRun"] {
      if let cause = RequestDispatcher.dryRunCause(values) { causes.append(cause) }
      options.dryRun = true
    }
    if !causes.isEmpty { throw APIError.invalid(kind: kind, group: "meta.k8s.io", name: "", causes: causes) }
    return options
  }

  /// `dryRun` accepts only `All` (every value must be `All`); the bad list is shown as Go's JSON.
  static func dryRunCause(_ values: [String]) -> FieldError? {
    guard !values.allSatisfy({ $0 == "All" }) else { return nil }
    let list = "[" + values.map { JSON.string($0).serialized() }.joined(separator: ",") + "]"
    return FieldError(.notSupported, field: "dryRun", value: list, detail: "supported values: \"All\"")
  }

  func deleteOptions(_ request: APIRequest) throws(APIError) -> ObjectStore.DeleteOptions {
    var options = ObjectStore.DeleteOptions()
    var dryRun: [String] = []
    if !request.body.isEmpty, let body = try? JSON.parse(request.body) {
      options.resourceVersion = body[path: "preconditions", "resourceVersion"]?.stringValue
      options.uid = body[path: "preconditions", "uid"]?.stringValue
      options.propagationPolicy = body["propagationPolicy"]?.stringValue
      dryRun = body["dryRun"]?.arrayValue?.compactMap(\.stringValue) ?? []
    }
    if let policy = request.parameter("propagationPolicy") { options.propagationPolicy = policy }
    if let values = request.query["dryRun"] { dryRun = values }
    if !dryRun.isEmpty {
      if let cause = RequestDispatcher.dryRunCause(dryRun) {
        throw APIError.invalid(kind: "DeleteOptions", group: "meta.k8s.io", name: "", causes: [cause])
      }
      options.dryRun = true
    }
    return options
  }

  static func decodeBody(_ request: APIRequest, type: ResourceType) throws(APIError) -> JSON {
    let contentType = (request.header("Content-Type") ?? "application/json").split(separator: ";").first.map {
      $0.trimming(" \t").lowercased()
    } ?? ""
    switch contentType {
    case "application/json", "":
      switch Result(catching: { () throws(JSONParseError) -> JSON in try JSON.parse(request.body) }) {
      case .success(let value): return value
      case .failure(let error): throw APIError.badRequest("couldn't get version/kind; json parse error: \(error.reason)")
      }
    case "application/yaml":
      do { return try JSON.parseYAML(String(decoding: request.body, as: UTF8.self)) } catch {
        throw APIError.badRequest("couldn't get version/kind; yaml parse error: \(error)")
      }
    default:
      throw APIError.unsupportedMediaType(contentType, accepted: ["application/json", "application/yaml"])
    }
  }

  /// Picks the first acceptable media type from `Accept`.
  static func negotiate(_ accept: String?) throws(APIError) -> ResponseFormat {
    guard let accept, !accept.isEmpty else { return .json }
    for candidate in accept.split(separator: ",") {
      let parts = candidate.split(separator: ";").map { $0.trimming(" \t") }
      let media = parts.first?.lowercased() ?? ""
      var parameters: [String: String] = [:]
      for parameter in parts.dropFirst() {
        let kv = parameter.split(separator: "=", maxSplits: 1).map(String.init)
        if kv.count == 2 { parameters[kv[0]] = kv[1] }
      }
      guard media == "application/json" || media == "*/*" || media == "application/*" else { continue }
      switch parameters["as"] {
      case nil: return .json
      case "Table"?:
        if parameters["g"] == "meta.k8s.io", let v = parameters["v"], v == "v1" || v == "v1beta1" {
          return .table(version: v, include: "Metadata")
        }
      case "PartialObjectMetadata"?, "PartialObjectMetadataList"?:
        if parameters["g"] == "meta.k8s.io", let v = parameters["v"], v == "v1" || v == "v1beta1" {
          return .partialMetadata(version: v)
        }
      default: continue
      }
    }
    throw APIError.notAcceptable(accepted: ["application/json", "application/yaml", "application/vnd.kubernetes.protobuf"])
  }

  // MARK: rendering

  static func warningHeaders(_ warnings: [String]) -> [(String, String)] {
    warnings.map { ("Warning", "299 - \(FieldError.goQuote($0))") }
  }

  func render(_ object: JSON, type: ResourceType, format: ResponseFormat, status: Int = 200, warnings: [String] = [])
    -> APIResponse
  {
    let headers = RequestDispatcher.warningHeaders(warnings)
    switch format {
    case .json: return .json(object, status: status, headers: headers)
    case .table(let version, let include):
      let tableObject = type.conversion == .eventsV1 ? EventConversion.toCore(object) : object
      return .json(
        TableConverter.table(type, objects: [tableObject], listMetadata: ["resourceVersion": object[path: "metadata", "resourceVersion"] ?? ""],
          include: include, tableVersion: version), status: status, headers: headers)
    case .partialMetadata(let version):
      return .json(["kind": "PartialObjectMetadata", "apiVersion": .string("meta.k8s.io/\(version)"),
        "metadata": object["metadata"] ?? [:]], status: status, headers: headers)
    }
  }

  static func listMetadata(_ page: ListPage) -> JSON {
    var metadata: JSONObject = ["resourceVersion": .string(String(page.revision))]
    if let token = page.continueToken { metadata["continue"] = .string(token) }
    if let remaining = page.remainingItemCount { metadata["remainingItemCount"] = .int(remaining) }
    return .object(metadata)
  }

  func renderList(_ page: ListPage, type: ResourceType, format: ResponseFormat) -> APIResponse {
    let metadata = RequestDispatcher.listMetadata(page)
    switch format {
    case .table(let version, let include):
      let objects = page.items.map { type.conversion == .eventsV1 ? EventConversion.toCore($0.object) : $0.object }
      return .json(TableConverter.table(type, objects: objects, listMetadata: metadata, include: include, tableVersion: version))
    case .partialMetadata(let version):
      let items: [JSON] = page.items.map {
        ["kind": "PartialObjectMetadata", "apiVersion": .string("meta.k8s.io/\(version)"), "metadata": $0.object["metadata"] ?? [:]]
      }
      return .json(["kind": "PartialObjectMetadataList", "apiVersion": .string("meta.k8s.io/\(version)"),
        "metadata": metadata, "items": .array(items)])
    case .json:
      // Pre-serialised items are copied as bytes; built-in list items carry no kind/apiVersion on the
      // wire (typed lists omit them), custom resource items do.
      var body: [UInt8] = []
      body.reserveCapacity(page.items.reduce(128) { $0 + $1.bytes.count + 1 })
      body += Array("{\"kind\":\"\(type.listKind)\",\"apiVersion\":\"\(type.apiVersion)\",\"metadata\":".utf8)
      metadata.write(into: &body)
      body += Array(",\"items\":[".utf8)
      for (index, item) in page.items.enumerated() {
        if index > 0 { body.append(UInt8(ascii: ",")) }
        if type.isCustom {
          body += item.bytes
        } else {
          var object = item.object
          object["kind"] = nil
          object["apiVersion"] = nil
          object.write(into: &body)
        }
      }
      body += Array("]}".utf8)
      return APIResponse(status: 200, headers: [("Content-Type", "application/json")], body: body)
    }
  }

  // MARK: service proxy

  func proxyOutcome(_ request: APIRequest, namespace: String, serviceID: String, rest: String?, identity: UserIdentity)
    throws(APIError) -> DispatchOutcome
  {
    let verb = ["GET": "get", "HEAD": "get", "POST": "create", "PUT": "update", "PATCH": "patch", "DELETE": "delete"][request.method] ?? "get"
    if access.isDenied(identity, verb: verb, resource: "services", subresource: "proxy", apiGroup: "", namespace: namespace) {
      throw APIError.forbidden(user: identity.name, verb: verb, resource: "services", group: "", name: serviceID,
        namespace: namespace, subresource: "proxy")
    }
    let (scheme, name, port) = ServiceProxy.parseServiceID(serviceID)
    let proxied = ProxyRequest(
      method: request.method, path: "/" + (rest ?? ""), query: request.rawQuery,
      headers: request.headers.filter { $0.0.lowercased() != "authorization" }, body: request.body,
      namespace: namespace, service: name, scheme: scheme, port: port)
    if let handler = proxy.handler(namespace: namespace, service: name, port: port) {
      return .proxy(proxied, handler)
    }
    let servicesType = store.registrySnapshot.lookup(group: "", version: "v1", plural: "services")!
    _ = try store.get(servicesType, namespace: namespace, name: name)
    throw APIError.serviceUnavailable("no endpoints available for service \(FieldError.goQuote(name))")
  }
}
