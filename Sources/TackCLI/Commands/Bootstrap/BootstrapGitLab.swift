import ArgumentParser
import TackBase
import TackCore
import TackProviders

extension Tack.Bootstrap {
  /// `tack bootstrap gitlab`: flux's `bootstrap gitlab`, over GitLab's API v4.
  struct GitLab: TackCommand {
    static let configuration = CommandConfiguration(
      commandName: "gitlab",
      abstract: "Deploy Flux on a cluster connected to a GitLab project.",
      discussion: """
        Finds or creates the project on GitLab (gitlab.com, or a self-managed host with \
        --hostname; --owner may be a group path such as group/subgroup), shares it with the \
        groups given with --team, then commits the Flux manifests as 'bootstrap git' does. The \
        cluster syncs over SSH with a deploy key tack generates and registers (read-only unless \
        --read-write-key), or over HTTPS with the token (--token-auth). Re-running it changes nothing.

        The token comes from $GITLAB_TOKEN, from stdin with --token-stdin, or from a prompt on a \
        terminal. It is never printed or logged.

        Examples:
          export GITLAB_TOKEN=<token>
          tack bootstrap gitlab --owner=my-group/infra --repository=fleet --team=my-group/ops --path=clusters/my-cluster
          tack bootstrap gitlab --hostname=gitlab.example.com --owner=me --personal --repository=fleet --token-auth
        """)

    @OptionGroup(title: "Global Options") var global: GlobalOptions
    @OptionGroup(title: "Components") var componentOptions: ComponentOptions
    @OptionGroup(title: "Manifests") var manifestOptions: ManifestOptions
    @OptionGroup(title: "Provider") var provider: ProviderBootstrapFlags

    @Option(
      name: .customLong("team"),
      help: ArgumentHelp("Group to share the project with, as PATH or PATH:PERMISSION (pull, triage, push, maintain (default), admin); repeatable.", valueName: "group"))
    var teams: [String] = []

    @Option(help: ArgumentHelp("Visibility of a project tack creates: private, internal or public (overrides --private).", valueName: "visibility"))
    var visibility: String?

    func execute(context: CommandContext) async throws {
      var chosen: RepositoryVisibility?
      if let visibility {
        guard let parsed = RepositoryVisibility(rawValue: visibility) else {
          throw BootstrapError.usage("--visibility \"\(visibility)\" must be one of: private, internal, public")
        }
        chosen = parsed
      }
      try await BootstrapProviderRunner(
        service: .gitlab, flags: provider, teams: teams, visibility: chosen, global: global,
        componentOptions: componentOptions, manifestOptions: manifestOptions, context: context
      ).run()
    }
  }
}
