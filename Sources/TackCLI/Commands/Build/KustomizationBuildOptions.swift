import ArgumentParser
import TackCore

/// The flags `build ks` and `diff ks` share, as flux spells them.
struct KustomizationBuildOptions: ParsableArguments, Sendable {
  @Argument(help: "The Flux Kustomization's name.", completion: .custom(ResourceNameCompletion.complete))
  var name: String?

  @Option(help: "Path to the manifests location (a directory).", completion: .directory)
  var path: String?

  @Option(help: "Path to a file holding the Flux Kustomization to build (YAML, multi-document).", completion: .file())
  var kustomizationFile: String?

  @Option(
    parsing: .upToNextOption,
    help: "gitignore-style patterns to ignore, on top of the .sourceignore files (comma-separated or repeated).")
  var ignorePaths: [String] = []

  @Flag(help: "Fail when a variable has no value and no default in postBuild substitution.")
  var strictSubstitute = false

  @OptionGroup(title: "Global Options")
  var global: GlobalOptions

  func validate() throws {
    if path?.isEmpty == true { throw ValidationError("invalid resource path \"\"") }
  }

  /// One named Kustomization and its directory, as `build ks` always and `diff ks` without `--all` need.
  func requireOne() throws {
    if name == nil { throw ValidationError("a Kustomization name is required: NAME --path DIR") }
    if path == nil { throw ValidationError("--path is required: the directory holding the Kustomization's manifests") }
  }

  /// The request, with the namespace the global flags resolve to.
  func request(context: CommandContext, dryRun: Bool = false, ignoreNotFound: Bool = false) throws
    -> KustomizationBuildRequest
  {
    let namespace = try context.namespace(global)
    return KustomizationBuildRequest(
      name: name ?? "", namespace: namespace, path: CommandLinePath.absolute(path ?? ""),
      kustomizationFile: kustomizationFile.map(CommandLinePath.absolute), dryRun: dryRun, ignoreNotFound: ignoreNotFound,
      ignorePaths: splitIgnorePaths, strictSubstitute: strictSubstitute)
  }

  /// `--ignore-paths`, comma-separated or repeated.
  var splitIgnorePaths: [String] { ignorePaths.flatMap { $0.split(separator: ",").map(String.init) } }
}
