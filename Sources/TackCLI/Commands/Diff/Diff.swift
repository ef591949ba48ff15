import ArgumentParser
import TackBase
import TackCore

extension Tack {
  /// `tack diff kustomization|ks NAME --path DIR`: `flux diff ks`.
  struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Diff a Flux Kustomization built locally with the cluster.",
      subcommands: [DiffKustomization.self, DiffArtifact.self])
  }
}

/// Builds as `build ks` does, then server-side applies every object with `dryRun=All` as
/// kustomize-controller and reports what would be created, changed and pruned.
struct DiffKustomization: TackCommand {
  static var configuration: CommandConfiguration {
    let spelling = FluxKind.kustomization.noun.spelling(for: .diff)
    return CommandConfiguration(
      commandName: spelling.name, abstract: "Diff a Kustomization built from local files with the cluster.",
      discussion: """
        Each built object is read from the cluster and applied server-side with dryRun=All (field \
        manager kustomize-controller, forced), so the API server validates and defaults it without \
        storing anything. Prints, as flux does, '► Kind/namespace/name created', 'skipped', or \
        'drifted' followed by the changed fields; with spec.prune, objects of the stored inventory \
        the build no longer produces are listed as 'deleted'. Secret values are never printed. \
        -o json prints the same as data. Exit status, after diff(1) and flux: 0 no differences, \
        1 differences found, 2 an error (3, 5, 64 and 130 keep their meaning).

        With --all --path-root DIR (instead of NAME --path DIR), every Kustomization in the cluster \
        whose source is the repository checked out at DIR is built from DIR/spec.path and diffed, \
        four at a time, followed by a summary table. The source is the GitRepository whose URL is \
        the checkout's "origin" remote, or those named by --source. Exit 2 if any of them failed, \
        else 1 if any would change, else 0.
        """,
      aliases: spelling.aliases)
  }

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json
  }

  @OptionGroup var options: KustomizationBuildOptions

  @Flag(help: "Treat a Kustomization missing from the cluster as new (needs --kustomization-file).")
  var ignoreNotFound = false

  @Option(name: [.short, .long], help: "Output format: text (flux's report) or json.")
  var output: Format = .text

  @Flag(help: "Diff every Kustomization whose source is the repository at --path-root.")
  var all = false

  @Option(help: "With --all: the root of the repository's checkout.", completion: .directory)
  var pathRoot: String?

  @Option(
    parsing: .upToNextOption,
    help: "With --all: the GitRepository to follow, as [GitRepository/]NAME[.NAMESPACE] (repeatable; default: the one whose URL is the checkout's origin).")
  var source: [String] = []

  func validate() throws {
    if ignoreNotFound && options.kustomizationFile == nil {
      throw ValidationError("kustomization file is required when assuming new kustomizations")
    }
    if all {
      if options.name != nil { throw ValidationError("--all diffs every Kustomization; drop the name \"\(options.name!)\"") }
      if options.path != nil { throw ValidationError("--all takes --path-root (the checkout's root), not --path") }
      if options.kustomizationFile != nil { throw ValidationError("--kustomization-file names one Kustomization; it cannot go with --all") }
      guard let pathRoot, !pathRoot.isEmpty else {
        throw ValidationError("--all needs --path-root: the root of the repository's checkout")
      }
      _ = try sources(defaultNamespace: "flux-system")
    } else {
      if pathRoot != nil { throw ValidationError("--path-root goes with --all; for one Kustomization use NAME --path DIR") }
      if !source.isEmpty { throw ValidationError("--source goes with --all") }
      try options.requireOne()
    }
  }

  /// `--source` values as GitRepository references.
  func sources(defaultNamespace: String) throws -> [ObjectRef] {
    try source.flatMap { $0.split(separator: ",") }.map { text in
      var rest = Substring(text)
      if let slash = rest.firstIndex(of: "/") {
        guard rest[..<slash] == "GitRepository" else {
          throw ValidationError("--source \(text): only GitRepository sources have a checkout to diff")
        }
        rest = rest[rest.index(after: slash)...]
      }
      let parts = rest.split(separator: ".", maxSplits: 1)
      guard let name = parts.first, !name.isEmpty else {
        throw ValidationError("--source \(text): expected [GitRepository/]NAME[.NAMESPACE]")
      }
      return ObjectRef(
        kind: .gitRepository, namespace: parts.count > 1 ? String(parts[1]) : defaultNamespace, name: String(name))
    }
  }

  func execute(context: CommandContext) async throws {
    let hasChanges: Bool
    do {
      hasChanges = all ? try await diffAll(context: context) : try await diff(context: context)
    } catch let error as any TackError where error.exitStatus != .failure {
      throw error
    } catch let error as any TackError {
      throw DiffError(message: error.description)
    } catch is CancellationError {
      throw CancellationError()
    } catch {
      throw DiffError(message: "\(error)")
    }
    if hasChanges {
      context.console.warning("identified at least one change, exiting with non-zero exit code")
      throw SilentExit(.failure)
    }
  }

  /// Prints the report; true when something would be created, changed or pruned.
  private func diff(context: CommandContext) async throws -> Bool {
    let cluster = try context.cluster(options.global)
    let prepared = try await options.request(context: context, ignoreNotFound: ignoreNotFound).prepare(cluster: cluster)
    let built = try prepared.build()
    let report = try await ClusterKustomizationDiff(
      cluster: cluster, kustomization: prepared.kustomization, terminalWidth: context.console.style.width ?? 80
    ).run(built.objects)
    switch output {
    case .text: context.console.write(report.text)
    case .json: context.console.write(report.json)
    }
    if let error = report.error { throw error }
    return report.hasChanges
  }

  /// `--all`: prints every Kustomization's report and the summary; true when something would change.
  private func diffAll(context: CommandContext) async throws -> Bool {
    let cluster = try context.cluster(options.global)
    let request = RepositoryDiffRequest(
      pathRoot: CommandLinePath.absolute(pathRoot ?? "."),
      sources: try sources(defaultNamespace: try context.namespace(options.global)),
      ignorePaths: options.splitIgnorePaths, strictSubstitute: options.strictSubstitute)
    let result = try await RepositoryDiff(
      cluster: cluster, request: request, terminalWidth: context.console.style.width ?? 80
    ).run()
    switch output {
    case .text: context.console.write(result.text)
    case .json: context.console.write(result.json)
    }
    if result.failures > 0 {
      throw DiffError(message: "\(result.failures) of \(result.entries.count) Kustomizations could not be diffed")
    }
    return result.hasChanges
  }
}

/// Any error of `diff`: rendered as usual, but exit 2 (1 means differences found).
struct DiffError: TackError {
  var message: String
  var exitStatus: ExitStatus { .trouble }
  var description: String { message }
}
