import ArgumentParser
import TackBase
import TackCore

extension Tack.Bootstrap {
  /// `tack bootstrap gitea`: flux's `bootstrap gitea`, over Gitea's (or Forgejo's) API v1.
  struct Gitea: TackCommand {
    static let configuration = CommandConfiguration(
      commandName: "gitea",
      abstract: "Deploy Flux on a cluster connected to a Gitea or Forgejo repository.",
      discussion: """
        Finds or creates the repository on the Gitea server (--hostname: a host, or a URL whose \
        scheme is kept), adds the teams, then commits the Flux manifests as 'bootstrap git' does. \
        The cluster syncs over SSH with a deploy key tack generates and registers (read-only unless \
        --read-write-key), or over HTTPS with the token (--token-auth). Re-running it changes nothing.

        The token comes from $GITEA_TOKEN, from stdin with --token-stdin, or from a prompt on a \
        terminal. It is never printed or logged. Gitea gives a team the permissions the team has; \
        a :PERMISSION after a team name is checked but cannot change that.

        Examples:
          export GITEA_TOKEN=<token>
          tack bootstrap gitea --hostname=gitea.example.com --owner=my-org --repository=fleet --path=clusters/my-cluster
          tack bootstrap gitea --hostname=http://gitea.internal:3000 --owner=me --personal --repository=fleet --token-auth
        """)

    @OptionGroup(title: "Global Options") var global: GlobalOptions
    @OptionGroup(title: "Components") var componentOptions: ComponentOptions
    @OptionGroup(title: "Manifests") var manifestOptions: ManifestOptions
    @OptionGroup(title: "Provider") var provider: ProviderBootstrapFlags

    @Option(
      name: .customLong("team"),
      help: ArgumentHelp("Team of the organisation to add to the repository, as NAME[:PERMISSION]; repeatable.", valueName: "team"))
    var teams: [String] = []

    func execute(context: CommandContext) async throws {
      try await BootstrapProviderRunner(
        service: .gitea, flags: provider, teams: teams, global: global, componentOptions: componentOptions,
        manifestOptions: manifestOptions, context: context
      ).run()
    }
  }
}
