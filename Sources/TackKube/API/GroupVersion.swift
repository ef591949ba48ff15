/// An API group and version: `kustomize.toolkit.fluxcd.io/v1`, or `v1` for the core group.
public struct GroupVersion: Sendable, Hashable, CustomStringConvertible {
  public var group: String
  public var version: String

  public init(group: String, version: String) {
    self.group = group
    self.version = version
  }

  /// Parses an `apiVersion` (`apps/v1`, `v1`).
  public init(apiVersion: String) {
    if let slash = apiVersion.firstIndex(of: "/") {
      group = String(apiVersion[..<slash])
      version = String(apiVersion[apiVersion.index(after: slash)...])
    } else {
      group = ""
      version = apiVersion
    }
  }

  public var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }
  public var description: String { apiVersion }

  /// `/api/v1` for the core group, `/apis/<group>/<version>` otherwise.
  public var pathPrefix: String { group.isEmpty ? "/api/\(version)" : "/apis/\(group)/\(version)" }
}

/// A resource type in one version: `kustomize.toolkit.fluxcd.io/v1, Resource=kustomizations`.
public struct GroupVersionResource: Sendable, Hashable, CustomStringConvertible {
  public var group: String
  public var version: String
  /// The plural, lower-case resource name used in URLs.
  public var resource: String

  public init(group: String, version: String, resource: String) {
    self.group = group
    self.version = version
    self.resource = resource
  }

  public var groupVersion: GroupVersion { GroupVersion(group: group, version: version) }
  /// `kustomizations.kustomize.toolkit.fluxcd.io` (`pods` for the core group): how kubectl names it.
  public var qualifiedName: String { group.isEmpty ? resource : "\(resource).\(group)" }
  public var description: String { "\(groupVersion.apiVersion), Resource=\(resource)" }
}

/// A kind in one version: `kustomize.toolkit.fluxcd.io/v1, Kind=Kustomization`.
public struct GroupVersionKind: Sendable, Hashable, CustomStringConvertible {
  public var group: String
  public var version: String
  public var kind: String

  public init(group: String, version: String, kind: String) {
    self.group = group
    self.version = version
    self.kind = kind
  }

  public init(apiVersion: String, kind: String) {
    let gv = GroupVersion(apiVersion: apiVersion)
    self.init(group: gv.group, version: gv.version, kind: kind)
  }

  public var groupVersion: GroupVersion { GroupVersion(group: group, version: version) }
  public var apiVersion: String { groupVersion.apiVersion }
  public var description: String { "\(apiVersion), Kind=\(kind)" }
}
