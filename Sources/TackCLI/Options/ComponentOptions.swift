import ArgumentParser
import TackCore

/// The flags that choose Flux's components and where their manifests come from, shared by
/// `bootstrap git`, `install` and `check`.
struct ComponentOptions: ParsableArguments, Sendable {
  @Option(
    name: .customLong("components"), parsing: .singleValue,
    help: ArgumentHelp(
      "List of components, accepts comma-separated values.",
      valueName: "list"))
  var components: [String] = []

  @Option(
    name: .customLong("components-extra"), parsing: .singleValue,
    help: ArgumentHelp(
      "List of components in addition to those supplied or defaulted, e.g. image-reflector-controller,image-automation-controller,source-watcher.",
      valueName: "list"))
  var componentsExtra: [String] = []

  /// The selected components; `requireControllers` is bootstrap's rule.
  func selected(requireControllers: Bool) throws -> [String] {
    let base = FluxComponents.parseList(components)
    return try FluxComponents.select(
      components: base.isEmpty ? FluxComponents.defaults : base, extra: FluxComponents.parseList(componentsExtra),
      requireControllers: requireControllers)
  }
}

/// `-v/--version` and `--manifests`: which Flux release's manifests, and from where.
struct ManifestOptions: ParsableArguments, Sendable {
  @Option(
    name: [.customShort("v"), .customLong("version")],
    help: ArgumentHelp(
      "Flux version (e.g. v2.9.4); its manifests are downloaded from the Flux release once and cached (default: the bundle's own version, else \(ManifestSource.defaultVersion)).",
      valueName: "version"))
  var version: String?

  @Option(
    help: ArgumentHelp(
      "Directory holding the Flux components bundle: install.yaml, or one YAML file per component. No download.",
      valueName: "dir"))
  var manifests: String?

  @Flag(
    name: .customLong("insecure-skip-checksum"),
    help: ArgumentHelp(
      "Use a downloaded bundle even when the release's checksums file is missing or does not list it. A mismatching checksum is still refused."))
  var insecureSkipChecksum = false
}
