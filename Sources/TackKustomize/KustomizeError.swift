/// Why a kustomization cannot be built. Every case names the file (relative to the build root) and
/// the rule that was broken; the message reads like kustomize's own, minus its wrapper chain.
public enum KustomizeError: Error, Sendable, Equatable, CustomStringConvertible {
  /// No `kustomization.yaml`, `kustomization.yml` or `Kustomization` in a directory.
  case missingKustomization(directory: String)
  /// More than one of the recognised file names in one directory.
  case multipleKustomizations(directory: String)
  /// The kustomization file itself: YAML syntax, unknown field, wrong type, wrong kind/apiVersion.
  case invalidKustomization(file: String, reason: String)
  /// Only apiVersion/kind are set.
  case emptyKustomization(file: String)
  /// A field kustomize accepts but this engine does not implement.
  case notSupported(file: String, field: String, detail: String)
  /// URLs and git references in `resources`/`components`.
  case remoteResource(file: String, reference: String)
  /// A resource file that is not YAML, or a document that is not an object.
  case malformedYAML(file: String, reason: String)
  /// A resource document without `kind`, `metadata.name`, …
  case invalidResource(file: String, reason: String)
  /// A path named in a kustomization that does not exist (or is of the wrong type).
  case missingPath(file: String, field: String, path: String, reason: String)
  /// A file outside the directory of the kustomization that names it (load restrictions).
  case outsideRoot(file: String, path: String, root: String)
  /// A base or component that is an ancestor of (or the same as) a directory being built.
  case cycle(file: String, directory: String)
  /// Two resources with the same group/version/kind/namespace/name.
  case duplicateID(file: String, id: String)
  /// A `components` entry that is not a Component, or a Component listed in `resources`.
  case wrongKustomizationKind(file: String, path: String, reason: String)
  /// A patch that cannot be read or applied.
  case patch(file: String, reason: String)
  /// A generator entry (configMapGenerator/secretGenerator) that is invalid or collides.
  case generator(file: String, name: String, reason: String)
  /// Any other transformer (namespace, replicas, images, replacements, labels, name references…).
  case transformer(file: String, field: String, reason: String)

  public var description: String {
    switch self {
    case .missingKustomization(let directory):
      return "\(Self.show(directory)): unable to find one of 'kustomization.yaml', 'kustomization.yml' or 'Kustomization' in directory"
    case .multipleKustomizations(let directory):
      return "\(Self.show(directory)): found multiple kustomization files (kustomization.yaml, kustomization.yml, Kustomization); keep one"
    case .invalidKustomization(let file, let reason):
      return "\(file): invalid Kustomization: \(reason)"
    case .emptyKustomization(let file):
      return "\(file): kustomization is empty (set resources, components, generators or transformers)"
    case .notSupported(let file, let field, let detail):
      return "\(file): '\(field)' is not supported by tack's kustomize engine\(detail.isEmpty ? "" : ": " + detail)"
    case .remoteResource(let file, let reference):
      return "\(file): remote resource '\(reference)' is not supported: only local files and directories can be built"
    case .malformedYAML(let file, let reason):
      return "\(file): MalformedYAMLError: \(reason)"
    case .invalidResource(let file, let reason):
      return "\(file): invalid resource: \(reason)"
    case .missingPath(let file, let field, let path, let reason):
      return "\(file): \(field): '\(path)': \(reason)"
    case .outsideRoot(let file, let path, let root):
      return "\(file): security; file '\(path)' is not in or below '\(Self.show(root))'"
    case .cycle(let file, let directory):
      return "\(file): cycle detected: '\(Self.show(directory))' is already being built (a base may not include its own overlay or ancestor)"
    case .duplicateID(let file, let id):
      return "\(file): may not add resource with an already registered id: \(id)"
    case .wrongKustomizationKind(let file, let path, let reason):
      return "\(file): '\(path)': \(reason)"
    case .patch(let file, let reason):
      return "\(file): patches: \(reason)"
    case .generator(let file, let name, let reason):
      return "\(file): generator '\(name)': \(reason)"
    case .transformer(let file, let field, let reason):
      return "\(file): \(field): \(reason)"
    }
  }

  private static func show(_ directory: String) -> String { directory.isEmpty ? "." : directory }
}
