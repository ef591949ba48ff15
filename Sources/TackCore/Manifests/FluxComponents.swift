import TackBase

/// The Flux controllers a bundle can hold and the rules flux applies to `--components` and
/// `--components-extra`.
public enum FluxComponents {
  /// flux's default `--components`.
  public static let defaults = [
    "source-controller", "kustomize-controller", "helm-controller", "notification-controller",
  ]
  /// What `--components-extra` may add.
  public static let extras = [
    "image-reflector-controller", "image-automation-controller", "source-watcher",
  ]
  /// Bootstrap cannot sync without these two.
  public static let required = ["source-controller", "kustomize-controller"]

  public static var all: [String] { defaults + extras }

  /// The label every per-component object in a bundle carries.
  public static let componentLabel = "app.kubernetes.io/component"

  /// Splits comma-separated flag values (`--components a,b --components c`), as flux's string-slice
  /// flags do, dropping empty items.
  public static func parseList(_ values: [String]) -> [String] {
    values.flatMap { $0.split(separator: ",") }.map { $0.trimming(" \t") }.filter { !$0.isEmpty }
  }

  /// `components` followed by `extra`, duplicates dropped, order kept; checked as flux checks them
  /// (`requireControllers` is bootstrap's extra rule).
  public static func select(
    components: [String], extra: [String], requireControllers: Bool
  ) throws(ManifestError) -> [String] {
    var selected: [String] = []
    for name in components + extra where !selected.contains(name) { selected.append(name) }
    if requireControllers {
      for name in required where !selected.contains(name) {
        throw ManifestError(
          .invalidComponents,
          "component \(name) is required: add it to --components (bootstrap needs \(required.joined(separator: " and ")))")
      }
    }
    for name in selected where !all.contains(name) {
      throw ManifestError(
        .invalidComponents,
        "component \(name) is not available: --components takes \(defaults.joined(separator: ", ")); --components-extra takes \(extras.joined(separator: ", "))")
    }
    return selected
  }
}
