#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
import TackJSON

/// A Flux components bundle: every object of every component, in the order Flux installs them
/// (namespace, policies, RBAC, then one block per controller). tack ships no copy; a bundle comes
/// from `--manifests DIR` or from the release download (see ``ManifestSource``).
public struct ComponentBundle: Sendable {
  public struct Entry: Sendable, Equatable {
    public var document: ManifestDocument
    /// The controller the object belongs to; `nil` for shared objects (namespace, RBAC, policies).
    public var component: String?
  }

  public var entries: [Entry]
  /// The Flux version the bundle says it is (its `# Flux Version:` header line), if it says.
  public var declaredVersion: String?
  /// The namespace the bundle installs into (that of its `Namespace` object; `flux-system` when absent).
  public var namespace: String
  /// Where the bundle came from, for messages.
  public var source: String

  public init(entries: [Entry], declaredVersion: String?, source: String) {
    self.entries = entries
    self.declaredVersion = declaredVersion
    self.source = source
    self.namespace =
      entries.first { $0.document.kind == "Namespace" && $0.document.apiVersion == "v1" }?.document.name
      ?? "flux-system"
  }

  /// Parses one multi-document YAML text (`install.yaml`, or a previous `gotk-components.yaml`).
  public init(text: String, source: String) throws(ManifestError) {
    let documents = try YAMLDocumentStream.documents(in: text, source: source, dropLeadingComments: true)
    guard !documents.isEmpty else {
      throw ManifestError(.invalidBundle, "\(source): holds no Kubernetes objects")
    }
    self.init(
      entries: documents.map { Entry(document: $0, component: $0.component) },
      declaredVersion: ManifestHeader.declaredVersion(in: text), source: source)
  }

  /// Files recognised in a `--manifests` directory that holds one YAML per component, in install
  /// order. Shared objects first, as Flux's install overlay lists them.
  public static let sharedFiles = ["namespace.yaml", "policies.yaml", "rbac.yaml"]

  /// Reads `--manifests DIR`: `install.yaml` (or `gotk-components.yaml`) when present, else the
  /// shared files plus `<component>.yaml` for each component found.
  public static func load(directory: String) throws(ManifestError) -> ComponentBundle {
    let files = FileManager.default
    guard LocalPath.isDirectory(directory) else {
      throw ManifestError(.invalidBundle, "--manifests \(directory): no such directory")
    }
    for name in ["install.yaml", "gotk-components.yaml"] {
      let path = directory + "/" + name
      if files.fileExists(atPath: path) {
        return try ComponentBundle(text: try readText(path), source: path)
      }
    }
    var entries: [Entry] = []
    var declaredVersion: String?
    var found: [String] = []
    for name in sharedFiles + FluxComponents.all.map({ $0 + ".yaml" }) {
      let path = directory + "/" + name
      guard files.fileExists(atPath: path) else { continue }
      found.append(name)
      let text = try readText(path)
      declaredVersion = declaredVersion ?? ManifestHeader.declaredVersion(in: text)
      let component = name.hasSuffix("-controller.yaml") || name == "source-watcher.yaml"
        ? String(name.dropLast(".yaml".count)) : nil
      for document in try YAMLDocumentStream.documents(in: text, source: path, dropLeadingComments: true) {
        entries.append(Entry(document: document, component: document.component ?? component))
      }
    }
    guard !found.isEmpty else {
      throw ManifestError(
        .invalidBundle,
        "--manifests \(directory): found neither install.yaml nor per-component files (source-controller.yaml, …)")
    }
    return ComponentBundle(entries: entries, declaredVersion: declaredVersion, source: directory)
  }

  static func readText(_ path: String) throws(ManifestError) -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ManifestError(.invalidBundle, "\(path): cannot be read")
    }
    return String(decoding: data, as: UTF8.self)
  }

  /// Controllers the bundle has objects for.
  public var components: [String] {
    var seen: [String] = []
    for entry in entries { if let c = entry.component, !seen.contains(c) { seen.append(c) } }
    return seen
  }

  /// The objects for `components` (plus the shared ones), relabelled for `version` and moved to
  /// `namespace`, as `flux install --export` would print them.
  public func select(
    components: [String], version: String, namespace targetNamespace: String
  ) throws(ManifestError) -> ComponentManifests {
    let missing = components.filter { !self.components.contains($0) }
    if !missing.isEmpty {
      throw ManifestError(
        .invalidBundle,
        "\(source): has no objects for \(missing.joined(separator: ", ")) (it holds \(self.components.joined(separator: ", ")))")
    }
    var documents: [ManifestDocument] = []
    for entry in entries {
      if let component = entry.component, !components.contains(component) { continue }
      var document = entry.document
      if targetNamespace != namespace {
        document = try Self.relocate(document, from: namespace, to: targetNamespace, source: source)
      }
      document = Self.labelled(document, namespace: targetNamespace, version: version)
      documents.append(document)
    }
    return ComponentManifests(
      version: version, components: components, namespace: targetNamespace, documents: documents)
  }

  // MARK: transformations

  static let instanceLabel = "app.kubernetes.io/instance"
  static let partOfLabel = "app.kubernetes.io/part-of"
  static let versionLabel = "app.kubernetes.io/version"

  /// Adds Flux's labels (instance, part-of, version) to the object and to a Deployment's pod
  /// template. A document that already has them keeps its exact text.
  static func labelled(_ document: ManifestDocument, namespace: String, version: String) -> ManifestDocument {
    let wanted = [instanceLabel: namespace, partOfLabel: "flux", versionLabel: version]
    var paths: [[String]] = [["metadata", "labels"]]
    if document.kind == "Deployment" { paths.append(["spec", "template", "metadata", "labels"]) }
    var object = document.object
    var changed = false
    for path in paths {
      var labels = object[path: path]?.objectValue ?? JSONObject()
      var pathChanged = false
      for (key, value) in wanted where labels[key]?.stringValue != value {
        labels[key] = .string(value)
        pathChanged = true
      }
      if pathChanged {
        // Kustomize writes label maps sorted, as Go maps are.
        object[path: path] = .object(JSONObject(labels.sortedMembers))
        changed = true
      }
    }
    guard changed else { return document }
    var result = document
    result.replaceObject(object)
    return result
  }

  /// Moves a document to another namespace the way flux's install overlay does: the namespace, the
  /// instance label and the `-<namespace>` suffix of the cluster-wide RBAC names all follow it.
  static func relocate(
    _ document: ManifestDocument, from old: String, to new: String, source: String
  ) throws(ManifestError) -> ManifestDocument {
    let text = replacingToken(old, with: new, in: document.text)
    guard text != document.text else { return document }
    let parsed = try YAMLDocumentStream.documents(in: text, source: source)
    guard let first = parsed.first else { return document }
    return first
  }

  /// Replaces `token` where it stands alone (not inside a longer name such as `my-flux-system-x`).
  static func replacingToken(_ token: String, with replacement: String, in text: String) -> String {
    func isNameCharacter(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "_") }
    var result = ""
    var rest = text[...]
    while let range = rest.range(of: token) {
      let before = range.lowerBound > rest.startIndex ? rest[rest.index(before: range.lowerBound)] : nil
      let after = range.upperBound < rest.endIndex ? rest[range.upperBound] : nil
      result += rest[..<range.lowerBound]
      // A trailing "-" before the token is a name suffix (crd-controller-flux-system): replace it too.
      let standsAlone = (before == nil || !isNameCharacter(before!) || before == "-")
        && (after == nil || !isNameCharacter(after!))
      result += standsAlone ? replacement : token
      rest = rest[range.upperBound...]
    }
    result += rest
    return result
  }
}
