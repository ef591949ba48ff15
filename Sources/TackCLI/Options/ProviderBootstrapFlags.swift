import ArgumentParser

/// The flags every `bootstrap <provider>` shares (flux 2.9's names), besides the component,
/// manifest and global groups.
struct ProviderBootstrapFlags: ParsableArguments, Sendable {
  @Option(help: ArgumentHelp("User or organisation that owns the repository.", valueName: "owner"))
  var owner: String = ""

  @Option(help: ArgumentHelp("Name of the repository.", valueName: "name"))
  var repository: String = ""

  @Flag(help: "The owner is a user, not an organisation.")
  var personal = false

  @Option(name: .customLong("private"), help: ArgumentHelp("Whether a repository tack creates is private.", valueName: "bool"))
  var isPrivate: Bool = true

  @Option(help: ArgumentHelp("Host of the service: a GitHub Enterprise Server, a Gitea server (a URL keeps its scheme).", valueName: "host[:port]"))
  var hostname: String = ""

  @Option(help: ArgumentHelp("SSH host (and port) of the service, when it differs from --hostname.", valueName: "host[:port]"))
  var sshHostname: String?

  @Flag(help: "Give the deploy key write access.")
  var readWriteKey = false

  @Flag(help: "Re-apply the team grants of an existing repository.")
  var reconcile = false

  @Flag(help: "Let the cluster sync over HTTPS with the token instead of an SSH deploy key.")
  var tokenAuth = false

  @Flag(help: "Read the token from the first line of stdin instead of the environment.")
  var tokenStdin = false

  @Option(help: "Git branch.")
  var branch: String = "main"

  @Option(help: ArgumentHelp("Path relative to the repository root; the cluster sync is scoped to it.", valueName: "path"))
  var path: String = ""

  @Option(help: ArgumentHelp("Sync interval of the GitRepository.", valueName: "duration"))
  var interval: String = "1m"

  @Option(help: ArgumentHelp("Name of the secret the sync credentials are stored in.", valueName: "name"))
  var secretName: String = "flux-system"

  @Option(help: ArgumentHelp("Path to a TLS CA file for the service's API and Git over HTTPS.", valueName: "file"))
  var caFile: String?

  @OptionGroup var sshKeyType: SSHKeyTypeOptions

  @Option(help: "Author name for Git commits.")
  var authorName: String = "Flux"

  @Option(help: "Author email for Git commits.")
  var authorEmail: String = ""

  @Option(help: ArgumentHelp("String to add to the commit messages, e.g. '[ci skip]'.", valueName: "text"))
  var commitMessageAppendix: String = ""

  @Flag(help: "Make the GitRepository include Git submodules.")
  var recurseSubmodules = false

  @Flag(help: "Override an existing Flux installation managed by another tool (such as Helm).")
  var force = false
}
