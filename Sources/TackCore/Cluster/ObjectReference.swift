import TackJSON

/// An object in the cluster, by API version, kind, namespace and name.
public struct ObjectReference: Sendable, Hashable, CustomStringConvertible {
  public var apiVersion: String
  public var kind: String
  public var namespace: String?
  public var name: String

  public init(apiVersion: String, kind: String, namespace: String? = nil, name: String) {
    self.apiVersion = apiVersion
    self.kind = kind
    self.namespace = namespace
    self.name = name
  }

  public init(of object: JSON) {
    apiVersion = object["apiVersion"]?.stringValue ?? ""
    kind = object["kind"]?.stringValue ?? ""
    namespace = object[path: "metadata", "namespace"]?.stringValue
    name = object[path: "metadata", "name"]?.stringValue ?? ""
  }

  /// `namespace/name`, as flux quotes objects in messages.
  public var key: String { namespace.map { "\($0)/\(name)" } ?? name }
  public var description: String { "\(kind) \(key)" }

  public static func gitRepository(_ namespace: String, _ name: String) -> ObjectReference {
    ObjectReference(apiVersion: "source.toolkit.fluxcd.io/v1", kind: "GitRepository", namespace: namespace, name: name)
  }
  public static func kustomization(_ namespace: String, _ name: String) -> ObjectReference {
    ObjectReference(apiVersion: "kustomize.toolkit.fluxcd.io/v1", kind: "Kustomization", namespace: namespace, name: name)
  }
  public static func secret(_ namespace: String, _ name: String) -> ObjectReference {
    ObjectReference(apiVersion: "v1", kind: "Secret", namespace: namespace, name: name)
  }
  public static func deployment(_ namespace: String, _ name: String) -> ObjectReference {
    ObjectReference(apiVersion: "apps/v1", kind: "Deployment", namespace: namespace, name: name)
  }
  public static func crd(_ name: String) -> ObjectReference {
    ObjectReference(apiVersion: "apiextensions.k8s.io/v1", kind: "CustomResourceDefinition", name: name)
  }
}
