import ArgumentParser
import TackBase
import TackCore

extension Tack.Bootstrap {
  /// `tack bootstrap github`: flux's `bootstrap github`, over GitHub's REST API.
  struct GitHub: TackCommand {
    static let configuration = CommandConfiguration(
      commandName: "github",
      abstract: "Deploy Flux on a cluster connected to a GitHub repository.",
      discussion: """
        Finds or creates the repository on GitHub (or GitHub Enterprise Server with --hostname), \
        grants the teams access, then commits the Flux manifests as 'bootstrap git' does. The \
        cluster syncs over SSH with a deploy key tack generates and registers (read-only unless \
        --read-write-key), or over HTTPS with the token (--token-auth). Re-running it changes nothing.

        The token comes from $GITHUB_TOKEN, from stdin with --token-stdin, or from a prompt on a \
        terminal. It is never printed or logged.

        Examples:
          export GITHUB_TOKEN=<token>
          tack bootstrap github --owner=my-org --repository=fleet --team=platform --path=clusters/my-cluster
          tack bootstrap github --owner=me --repository=fleet --personal --private=false --path=clusters/dev
          tack bootstrap github --hostname=ghe.example.com --owner=ops --repository=fleet --token-auth < /dev/null
        """)

    @OptionGroup(title: "Global Options") var global: GlobalOptions
    @OptionGroup(title: "Components") var componentOptions: ComponentOptions
    @OptionGroup(title: "Manifests") var manifestOptions: ManifestOptions
    @OptionGroup(title: "Provider") var provider: ProviderBootstrapFlags

    @Option(
      name: .customLong("team"),
      help: ArgumentHelp("Team with access to the repository, as NAME or NAME:PERMISSION (pull, triage, push, maintain (default), admin); repeatable.", valueName: "team"))
    var teams: [String] = []

    func execute(context: CommandContext) async throws {
      try await BootstrapProviderRunner(
        service: .github, flags: provider, teams: teams, global: global, componentOptions: componentOptions,
        manifestOptions: manifestOptions, context: context
      ).run()
    }
  }
}
