import TackJSON

/// One Kubernetes object of a multi-document YAML manifest, with the exact text it came from, so a
/// bundle passed through unchanged is written back byte for byte.
public struct ManifestDocument: Sendable, Equatable {
  /// The document's YAML, without its `---` separator, ending in a newline.
  public private(set) var text: String
  /// The parsed object.
  public private(set) var object: JSON

  public init(text: String, object: JSON) {
    self.text = text
    self.object = object
  }

  /// A document built from an object (rendered as YAML with keys in their given order).
  public init(object: JSON) {
    self.object = object
    self.text = object.yaml(.ordered)
  }

  public var apiVersion: String { object["apiVersion"]?.stringValue ?? "" }
  public var kind: String { object["kind"]?.stringValue ?? "" }
  public var name: String { object[path: "metadata", "name"]?.stringValue ?? "" }
  public var namespace: String? { object[path: "metadata", "namespace"]?.stringValue }
  public var labels: [String: String] {
    var result: [String: String] = [:]
    for member in object[path: "metadata", "labels"]?.objectValue ?? [:] {
      if let value = member.value.stringValue { result[member.key] = value }
    }
    return result
  }
  /// The Flux controller this object belongs to (`app.kubernetes.io/component`), if any.
  public var component: String? { labels[FluxComponents.componentLabel] }

  /// API group of `apiVersion` ("" for the core group).
  public var group: String {
    let parts = apiVersion.split(separator: "/")
    return parts.count == 2 ? String(parts[0]) : ""
  }

  /// CRDs and Namespaces: what must exist before anything else in a bundle can be applied.
  public var isClusterDefinition: Bool {
    (kind == "CustomResourceDefinition" && group == "apiextensions.k8s.io")
      || (kind == "Namespace" && apiVersion == "v1")
  }

  /// `Kind/namespace/name` (or `Kind/name`), as flux's change sets print objects.
  public var reference: String {
    if let namespace, !namespace.isEmpty { return "\(kind)/\(namespace)/\(name)" }
    return "\(kind)/\(name)"
  }

  /// Replaces the object; the text is re-rendered from it.
  public mutating func replaceObject(_ newObject: JSON) {
    object = newObject
    text = newObject.yaml(.ordered)
  }
}

/// Splits multi-document YAML into documents while keeping each document's text.
public enum YAMLDocumentStream {
  /// A chunk of a stream between `---` markers: its text and the comment lines it started with.
  struct Chunk {
    var text: String
  }

  /// The documents of `text`, in order. Chunks holding only comments or blank lines are dropped;
  /// comment lines at the top of a document stay in its text unless `dropLeadingComments` is set.
  public static func documents(
    in text: String, source: String, dropLeadingComments: Bool = false
  ) throws(ManifestError) -> [ManifestDocument] {
    var result: [ManifestDocument] = []
    for var chunk in chunks(of: text) {
      if dropLeadingComments { chunk = dropLeadingCommentLines(chunk) }
      guard hasContent(chunk) else { continue }
      let parsed: [JSON]
      do {
        parsed = try JSON.parseYAMLDocuments(chunk)
      } catch {
        throw ManifestError(.invalidBundle, "\(source): invalid YAML: \(error.reason)")
      }
      guard parsed.count == 1, let object = parsed.first, object.objectValue != nil else {
        if parsed.isEmpty { continue }
        throw ManifestError(.invalidBundle, "\(source): a document is not a Kubernetes object")
      }
      guard object["kind"]?.stringValue?.isEmpty == false, object["apiVersion"]?.stringValue?.isEmpty == false
      else {
        throw ManifestError(
          .invalidBundle, "\(source): a document has no apiVersion or kind; is this a Kubernetes manifest?")
      }
      result.append(ManifestDocument(text: chunk, object: object))
    }
    return result
  }

  /// The text between document markers (`---` lines); each chunk ends with a newline.
  static func chunks(of text: String) -> [String] {
    var chunks: [String] = []
    var current = ""
    var start = text.startIndex
    func flush() {
      if !current.isEmpty { chunks.append(current) }
      current = ""
    }
    while start < text.endIndex {
      let end = text[start...].firstIndex(of: "\n") ?? text.endIndex
      let line = text[start..<end]
      if line == "---" || line.hasPrefix("--- ") || line == "---\r" {
        flush()
      } else if line == "..." {
        flush()
      } else {
        current += line
        current += "\n"
      }
      start = end < text.endIndex ? text.index(after: end) : end
    }
    flush()
    return chunks
  }

  static func hasContent(_ chunk: String) -> Bool {
    chunk.split(separator: "\n").contains { line in
      let trimmed = line.drop { $0 == " " || $0 == "\t" }
      return !trimmed.isEmpty && !trimmed.hasPrefix("#") && trimmed != "\r"
    }
  }

  static func dropLeadingCommentLines(_ chunk: String) -> String {
    var lines = chunk.split(separator: "\n", omittingEmptySubsequences: false)[...]
    while let first = lines.first, first.hasPrefix("#") || first.isEmpty { lines = lines.dropFirst() }
    let joined = lines.joined(separator: "\n")
    return joined.hasSuffix("\n") || joined.isEmpty ? joined : joined + "\n"
  }
}
