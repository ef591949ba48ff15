import ArgumentParser
import TackBase
import TackCore
import TackOutput

extension Tack {
  /// `tack install`: Flux's components without Git.
  struct Install: TackCommand {
    static let configuration = CommandConfiguration(
      abstract: "Install or upgrade Flux (without Git).",
      discussion: """
        Applies the Flux components to the cluster and waits for the controllers. With --export it \
        prints the manifests to stdout and touches nothing: no cluster connection is made.

        Examples:
          tack install
          tack install --components-extra=image-reflector-controller,image-automation-controller
          tack install --export > flux-system.yaml
        """)

    @OptionGroup(title: "Global Options") var global: GlobalOptions
    @OptionGroup(title: "Components") var componentOptions: ComponentOptions
    @OptionGroup(title: "Manifests") var manifestOptions: ManifestOptions

    @Flag(help: "Print the manifests to stdout and exit, without touching the cluster.")
    var export = false

    @Flag(help: "Override an existing Flux installation managed by another tool (such as Helm).")
    var force = false

    func execute(context: CommandContext) async throws {
      let components = try componentOptions.selected(requireControllers: false)
      if let version = manifestOptions.version { try ManifestSource.validate(version: version) }
      guard let timeout = GoDuration(global.timeout), timeout.nanoseconds > 0 else {
        throw CommandError("--timeout \"\(global.timeout)\" is not a duration (e.g. 5m)", exitStatus: .usage)
      }
      let namespace = try context.namespace(global)
      if !export { context.console.generate("generating manifests") }
      let manifests = try await ComponentLoading(context: context).load(
        options: manifestOptions, components: components, namespace: namespace)
      if export {
        // Nothing else happens with --export: not even a kubeconfig is read (flux #1204).
        context.console.write(manifests.content)
        return
      }
      if global.verbose { context.console.write(manifests.content) }
      let cluster = try context.cluster(global)
      // The namespace rules run again on connecting, as they always have (their warnings included).
      _ = try context.namespace(global)
      try await FluxInstall(
        manifests: manifests, cluster: cluster, progress: ConsoleProgress(console: context.console),
        confirmer: TerminalPrompt.ifInteractive(context.console), force: force, timeout: timeout
      ).run()
    }
  }
}
