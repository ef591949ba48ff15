import ArgumentParser
import Foundation
import TackBase
import TackCore

/// `--contexts a,b,c` and `--all-contexts`: several clusters of the kubeconfig at once, for
/// `tack ui`, `tack get` and `tack canary status`.
struct FleetOptions: ParsableArguments, Sendable {
  @Option(
    help: ArgumentHelp(
      "Query these kubeconfig contexts together (comma-separated); output gets a CLUSTER column.",
      valueName: "a,b,c"))
  var contexts: String?

  @Flag(help: "Query every context of the kubeconfig together (see --contexts).")
  var allContexts = false

  var isFleet: Bool { allContexts || contexts != nil }

  /// The checks that need the global flags too (`--context` picks one cluster).
  func validate(with global: GlobalOptions) throws {
    if allContexts, contexts != nil { throw ValidationError("--contexts and --all-contexts exclude each other") }
    if global.connection.context != nil, isFleet {
      throw ValidationError("--context picks one cluster; use --contexts for several")
    }
  }

  /// The contexts of `--contexts` (in the order given, duplicates dropped) or `--all-contexts`
  /// (sorted), or `nil` for one cluster.
  func names(_ global: GlobalOptions, context: CommandContext) throws -> [String]? {
    if allContexts {
      let names = try KubeConnector(options: global, context: context).loadConfig().config.contexts.keys.sorted()
      guard !names.isEmpty else { throw CommandError("--all-contexts: the kubeconfig has no contexts") }
      return names
    }
    guard let contexts else { return nil }
    var seen = Set<String>()
    let names = contexts.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty && seen.insert($0).inserted }
    guard !names.isEmpty else { throw CommandError("--contexts needs at least one context name", exitStatus: .usage) }
    return names
  }

  /// One connection per context, or `nil` for one cluster. A context whose connection cannot be
  /// built (unknown name, unreadable credentials) becomes an unreachable member, not an error, so
  /// the others still answer.
  func members(_ global: GlobalOptions, context: CommandContext) throws -> [FleetMember]? {
    guard let names = try names(global, context: context) else { return nil }
    return names.map { name in
      var options = global
      options.connection.context = name
      do {
        return FleetMember(name: name, cluster: .success(try context.cluster(options)))
      } catch {
        return FleetMember(name: name, cluster: .failure(CommandError(Fleet.errorText(error))))
      }
    }
  }
}
