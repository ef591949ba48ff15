import ArgumentParser
import TackBase
import TackCore

extension Tack.Bootstrap {
  /// `tack bootstrap git`: flux's `bootstrap git`, plus `--dry-run` and `--no-push`.
  struct Git: TackCommand {
    static let configuration = CommandConfiguration(
      abstract: "Deploy Flux on a cluster connected to a Git repository.",
      discussion: """
        Commits the Flux manifests to a branch of a Git repository, then configures the cluster to \
        synchronize with it. Re-running it upgrades Flux when needed and changes nothing otherwise.

        Files written (as flux writes them): <path>/<namespace>/gotk-components.yaml, \
        gotk-sync.yaml and, when absent, kustomization.yaml; commits "Add Flux <version> component \
        manifests" and "Add Flux sync manifests".

        --dry-run writes nothing anywhere: it prints the files and commits bootstrap would make. \
        --no-push commits to a new local branch tack-bootstrap-<timestamp> for review (protected \
        branches) and prints how to push it; the cluster is not touched.

        Examples:
          tack bootstrap git --url=ssh://git@example.com/fleet.git --path=clusters/my-cluster
          tack bootstrap git --url=https://example.com/fleet.git --token-auth -u git -p <token> --path=clusters/my-cluster
          tack bootstrap git --url=https://example.com/fleet.git --path=clusters/my-cluster --dry-run
        """)

    @OptionGroup(title: "Global Options") var global: GlobalOptions
    @OptionGroup(title: "Components") var componentOptions: ComponentOptions
    @OptionGroup(title: "Manifests") var manifestOptions: ManifestOptions

    @Option(help: ArgumentHelp("Git repository URL (ssh://, https://, or file:// with --dry-run/--no-push).", valueName: "url"))
    var url: String = ""

    @Option(help: "Git branch.")
    var branch: String = "main"

    @Option(help: ArgumentHelp("Path relative to the repository root; the cluster sync is scoped to it.", valueName: "path"))
    var path: String = ""

    @Option(help: ArgumentHelp("Sync interval of the GitRepository.", valueName: "duration"))
    var interval: String = "1m"

    @Option(help: ArgumentHelp("Name of the secret the sync credentials are stored in.", valueName: "name"))
    var secretName: String = "flux-system"

    @Flag(help: "Use the password/token (over HTTPS) for the cluster's sync instead of an SSH deploy key.")
    var tokenAuth = false

    @Flag(help: "Send the password as a bearer token (Authorization header); implies --token-auth.")
    var withBearerToken = false

    @Option(name: [.short, .long], help: ArgumentHelp("Basic authentication username.", valueName: "name"))
    var username: String = "git"

    @Option(
      name: [.short, .long],
      help: ArgumentHelp("Basic authentication password or token, or the private key's passphrase (also $GIT_PASSWORD).", valueName: "password"))
    var password: String?

    @Flag(help: "Read the password or token from the first line of stdin (keeps it out of argv and the shell history).")
    var passwordStdin = false

    @Option(help: ArgumentHelp("Path to a private key file used for authenticating to the Git SSH server.", valueName: "file"))
    var privateKeyFile: String?

    @Option(help: ArgumentHelp("Path to a TLS CA file used for validating self-signed certificates.", valueName: "file"))
    var caFile: String?

    @OptionGroup var sshKeyType: SSHKeyTypeOptions

    @Option(help: ArgumentHelp("SSH hostname, when the SSH host differs from the HTTPS one.", valueName: "host[:port]"))
    var sshHostname: String?

    @Option(help: "Author name for Git commits.")
    var authorName: String = "Flux"

    @Option(help: "Author email for Git commits.")
    var authorEmail: String = ""

    @Option(help: ArgumentHelp("String to add to the commit messages, e.g. '[ci skip]'.", valueName: "text"))
    var commitMessageAppendix: String = ""

    @Flag(help: "Make the GitRepository include Git submodules.")
    var recurseSubmodules = false

    @Flag(name: [.short, .long], help: "Assume the deploy key is already set up; skip the confirmation.")
    var silent = false

    @Flag(help: "Allow insecure HTTP connections.")
    var allowInsecureHttp = false

    @Flag(help: "Override an existing Flux installation managed by another tool (such as Helm).")
    var force = false

    @Flag(help: "Write nothing anywhere: print the files and commits bootstrap would make.")
    var dryRun = false

    @Flag(help: "Commit to a new local branch tack-bootstrap-<timestamp> and print how to push it; skip the cluster.")
    var noPush = false

    func execute(context: CommandContext) async throws {
      try await BootstrapGitRunner(command: self, context: context).run()
    }
  }
}
