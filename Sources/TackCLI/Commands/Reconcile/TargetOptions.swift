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
