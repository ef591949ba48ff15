import ArgumentParser
import TackBase
import TackCore

extension Tack.Bootstrap {
  /// `tack bootstrap bitbucket-server`: flux's `bootstrap bitbucket-server`.
  struct BitbucketServer: TackCommand {
    static let configuration = CommandConfiguration(
      commandName: "bitbucket-server",
      abstract: "Deploy Flux on a cluster connected to a Bitbucket Server repository.",
      discussion: """
        Finds or creates the repository in the project named by --owner (or the user's personal \
        project with --personal) on the Bitbucket Server or Data Center at --hostname, grants the \
        groups given with --group, then commits the Flux manifests as 'bootstrap git' does. The \
        cluster syncs over SSH with an access key tack generates and registers (read-only unless \
        --read-write-key), or over HTTPS with the token (--token-auth). Re-running it changes nothing.

        The HTTP access token comes from $BITBUCKET_TOKEN, from stdin with --token-stdin, or from \
        a prompt on a terminal; Git over HTTPS sends it with --username. It is never printed or \
        logged. A repository tack creates is never public, and its default branch is main.

        Examples:
          export BITBUCKET_TOKEN=<token>
          tack bootstrap bitbucket-server --hostname=bitbucket.example.com --owner=Platform --repository=fleet --username=ci --group=ops --path=clusters/my-cluster
        """)

    @OptionGroup(title: "Global Options") var global: GlobalOptions
    @OptionGroup(title: "Components") var componentOptions: ComponentOptions
    @OptionGroup(title: "Manifests") var manifestOptions: ManifestOptions
    @OptionGroup(title: "Provider") var provider: ProviderBootstrapFlags

    @Option(
      name: .customLong("group"),
      help: ArgumentHelp("Group with access to the repository, as NAME or NAME:PERMISSION (pull, push (default), admin); repeatable.", valueName: "group"))
    var groups: [String] = []

    @Option(name: [.short, .long], help: ArgumentHelp("User name Git over HTTPS sends with the token.", valueName: "name"))
    var username: String = "git"

    func execute(context: CommandContext) async throws {
      let grants = try groups.map { text -> String in
        let grant = try TeamGrant.parse(text, default: .push)
        return "\(grant.team):\(grant.permission.rawValue)"
      }
      // As flux: the owner of a personal repository is the Git user too.
      let user = provider.personal ? provider.owner : username
      try await BootstrapProviderRunner(
        service: .bitbucketServer, flags: provider, teams: grants, gitUsername: user, global: global,
        componentOptions: componentOptions, manifestOptions: manifestOptions, context: context
      ).run()
    }
  }
}
