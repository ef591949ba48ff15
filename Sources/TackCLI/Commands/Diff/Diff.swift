import ArgumentParser
import TackBase
import TackCore

extension Tack {
  /// `tack diff kustomization|ks NAME --path DIR`: `flux diff ks`.
  struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Diff a Flux Kustomization built locally with the cluster.",
      subcommands: [DiffKustomization.self])
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

  func validate() throws {
    if ignoreNotFound && options.kustomizationFile == nil {
      throw ValidationError("kustomization file is required when assuming new kustomizations")
    }
  }

  func execute(context: CommandContext) async throws {
    let hasChanges: Bool
    do {
      hasChanges = try await diff(context: context)
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
}

/// Any error of `diff`: rendered as usual, but exit 2 (1 means differences found).
struct DiffError: TackError {
  var message: String
  var exitStatus: ExitStatus { .trouble }
  var description: String { message }
}
