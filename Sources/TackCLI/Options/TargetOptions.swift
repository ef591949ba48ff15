import ArgumentParser
import TackBase
import TackCore

/// Which objects a reconcile, suspend or resume acts on: names, `--all`, or `-A`.
struct TargetOptions: ParsableArguments {
  @Argument(help: "Names of the objects (several allowed).")
  var names: [String] = []

  @Flag(help: "Every object of this kind in the namespace.")
  var all = false

  @Flag(name: [.customShort("A"), .long], help: "Every object of this kind in every namespace.")
  var allNamespaces = false

  /// What reconcile, suspend and resume start from: the selection (checked once before the
  /// kubeconfig is read, so a usage error comes first), the `--timeout` budget, and the cluster.
  func connect(kind: FluxKind, missingName: String, global: GlobalOptions, context: CommandContext) throws
    -> (selection: ObjectSelection, cluster: any Cluster, timeout: Duration)
  {
    _ = try selection(kind: kind, namespace: global.namespace ?? "flux-system", missingName: missingName)
    let timeout = try global.positiveTimeout()
    let namespace = try context.namespace(global)
    let cluster = try context.cluster(global)
    return (try selection(kind: kind, namespace: namespace, missingName: missingName), cluster, timeout)
  }

  /// The selection, or a usage error (exit 64) in flux's words.
  func selection(kind: FluxKind, namespace: String, missingName: String) throws -> ObjectSelection {
    if allNamespaces {
      guard names.isEmpty else {
        throw CommandError(
          "-A/--all-namespaces selects every \(kind.kind); it cannot be combined with names (a name is only unique within a namespace)",
          exitStatus: .usage)
      }
      return .all(namespace: nil)
    }
    if all {
      guard names.isEmpty else {
        throw CommandError("--all selects every \(kind.kind) in the namespace; it cannot be combined with names", exitStatus: .usage)
      }
      return .all(namespace: namespace)
    }
    guard !names.isEmpty else { throw CommandError(missingName, exitStatus: .usage) }
    return .named(names, namespace: namespace)
  }
}
