import TackJSON

/// How `create --export` prints what it built. YAML is flux's layout byte for byte: each object as
/// `---` and then YAML with every map's keys sorted (the JSON round trip of `sigs.k8s.io/yaml`), no
/// line folding, trailing newlines trimmed to one. JSON (`-o json`) is tack's addition for tooling:
/// one object, or a `v1 List` of several.
public enum CreateExport {
  public enum Format: String, Sendable, CaseIterable {
    case yaml, json
  }

  static let yamlOptions = YAMLWriteOptions(sortKeys: true, indent: 2, width: -1)

  public static func text(_ manifests: [JSON], format: Format = .yaml) -> String {
    switch format {
    case .yaml:
      return manifests.map(document).joined()
    case .json:
      let value: JSON =
        manifests.count == 1
        ? manifests[0] : ["apiVersion": "v1", "kind": "List", "items": .array(manifests)]
      return value.serialized(JSONWriteOptions(indent: "  ", sortKeys: true)) + "\n"
    }
  }

  public static func text(_ drafts: [FluxObjectDraft], format: Format = .yaml) -> String {
    text(drafts.map(\.manifest), format: format)
  }

  /// One `---` document.
  public static func document(_ manifest: JSON) -> String {
    var yaml = manifest.yaml(yamlOptions)
    while yaml.last == "\n" { yaml.removeLast() }
    return "---\n" + yaml + "\n"
  }
}
