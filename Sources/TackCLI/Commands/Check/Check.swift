import ArgumentParser
import TackBase
import TackCore
import TackOutput

extension Tack {
  /// `tack check`: prerequisites and installation health. Exits non-zero when any check fails.
  struct Check: TackCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check requirements and installation.",
      discussion: """
        Checks the Kubernetes version and, without --pre, the installed Flux version, that the \
        controller Deployments are available (waiting up to --timeout) and that the CRDs are \
        Established. Exits 1 when any check fails, after printing every check.

        Examples:
          tack check --pre
          tack check
        """)

    @OptionGroup(title: "Global Options") var global: GlobalOptions
    @OptionGroup(title: "Components") var componentOptions: ComponentOptions

    @Flag(help: "Only run pre-installation checks.")
    var pre = false

    func execute(context: CommandContext) async throws {
      guard let timeout = GoDuration(global.timeout), timeout.nanoseconds > 0 else {
        throw CommandError("--timeout \"\(global.timeout)\" is not a duration (e.g. 5m)", exitStatus: .usage)
      }
      // Named components must each have a Deployment; otherwise whatever Flux Deployments exist are checked.
      let named = !componentOptions.components.isEmpty || !componentOptions.componentsExtra.isEmpty
      let expected = named ? try componentOptions.selected(requireControllers: false) : []
      let cluster = try context.cluster(global)
      try await FluxCheck(
        cluster: cluster, progress: ConsoleProgress(console: context.console), namespace: try context.namespace(global),
        expectedComponents: expected, timeout: timeout
      ).run(pre: pre)
    }
  }
}
