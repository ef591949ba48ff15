import TackJSON

/// The engine's Go-compatible YAML reading and writing, for layers built on kustomize (Flux's
/// `build`/`diff`) that must read and print YAML exactly as the Go tools around kustomize do.
///
/// This only exposes what the engine already uses; it adds no behaviour of its own.
public enum KustomizeYAML {
  /// sigs.k8s.io/yaml's `YAMLToJSON` (goyaml.v2, YAML 1.1 scalars): every document of `text`, `nil`
  /// for empty ones. Flux re-reads substituted resources this way.
  public static func decodeYAML11(_ text: String, file: String) throws(KustomizeError) -> [JSON?] {
    do {
      return try GoYAMLReader(flavour: .v2).documents(text).map { $0.map(GoNull.normalized) }
    } catch {
      throw .malformedYAML(file: file, reason: error.message)
    }
  }

  /// The resources of a resource file as kustomize's resource factory reads them (yaml.v3 scalars,
  /// `…List` kinds expanded, `kind` and `metadata.name` required).
  public static func resourceObjects(_ text: String, file: String) throws(KustomizeError) -> [JSON] {
    try ResourceReader.objects(text, file: file).map { GoNull.normalized(.object($0)) }
  }

  /// One document as sigs.k8s.io/yaml's `Marshal` prints it (keys in goyaml.v2's order, width 80).
  public static func document(_ value: JSON) -> String { GoYAMLWriter.document(value) }

  /// Map keys in the order goyaml.v2 writes them.
  public static func sortedKeys(_ keys: [String]) -> [String] {
    keys.map { Array($0.unicodeScalars) }.sorted { NaturalKeyOrder.less($0, $1) }.map { String(String.UnicodeScalarView($0)) }
  }
}
