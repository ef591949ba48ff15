import TackBase
import TackJSON
import TackOutput

/// `tack export`: objects as flux exports them, ready to commit to Git: `---`, then YAML with only
/// `apiVersion`, `kind`, `metadata.{name, namespace, labels, annotations}` and `spec` (keys sorted,
/// as Go's YAML marshaller writes them); `status` and every server-set field dropped.
public enum ExportDocuments {
  /// The exportable part of an object.
  public static func exported(_ object: JSON, as kind: FluxKind) -> JSON {
    let metadata = object["metadata"] ?? .null
    var exportedMetadata = JSONObject()
    exportedMetadata.appendUnchecked("name", metadata["name"] ?? "")
    exportedMetadata.appendUnchecked("namespace", metadata["namespace"] ?? "")
    if let labels = metadata["labels"], !(labels.objectValue?.isEmpty ?? true) {
      exportedMetadata.appendUnchecked("labels", labels)
    }
    if let annotations = metadata["annotations"], !(annotations.objectValue?.isEmpty ?? true) {
      exportedMetadata.appendUnchecked("annotations", annotations)
    }
    var root = JSONObject()
    root.appendUnchecked("apiVersion", .string(kind.apiVersion))
    root.appendUnchecked("kind", .string(kind.kind))
    root.appendUnchecked("metadata", .object(exportedMetadata))
    root.appendUnchecked("spec", object["spec"] ?? .object([:]))
    return .object(root)
  }

  /// A Secret as `export source … --with-credentials` prints it: name, namespace, `data`, `type`.
  public static func exportedSecret(_ secret: JSON) -> JSON {
    var metadata = JSONObject()
    metadata.appendUnchecked("name", secret[path: "metadata", "name"] ?? "")
    metadata.appendUnchecked("namespace", secret[path: "metadata", "namespace"] ?? "")
    var root = JSONObject()
    root.appendUnchecked("apiVersion", "v1")
    root.appendUnchecked("kind", "Secret")
    root.appendUnchecked("metadata", .object(metadata))
    if let data = secret["data"], !(data.objectValue?.isEmpty ?? true) { root.appendUnchecked("data", data) }
    if let type = secret["type"], type.stringValue?.isEmpty == false { root.appendUnchecked("type", type) }
    return .object(root)
  }

  /// One exported document: `---` on its own line, then the YAML, no trailing blank line.
  public static func document(_ exported: JSON) -> String {
    var yaml = exported.yaml(.kubectl)
    while yaml.last == "\n" { yaml.removeLast() }
    return "---\n" + yaml + "\n"
  }

  /// The whole export: each object's document, followed by the documents of its Secrets.
  public static func text(_ objects: [(object: JSON, secrets: [JSON])], as kind: FluxKind) -> String {
    var text = ""
    for (object, secrets) in objects {
      text += document(exported(object, as: kind))
      for secret in secrets { text += document(exportedSecret(secret)) }
    }
    return text
  }

  /// The Secrets a source object refers to, in the object's namespace: `spec.secretRef` (what flux
  /// exports) plus `certSecretRef`, `proxySecretRef` and `verify.secretRef`, each once.
  public static func referencedSecrets(of object: JSON) -> [String] {
    let spec = object["spec"] ?? .null
    let candidates = [
      spec[path: "secretRef", "name"], spec[path: "certSecretRef", "name"], spec[path: "proxySecretRef", "name"],
      spec[path: "verify", "secretRef", "name"],
    ]
    var names: [String] = []
    for case let name? in candidates.map({ $0?.stringValue }) where !name.isEmpty && !names.contains(name) {
      names.append(name)
    }
    return names
  }
}

/// What `tack export <noun> [name] [--all] [--with-credentials]` asks for.
public struct ExportRequest: Sendable {
  public var kind: FluxKind
  public var namespace: String
  public var name: String?
  public var all: Bool
  public var withCredentials: Bool

  public init(kind: FluxKind, namespace: String, name: String? = nil, all: Bool = false, withCredentials: Bool = false) {
    self.kind = kind
    self.namespace = namespace
    self.name = name
    self.all = all
    self.withCredentials = withCredentials
  }
}

/// Runs an export: GET one object (or LIST the namespace with `--all`) and print each as a document,
/// followed, with `--with-credentials`, by every Secret it references — for every object, not just
/// the first as flux does.
public struct ExportObjects: Sendable {
  public let cluster: any Cluster
  /// Where the documents go (stdout).
  public let output: any OutputSink

  public init(cluster: any Cluster, output: any OutputSink) {
    self.cluster = cluster
    self.output = output
  }

  public func run(_ request: ExportRequest) async throws {
    let objects: [JSON]
    if request.all {
      objects = try await GetObjects.installed(request.kind) {
        try await cluster.list(ObjectKind(request.kind), ListScope(namespace: request.namespace)).items
      }
      guard !objects.isEmpty else {
        throw GetNotFoundError("no objects found in \(request.namespace) namespace")
      }
    } else {
      guard let name = request.name, !name.isEmpty else {
        throw GetUsageError("name is required (or --all for every \(request.kind.kind) in the namespace)")
      }
      let object = try await GetObjects.installed(request.kind) {
        try await cluster.get(ObjectKind(request.kind), namespace: request.namespace, name: name)
      }
      guard let object else {
        throw ObjectNotFoundError.fromServer(resource: request.kind.qualifiedResource, name: name)
      }
      objects = [object]
    }
    // Everything is fetched before anything is printed: a failing Secret read leaves no partial export.
    var exported: [(object: JSON, secrets: [JSON])] = []
    for object in objects {
      try Task.checkCancellation()
      var secrets: [JSON] = []
      if request.withCredentials {
        let namespace = object[path: "metadata", "namespace"]?.stringValue ?? request.namespace
        for secretName in ExportDocuments.referencedSecrets(of: object) {
          do {
            guard let secret = try await cluster.get(.secret, namespace: namespace, name: secretName) else {
              throw ObjectNotFoundError.fromServer(resource: "secrets", name: secretName)
            }
            secrets.append(secret)
          } catch let error as any TackError {
            throw CommandError("failed to retrieve secret \(secretName), error: \(error)", exitStatus: error.exitStatus)
          }
        }
      }
      exported.append((object, secrets))
    }
    output.write(ExportDocuments.text(exported, as: request.kind))
  }
}
