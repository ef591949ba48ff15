import TackJSON

/// Which objects a list or watch selects.
public struct ListScope: Sendable, Hashable {
  /// `nil` = all namespaces (or a cluster-scoped kind).
  public var namespace: String?
  public var labelSelector: String?
  public var fieldSelector: String?

  public init(namespace: String?, labelSelector: String? = nil, fieldSelector: String? = nil) {
    self.namespace = namespace
    self.labelSelector = labelSelector
    self.fieldSelector = fieldSelector
  }

  /// One object by name (a `metadata.name` field selector), as the watches that follow one object ask.
  public static func named(_ name: String, namespace: String?) -> ListScope {
    ListScope(namespace: namespace, fieldSelector: "metadata.name=\(name)")
  }
}

/// The items of a list response (or one page of it) and its `metadata.resourceVersion`, where a
/// watch picks up.
public struct ObjectList: Sendable, Hashable {
  public var items: [JSON]
  public var resourceVersion: String?
  public init(items: [JSON], resourceVersion: String? = nil) {
    self.items = items
    self.resourceVersion = resourceVersion
  }
}

/// What a watch reports (the Kubernetes watch event types tack cares about).
public enum WatchChange: Sendable, Equatable {
  /// ADDED or MODIFIED: the object's new state.
  case changed(JSON)
  /// DELETED: the object's last state.
  case deleted(JSON)
  /// BOOKMARK: nothing changed, but the stream has seen up to this resourceVersion.
  case bookmark(resourceVersion: String)

  /// The object an ADDED, MODIFIED or DELETED event carries; `nil` for a bookmark.
  public var object: JSON? {
    switch self {
    case .changed(let object), .deleted(let object): object
    case .bookmark: nil
    }
  }
}
