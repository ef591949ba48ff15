import TackBase

/// Everything a `tack get <noun>` invocation asks for.
public struct GetRequest: Sendable {
  /// One kind, or several for `get all`, `get sources all`, `get images all`.
  public var kinds: [FluxKind]
  /// `get all` style: kinds the cluster lacks are skipped, names read `<kind>/<name>`, each table
  /// is followed by a blank line, and finding nothing is not an error (as in flux).
  public var isAll: Bool
  public var namespace: String
  public var allNamespaces: Bool
  /// The positional name: a `metadata.name` field selector.
  public var name: String?
  public var labelSelector: String?
  public var statusSelector: StatusSelector?
  public var output: GetOutputFormat
  public var noHeader: Bool
  public var showSource: Bool
  public var showManagedFields: Bool
  public var watch: Bool

  public init(
    kinds: [FluxKind], isAll: Bool = false, namespace: String, allNamespaces: Bool = false, name: String? = nil,
    labelSelector: String? = nil, statusSelector: StatusSelector? = nil, output: GetOutputFormat = .table,
    noHeader: Bool = false, showSource: Bool = false, showManagedFields: Bool = false, watch: Bool = false
  ) {
    self.kinds = kinds
    self.isAll = isAll
    self.namespace = namespace
    self.allNamespaces = allNamespaces
    self.name = name
    self.labelSelector = labelSelector
    self.statusSelector = statusSelector
    self.output = output
    self.noHeader = noHeader
    self.showSource = showSource
    self.showManagedFields = showManagedFields
    self.watch = watch
  }

  public var scope: ListScope {
    ListScope(
      namespace: allNamespaces ? nil : namespace,
      labelSelector: labelSelector.flatMap { $0.isEmpty ? nil : $0 },
      fieldSelector: name.map { "metadata.name=\($0)" })
  }

  /// flux's `"<ns>"` or `any`.
  public var namespaceDescription: String { allNamespaces ? "any" : "\"\(namespace)\"" }
}

/// Nothing matched a `get`: flux's wording, exit 5.
public struct GetNotFoundError: TackError, Equatable {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var exitStatus: ExitStatus { .notFound }
  public var description: String { message }

  public static func noObjects(_ kind: FluxKind, request: GetRequest) -> GetNotFoundError {
    if let name = request.name {
      return GetNotFoundError("\(kind.kind) object '\(name)' not found in \(request.namespaceDescription) namespace")
    }
    return GetNotFoundError("no \(kind.kind) objects found in \(request.namespaceDescription) namespace")
  }

  public static func noMatch(_ kind: FluxKind, request: GetRequest, selector: StatusSelector) -> GetNotFoundError {
    GetNotFoundError(
      "no \(kind.kind) objects matching status selector \"\(selector)\" found in "
        + "\(request.namespaceDescription) namespace")
  }
}

/// `get all --watch`, as flux words it.
public struct GetUsageError: TackError, Equatable {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var exitStatus: ExitStatus { .usage }
  public var description: String { message }
}
