/// A resource type as discovery describes it: what URLs, verbs and names it has. Verbs take one, so
/// they know the URL shape (namespaced or not) and the name kubectl uses in messages.
///
/// Build one from discovery (`KubeClient.resource(for:)`) or by hand for a type tack knows:
/// `APIResource(group: "kustomize.toolkit.fluxcd.io", version: "v1", name: "kustomizations",
/// kind: "Kustomization", namespaced: true)`.
public struct APIResource: Sendable, Hashable, CustomStringConvertible {
  public var group: String
  public var version: String
  /// Plural name (`kustomizations`).
  public var name: String
  public var singularName: String
  public var kind: String
  public var namespaced: Bool
  public var verbs: [String]
  public var shortNames: [String]
  public var categories: [String]
  /// Subresources discovery listed (`status`, `scale`).
  public var subresources: [String]
  /// Whether `version` is the group's preferred version.
  public var preferred: Bool

  public init(
    group: String, version: String, name: String, singularName: String = "", kind: String, namespaced: Bool,
    verbs: [String] = [], shortNames: [String] = [], categories: [String] = [], subresources: [String] = [],
    preferred: Bool = true
  ) {
    self.group = group
    self.version = version
    self.name = name
    self.singularName = singularName.isEmpty ? kind.lowercased() : singularName
    self.kind = kind
    self.namespaced = namespaced
    self.verbs = verbs
    self.shortNames = shortNames
    self.categories = categories
    self.subresources = subresources
    self.preferred = preferred
  }

  public var groupVersion: GroupVersion { GroupVersion(group: group, version: version) }
  public var groupVersionResource: GroupVersionResource { GroupVersionResource(group: group, version: version, resource: name) }
  public var groupVersionKind: GroupVersionKind { GroupVersionKind(group: group, version: version, kind: kind) }
  public var apiVersion: String { groupVersion.apiVersion }
  /// `kustomizations.kustomize.toolkit.fluxcd.io`, as in kubectl's messages.
  public var qualifiedName: String { groupVersionResource.qualifiedName }
  public var description: String { "\(qualifiedName) (\(apiVersion), \(kind))" }

  /// The URL path for this resource: a collection (`name` nil) or one object, in a namespace (nil
  /// for cluster-scoped resources, or all namespaces when listing), with an optional subresource.
  public func path(namespace: String?, name: String? = nil, subresource: String? = nil) -> String {
    var path = groupVersion.pathPrefix
    if namespaced, let namespace, !namespace.isEmpty { path += "/namespaces/\(PathEscaping.segment(namespace))" }
    path += "/\(self.name)"
    if let name { path += "/\(PathEscaping.segment(name))" }
    if let subresource { path += "/\(subresource)" }
    return path
  }
}

/// Percent-encoding for URL path segments and query values (RFC 3986 unreserved characters stay).
public enum PathEscaping {
  static func isUnreserved(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
      UInt8(ascii: "~"):
      true
    default: false
    }
  }

  static func escape(_ text: String, keeping extra: Set<UInt8>) -> String {
    var out = ""
    for byte in text.utf8 {
      if isUnreserved(byte) || extra.contains(byte) {
        out.unicodeScalars.append(Unicode.Scalar(byte))
      } else {
        let hex = Array("0123456789ABCDEF".utf8)
        out += "%" + String(decoding: [hex[Int(byte >> 4)], hex[Int(byte & 15)]], as: UTF8.self)
      }
    }
    return out
  }

  /// One path segment (a name): `/` and everything but unreserved characters are escaped.
  public static func segment(_ text: String) -> String { escape(text, keeping: [UInt8(ascii: ":"), UInt8(ascii: "@")]) }

  /// A query value.
  public static func query(_ text: String) -> String { escape(text, keeping: []) }

  /// Builds `?a=b&c=d` (empty for no items).
  public static func queryString(_ items: [(String, String)]) -> String {
    guard !items.isEmpty else { return "" }
    return "?" + items.map { "\(query($0.0))=\(query($0.1))" }.joined(separator: "&")
  }
}
