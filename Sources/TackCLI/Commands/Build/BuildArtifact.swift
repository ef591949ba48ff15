import ArgumentParser
import TackCore

/// `tack build artifact --path DIR -o FILE.tgz`: `flux build artifact`.
struct BuildArtifact: TackCommand {
  static let configuration = CommandConfiguration(
    commandName: "artifact", abstract: "Build a Flux OCI artifact tarball from a local directory or file.",
    discussion: """
      Writes the gzipped tarball flux push artifact would upload: the root entry '.', then every \
      regular file and directory in byte-wise order, symbolic links skipped, modes as found, owners \
      and times zeroed, so the same tree gives the same tar bytes as flux. The file is written \
      atomically with mode 0640.
      """)

  @OptionGroup var ignore: ArtifactIgnoreOptions

  @Option(name: [.short, .long], help: "The directory or file to archive.", completion: .file())
  var path: String = ""

  @Option(name: [.short, .long], help: "The tarball to write.", completion: .file())
  var output: String = "artifact.tgz"

  func execute(context: CommandContext) async throws {
    let tarball = try ArtifactTarball(path: path, ignorePaths: ignore.patterns)
    context.console.action("building artifact from \(path)")
    _ = try ArtifactLayer.build(tarball, to: output, temporaryFiles: context.temporaryFiles)
    context.console.success("artifact created at \(output)")
  }
}

/// `--ignore-paths` and `--add-ignore-paths`, shared by the artifact commands that archive a tree.
struct ArtifactIgnoreOptions: ParsableArguments {
  @Option(help: "Paths to leave out, in .gitignore syntax, comma-separated or repeated (replaces the default list).")
  var ignorePaths: [String] = ArtifactTarball.defaultIgnorePaths

  @Option(help: "Paths to leave out in addition to --ignore-paths.")
  var addIgnorePaths: [String] = []

  var patterns: [String] {
    (ignorePaths + addIgnorePaths).flatMap { $0.split(separator: ",").map(String.init) }
  }
}
