import TackBase
import TackKustomize

/// `tack kustomize DIR`: the kustomize engine alone, with `kubectl kustomize`'s defaults (legacy
/// order, files restricted to the kustomization root), so no kustomize binary is needed.
public enum KustomizeDirectory {
  /// The YAML stream exactly as `kubectl kustomize DIR` prints it.
  public static func render(_ directory: String) throws(KustomizeDirectoryError) -> String {
    do {
      return try KustomizeEngine(fileSystem: DiskFileSystem()).render(root: directory)
    } catch {
      throw KustomizeDirectoryError(error: error)
    }
  }
}

/// The engine's error at the CLI's edge; the engine's wording names the file and the rule.
public struct KustomizeDirectoryError: TackError, Equatable {
  public var error: KustomizeError
  public var description: String { error.description }
}
