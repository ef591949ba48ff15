import ArgumentParser
import TackCore
import TackJSON

extension Tack {
  /// `tack push artifact`.
  struct Push: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Push an OCI artifact to a container registry.", subcommands: [PushArtifact.self])
  }

  /// `tack pull artifact`.
  struct Pull: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Pull an OCI artifact from a container registry.", subcommands: [PullArtifact.self])
  }

  /// `tack tag artifact`.
  struct Tag: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Tag an OCI artifact in a container registry.", subcommands: [TagArtifact.self])
  }

  /// `tack list artifacts`.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List OCI artifacts in a container registry.", subcommands: [ListArtifacts.self])
  }
}

/// `-o json|yaml` of `push artifact`.
enum ArtifactOutputFormat: String, ExpressibleByArgument, CaseIterable {
  case json, yaml
}

struct PushArtifact: TackCommand {
  static let configuration = CommandConfiguration(
    commandName: "artifact", abstract: "Push a directory or file as a Flux OCI artifact.",
    discussion: """
      Archives --path as build artifact does and pushes it with Flux's media types and the \
      org.opencontainers.image.created, .source and .revision annotations. Blobs the registry \
      already has are not sent again; the manifest is stored last, so an interrupted push leaves \
      the tag as it was. Prints the digest; -o json|yaml prints url, repository, tag and digest.
      """)

  @Argument(help: "oci://REGISTRY/REPOSITORY[:TAG]") var url: String
  @Option(name: [.customShort("f"), .long], help: "The directory or file to push, or - for stdin (archived as stdin.yaml).", completion: .file())
  var path: String = ""
  @Option(help: "The source address, e.g. the Git repository's URL (required).") var source: String = ""
  @Option(help: "The source revision, as <branch|tag>@sha1:<commit> (required).") var revision: String = ""
  @Option(name: [.customShort("a"), .long], help: "An extra manifest annotation key=value (repeatable).")
  var annotations: [String] = []
  @Flag(help: "Set the created annotation to the Unix epoch, for identical digests from identical trees.")
  var reproducible = false
  @Option(name: [.short, .long], help: "Print the result as json or yaml.") var output: ArtifactOutputFormat?
  @OptionGroup var ignore: ArtifactIgnoreOptions
  @OptionGroup var registry: RegistryOptions

  func validate() throws {
    if source.isEmpty { throw ValidationError("--source is required") }
    if revision.isEmpty { throw ValidationError("--revision is required") }
    if path.isEmpty { throw ValidationError("invalid path \"\"") }
  }

  func execute(context: CommandContext) async throws {
    let reference = try OCIReference(url)
    var staged: (directory: String, file: String)?
    if path == "-" { staged = try ArtifactPush.stage(stdin: SecretsFiles.read("-")) }
    defer { if let staged { ArtifactPush.removeStaged(staged.directory) } }
    let push = try ArtifactPush(
      reference: reference, path: staged?.file ?? path, source: source, revision: revision, annotations: annotations,
      ignorePaths: ignore.patterns, reproducible: reproducible)
    let client = try await registry.client(for: reference, context: context)
    if output == nil { context.console.action("pushing artifact to \(reference)") }
    let result = try await push.run(client: client, temporaryFiles: context.temporaryFiles)
    switch output {
    case .json?: context.console.write(result.document.serialized(JSONWriteOptions(indent: "  ")) + "\n")
    case .yaml?: context.console.write(result.document.yaml(.kubectl))
    case nil: context.console.success("artifact successfully pushed to \(reference.name)@\(result.digest)")
    }
  }
}

struct PullArtifact: TackCommand {
  static let configuration = CommandConfiguration(
    commandName: "artifact", abstract: "Pull a Flux OCI artifact and extract it into a directory.",
    discussion: """
      Every digest is verified (manifest, layer). Entries are extracted into a staging directory \
      inside --output and moved into place only when the whole layer verified; absolute paths, \
      '..' and hard links are refused, symbolic links skipped.
      """)

  @Argument(help: "oci://REGISTRY/REPOSITORY[:TAG|@DIGEST]") var url: String
  @Option(name: [.short, .long], help: "An existing directory to extract into (required).", completion: .directory)
  var output: String = ""
  @OptionGroup var registry: RegistryOptions

  func execute(context: CommandContext) async throws {
    let reference = try OCIReference(url)
    let pull = try ArtifactPull(reference: reference, output: output)
    let client = try await registry.client(for: reference, context: context)
    context.console.action("pulling artifact from \(url)")
    let result = try await pull.run(client: client)
    if let source = result.source { context.console.success("source \(source)") }
    if let revision = result.revision { context.console.success("revision \(revision)") }
    context.console.success("digest \(reference.name)@\(result.digest)")
    context.console.success("artifact content extracted to \(output)")
  }
}

struct TagArtifact: TackCommand {
  static let configuration = CommandConfiguration(
    commandName: "artifact", abstract: "Give an artifact more tags (the manifest's exact bytes under each).")

  @Argument(help: "oci://REGISTRY/REPOSITORY:TAG") var url: String
  @Option(help: "A tag to add (repeatable, required).") var tag: [String] = []
  @OptionGroup var registry: RegistryOptions

  func validate() throws {
    if tag.isEmpty { throw ValidationError("--tag is required") }
  }

  func execute(context: CommandContext) async throws {
    let reference = try OCIReference(url)
    let operation = try ArtifactTag(reference: reference, tags: tag)
    let client = try await registry.client(for: reference, context: context)
    context.console.action("tagging artifact")
    try await operation.run(client: client) { tagged in
      context.console.success("artifact tagged as \(tagged)")
    }
  }
}

struct ListArtifacts: TackCommand {
  static let configuration = CommandConfiguration(
    commandName: "artifacts", abstract: "List the tags of an artifact repository with their digests and sources.",
    discussion: """
      Tags are read page by page, signature, attestation and SBOM tags (.sig, .att, .sbom) left \
      out, filtered by --filter-semver then --filter-regex, and sorted in descending order.
      """)

  @Argument(help: "oci://REGISTRY/REPOSITORY") var url: String
  @Option(help: "Keep tags matching this semver constraint (e.g. '>=1.0.0 <2.0.0').") var filterSemver: String?
  @Option(help: "Keep tags matching this regular expression.") var filterRegex: String?
  @OptionGroup var registry: RegistryOptions

  func execute(context: CommandContext) async throws {
    let reference = try OCIReference(url, expecting: .repositoryOnly)
    let list = try ArtifactList(reference: reference, regex: filterRegex, semver: filterSemver)
    let client = try await registry.client(for: reference, context: context)
    let rows = try await list.run(client: client)
    context.console.write(ArtifactListTable.render(rows))
  }
}
