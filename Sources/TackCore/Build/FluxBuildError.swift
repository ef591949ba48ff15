import TackBase
import TackKustomize

/// Why `build ks` (and the build half of `diff ks`) failed, worded after flux's messages and always
/// naming the file, field or object at fault.
public enum FluxBuildError: TackError, Equatable {
  /// The Flux Kustomization object has a field of the wrong type or an impossible value.
  case invalidKustomization(field: String, reason: String)
  /// `--kustomization-file` holds no Kustomization with this name and namespace.
  case kustomizationNotFound(name: String, namespace: String, file: String)
  /// A file or directory that could not be read.
  case unreadable(path: String, reason: String)
  /// A `.yaml`/`.yml` file that is not Kubernetes YAML, found while generating a kustomization.
  case undecodableManifest(path: String, reason: String)
  /// An entry of `resources`, `components` or `crds` that does not exist (checked for ignore rules).
  case missingEntry(file: String, field: String, path: String)
  /// `spec.components` entries must be local relative paths.
  case componentNotLocal(path: String)
  /// Flux builds a kustomization without `resources` with `buildMetadata: [originAnnotations]`,
  /// which the engine does not implement.
  case originAnnotationsNotSupported(file: String)
  /// The kustomize build itself.
  case kustomize(KustomizeError)
  /// `postBuild` substitution of one object.
  case substitution(object: String, reason: String)
  /// A Secret whose data could not be inspected for SOPS values.
  case masking(secret: String, reason: String)
  /// The built output could not be read back as objects.
  case invalidOutput(reason: String)

  public var description: String {
    switch self {
    case .invalidKustomization(let field, let reason):
      return "invalid Kustomization: \(field): \(reason)"
    case .kustomizationNotFound(let name, let namespace, let file):
      return "failed find kustomization with name '\(name)' and namespace '\(namespace)' in file '\(file)'"
    case .unreadable(let path, let reason):
      return "\(path): \(reason)"
    case .undecodableManifest(let path, let reason):
      return "failed to generate kustomization.yaml: failed to decode Kubernetes YAML from \(path): \(reason)"
    case .missingEntry(let file, let field, let path):
      return "failed to generate kustomization.yaml: \(file): \(field): '\(path)': no such file or directory"
    case .componentNotLocal(let path):
      return "failed to generate kustomization.yaml: component path '\(path)' must be local and relative"
    case .originAnnotationsNotSupported(let file):
      return "\(file) lists no resources, so Flux builds it with 'buildMetadata: [originAnnotations]', "
        + "which tack's kustomize engine does not implement"
    case .kustomize(let error):
      return "kustomize build failed: \(error)"
    case .substitution(let object, let reason):
      return "var substitution failed for '\(object)': \(reason)"
    case .masking(let secret, let reason):
      return "failed to mask secret \(secret) sops data: \(reason)"
    case .invalidOutput(let reason):
      return "kustomize build failed: \(reason)"
    }
  }
}
