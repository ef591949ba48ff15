import ArgumentParser
import TackBase
import TackCore
import TackOutput

extension Tack {
  /// `tack trace <resource> <name>…`: `flux trace`.
  struct Trace: TackCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show which Flux Kustomization or HelmRelease manages an object, and from which source.",
      discussion: """
        Finds the manager through the kustomize.toolkit.fluxcd.io (then helm.toolkit.fluxcd.io) \
        name and namespace labels on the object or on its owners, and prints it with its revision \
        and status, then its source (and a HelmRelease's HelmChart). Objects are named as with \
        kubectl, '<resource> <name>…' or '<resource>/<name>…', or with --kind and --api-version. \
        Unlike flux, an object that cannot be traced makes the exit status non-zero (5 when it is \
        not there or not managed by Flux).

        Examples:
          tack trace deployment podinfo -n apps
          tack trace deploy/podinfo svc/podinfo -n apps
          tack trace podinfo --kind HelmRelease --api-version helm.toolkit.fluxcd.io/v2
        """)

    @Argument(help: "<resource> <name>…, or <resource>/<name>…, or just names with --kind.")
    var arguments: [String] = []

    @Option(help: "The object's kind (with --api-version), for kinds tack does not know by name.")
    var kind: String?

    @Option(help: "The object's apiVersion (with --kind).")
    var apiVersion: String?

    @OptionGroup(title: "Global Options") var global: GlobalOptions

    func validate() throws { _ = try targets() }

    /// What to trace: each type with its name.
    func targets() throws -> [(ObjectKind, String)] {
      if kind != nil || apiVersion != nil {
        guard let kind, !kind.isEmpty else { throw ValidationError("object kind is required (--kind)") }
        guard let apiVersion, !apiVersion.isEmpty else { throw ValidationError("object apiVersion is required (--api-version)") }
        guard !arguments.isEmpty else { throw ValidationError("a name is required with --kind") }
        return arguments.map { (ObjectKind(apiVersion: apiVersion, kind: kind), $0) }
      }
      guard let first = arguments.first else {
        throw ValidationError("either `<resource>/<name>` or `<resource> <name>` is required as an argument")
      }
      if first.contains("/") {
        return try arguments.map { argument in
          let parts = argument.split(separator: "/", maxSplits: 1).map(String.init)
          guard parts.count == 2, !parts[1].isEmpty else {
            throw ValidationError("\"\(argument)\": use <resource>/<name> for every object, or <resource> <name>…")
          }
          return (try resolve(parts[0]), parts[1])
        }
      }
      let type = try resolve(first)
      let names = arguments.dropFirst()
      guard !names.isEmpty else { throw ValidationError("a name is required after \"\(first)\"") }
      return names.map { (type, $0) }
    }

    private func resolve(_ word: String) throws -> ObjectKind {
      guard let type = ResourceNames.resolve(word) else {
        throw ValidationError("the server doesn't have a resource type \"\(word)\" tack knows by name; pass --kind and --api-version")
      }
      return type
    }

    func execute(context: CommandContext) async throws {
      let cluster = try context.cluster(global)
      let namespace = try context.namespace(global)
      let trace = FluxTrace(cluster: cluster)
      var firstError: (any Error)?
      for (index, (type, name)) in try targets().enumerated() {
        if index > 0 { context.console.write("---\n") }
        do {
          // The report quotes conditions and messages from the cluster: no terminal control in them.
          context.console.write(TerminalText.sanitize(try await trace.trace(type, name: name, namespace: namespace)))
        } catch is CancellationError {
          throw CancellationError()
        } catch {
          context.console.failure("failed to trace \(type.kind)/\(name) in namespace \(namespace): \(error)")
          firstError = firstError ?? error
        }
      }
      if let firstError { throw SilentExit((firstError as? any TackError)?.exitStatus ?? .failure) }
    }
  }
}
