import ArgumentParser
import TackBase
import TackCore

extension Tack {
  /// `tack get`: the status of Flux resources. `--raw PATH` prints the raw response of any API path,
  /// as `kubectl get --raw` does.
  struct Get: TackCommand {
    static let configuration = CommandConfiguration(
      abstract: "Get the resources and their status.",
      discussion: """
        The get sub-commands print the statuses of Flux and Flagger resources: flux's tables, or \
        -o wide|json|yaml|jsonl|name.

        With --contexts a,b,c or --all-contexts every cluster is queried at once and the results \
        merged: tables get a CLUSTER first column, and each -o json|yaml item and -o jsonl line a \
        top-level "context" field. A cluster that cannot be listed is reported on stderr as one \
        line naming its context while the others still print; the exit code is then 1. --watch \
        and -o name take one cluster.

        With --raw, prints the body of any API server path as the server sent it (like `kubectl get --raw`),
        e.g. `tack get --raw /version` or `tack get --raw "/apis/kustomize.toolkit.fluxcd.io/v1"`.
        """,
      subcommands: GetCommands.subcommands)

    @OptionGroup(title: "Global Options")
    var global: GlobalOptions

    @Option(help: "Raw URI to request from the server (an absolute API path such as /version).")
    var raw: String?

    func execute(context: CommandContext) async throws {
      guard let raw else {
        throw ValidationError("specify what to get (a resource kind) or --raw PATH")
      }
      guard raw.hasPrefix("/") else {
        throw ValidationError("--raw must be an absolute path starting with /, got \"\(raw)\"")
      }
      let cluster = try context.cluster(global)
      context.console.out.write(try await cluster.raw(raw))
    }
  }
}
