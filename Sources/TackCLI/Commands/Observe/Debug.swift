import ArgumentParser
import TackCore
import TackJSON
import TackOutput

extension Tack {
  /// `tack debug kustomization|helmrelease NAME`: `flux debug`, plus the reasons it is not Ready.
  struct Debug: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Explain why a Kustomization or HelmRelease is not Ready, and show what it is built from.",
      subcommands: [DebugKustomization.self, DebugHelmRelease.self])
  }
}

/// What the two debug nouns share: the object, and the reasons shown when nothing else is asked.
protocol DebugNoun: TackCommand {
  static var kind: FluxKind { get }
  var name: String { get }
  var showStatus: Bool { get }
  var global: GlobalOptions { get }
  /// The view flux shows with its own flag (`--show-vars`, `--show-values`), if asked.
  func extra(_ debug: FluxDebug, _ object: JSON, context: CommandContext) async throws -> Bool
}

extension DebugNoun {
  func execute(context: CommandContext) async throws {
    let debug = FluxDebug(cluster: try context.cluster(global))
    let ref = ObjectRef(kind: Self.kind, namespace: try context.namespace(global), name: name)
    let object = try await debug.object(ref)
    var shown = false
    if showStatus {
      context.console.write(JSON.object(["status": object["status"] ?? [:]]).yaml())
      shown = true
    }
    if try await extra(debug, object, context: context) { shown = true }
    if !shown { context.console.write(TerminalText.sanitize(try await debug.reasons(of: ref))) }
  }
}

struct DebugKustomization: DebugNoun {
  static let kind = FluxKind.kustomization
  static let configuration = CommandConfiguration(
    commandName: "kustomization",
    abstract: "Why a Kustomization is not Ready; its status or its substitution variables.",
    discussion: """
      Without flags, prints the Kustomization's Ready state, then that of each dependsOn object and \
      of its source, following the ones that are not Ready, so the cause is one command away. \
      --show-status prints its status as YAML; --show-vars the postBuild variables (substituteFrom \
      in order, then substitute), with values from Secrets redacted.
      """,
    aliases: ["ks"])

  @Argument(help: "The Kustomization's name.") var name: String
  @Flag(help: "Print the status as YAML.") var showStatus = false
  @Flag(help: "Print the postBuild substitution variables.") var showVars = false
  @OptionGroup(title: "Global Options") var global: GlobalOptions

  func extra(_ debug: FluxDebug, _ object: JSON, context: CommandContext) async throws -> Bool {
    guard showVars else { return false }
    context.console.write(try await debug.variables(of: object))
    return true
  }
}

struct DebugHelmRelease: DebugNoun {
  static let kind = FluxKind.helmRelease
  static let configuration = CommandConfiguration(
    commandName: "helmrelease",
    abstract: "Why a HelmRelease is not Ready; its status or its merged values.",
    discussion: """
      Without flags, prints the HelmRelease's Ready state, then that of each dependsOn object, its \
      HelmChart and its source, following the ones that are not Ready. --show-status prints its \
      status as YAML; --show-values the values Helm gets (valuesFrom in order, then spec.values), \
      with everything that came from a Secret redacted.
      """,
    aliases: ["hr"])

  @Argument(help: "The HelmRelease's name.") var name: String
  @Flag(help: "Print the status as YAML.") var showStatus = false
  @Flag(help: "Print the merged values.") var showValues = false
  @OptionGroup(title: "Global Options") var global: GlobalOptions

  func extra(_ debug: FluxDebug, _ object: JSON, context: CommandContext) async throws -> Bool {
    guard showValues else { return false }
    context.console.write(try await debug.values(of: object).yaml())
    return true
  }
}
