/// The two SOPS stores tack reads and writes.
public enum SopsFormat: String, Sendable, CaseIterable {
  case yaml, json

  /// By file extension, as sops picks its store: `.json` is JSON, anything else YAML.
  public static func detect(path: String?) -> SopsFormat {
    guard let path, let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return .yaml }
    return path[path.index(after: dot)...].lowercased() == "json" ? .json : .yaml
  }
}

/// A parsed YAML or JSON file: its documents (one for JSON) and layout.
public struct SopsFile: Sendable, Equatable {
  public var format: SopsFormat
  public var documents: [SopsNode]
  /// Indentation for YAML output: the input's own, else sops' 4.
  public var yamlIndent: Int
  /// Indentation for JSON output: a tab unless `.sops.yaml` asks for spaces.
  public var jsonIndent: String

  public init(format: SopsFormat, documents: [SopsNode], yamlIndent: Int = 4, jsonIndent: String = "\t") {
    self.format = format
    self.documents = documents
    self.yamlIndent = yamlIndent
    self.jsonIndent = jsonIndent
  }

  public static func parse(_ text: String, format: SopsFormat) throws(SopsError) -> SopsFile {
    switch format {
    case .yaml:
      let (documents, indent) = try SopsYAML.parse(text)
      guard !documents.isEmpty else { throw SopsError(.invalidInput, "the file has no YAML documents") }
      return SopsFile(format: .yaml, documents: documents, yamlIndent: indent ?? 4)
    case .json:
      return SopsFile(format: .json, documents: [try SopsJSON.parse(text)])
    }
  }

  public func serialized() -> String {
    switch format {
    case .yaml: SopsYAML.emit(documents, indent: yamlIndent)
    case .json: SopsJSON.emit(documents.first ?? .mapping([]), indent: jsonIndent)
    }
  }

  /// Whether a document carries a top-level `sops` key (the file is already encrypted).
  public var isEncrypted: Bool { documents.contains { $0["sops"] != nil } }

  /// Whether some document is a Kubernetes Secret (`apiVersion: v1`, `kind: Secret`).
  public var containsKubernetesSecret: Bool {
    documents.contains { $0["kind"]?.stringValue == "Secret" && $0["apiVersion"]?.stringValue == "v1" }
  }
}
