import ArgumentParser
import TackBase
import TackCore

/// `tack diff artifact URL --path DIR`: compares contents, unlike flux's gzip digest comparison.
struct DiffArtifact: TackCommand {
  static let configuration = CommandConfiguration(
    commandName: "artifact", abstract: "Compare a local directory with the contents of an OCI artifact.",
    discussion: """
      Builds the tar of --path as push artifact would and compares contents, not gzip bytes, so \
      artifacts pushed by flux or other tools compare equal when their files are. The config's \
      diff_ids are checked first; only when they differ is the layer downloaded and compared entry \
      by entry. Exit 0: no changes; 1: changes, listed as '+ path' (only local), '- path' (only \
      in the artifact) and '~ path' (content or mode); 2: an error.
      """)

  @Argument(help: "oci://REGISTRY/REPOSITORY[:TAG|@DIGEST]") var url: String
  @Option(name: [.customShort("f"), .long], help: "The directory or file to compare.", completion: .file())
  var path: String = ""
  @OptionGroup var ignore: ArtifactIgnoreOptions
  @OptionGroup var registry: RegistryOptions

  func validate() throws {
    if path.isEmpty { throw ValidationError("invalid path \"\"") }
  }

  func execute(context: CommandContext) async throws {
    let changes: [String]
    do {
      let reference = try OCIReference(url)
      let diff = ArtifactDiff(reference: reference, path: path, ignorePaths: ignore.patterns)
      let client = try await registry.client(for: reference, context: context)
      changes = try await diff.run(client: client)
    } catch let error as any TackError where error.exitStatus != .failure {
      throw error
    } catch let error as any TackError {
      throw DiffError(message: error.description)
    }
    if changes.isEmpty {
      context.console.success("no changes detected")
      return
    }
    for change in changes { context.console.print(change) }
    context.console.warning("the remote artifact contents differs from the local one")
    throw SilentExit(.failure)
  }
}
