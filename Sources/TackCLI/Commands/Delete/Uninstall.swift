import ArgumentParser
import TackBase
import TackCore
import TackOutput

extension Tack {
  /// `tack uninstall`: remove Flux from the cluster in flux's order.
  struct Uninstall: TackCommand {
    static let configuration = CommandConfiguration(
      abstract: "Uninstall Flux: its controllers, the finalizers of its objects, its CRDs and its namespace.",
      discussion: """
        In flux's order: the controllers and their RBAC first, so nothing re-adds a finalizer; then \
        the finalizers of every Flux object in every namespace, so the CRDs can go without hanging; \
        then the CRDs (and with them every Flux object); then the namespace, unless \
        --keep-namespace. The workloads Flux deployed stay. --dry-run lists what would go and \
        changes nothing.

        Asks for confirmation on a terminal; off a terminal --silent is required. Unlike flux, a \
        failed step makes the command exit 1.
        """)

    @Flag(help: "Keep the namespace after removing the controllers.") var keepNamespace = false
    @Flag(help: "List what would be removed; change nothing.") var dryRun = false
    @Flag(name: [.short, .long], help: "Uninstall without asking (required off a terminal).") var silent = false
    @OptionGroup(title: "Global Options") var global: GlobalOptions

    func execute(context: CommandContext) async throws {
      let namespace = try context.namespace(global)
      let cluster = try context.cluster(global)
      let uninstaller = FluxUninstaller(cluster: cluster, progress: ConsoleProgress(console: context.console))
      if !dryRun && !silent {
        let question = try await uninstaller.confirmationQuestion()
        guard let prompt = TerminalPrompt.ifInteractive(context.console) else {
          throw DeleteAbortedError(
            "refusing to uninstall without confirmation: stdin is not a terminal; pass --silent to uninstall anyway",
            exitStatus: .usage)
        }
        guard await prompt.confirm(question) else { throw DeleteAbortedError("aborting") }
      }
      try await uninstaller.run(UninstallOptions(namespace: namespace, keepNamespace: keepNamespace, dryRun: dryRun))
    }
  }
}
