#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
import TackBase
import TackCore
import TackHTTP
import TackOutput
import TackProviders

/// Turns a `bootstrap <provider>` command's flags into ``ProviderBootstrap``'s options, reads the
/// token, builds the live services and runs it.
struct BootstrapProviderRunner {
  enum Service {
    case github, gitea, gitlab, bitbucketServer

    var name: String {
      switch self {
      case .github: "GitHub"
      case .gitea: "Gitea"
      case .gitlab: "GitLab"
      case .bitbucketServer: "Bitbucket"
      }
    }
    var tokenVariable: String { name.uppercased() + "_TOKEN" }
  }

  let service: Service
  let flags: ProviderBootstrapFlags
  let teams: [String]
  /// `--visibility` where the service has it (GitLab); otherwise from `--private`.
  var visibility: RepositoryVisibility? = nil
  /// Bitbucket's `-u/--username`: Git over HTTPS sends it with the token.
  var gitUsername: String = "git"
  let global: GlobalOptions
  let componentOptions: ComponentOptions
  let manifestOptions: ManifestOptions
  let context: CommandContext

  func run() async throws {
    let console = context.console
    let prompt = TerminalPrompt.ifInteractive(console)
    let token = try readToken(prompt: prompt)
    let grants = try teams.map { try TeamGrant.parse($0) }
    let options = ProviderBootstrapOptions(
      repository: RepositoryReference(owner: flags.owner, name: flags.repository), personal: flags.personal,
      visibility: visibility ?? (flags.isPrivate ? .private : .public), teams: grants, readWriteKey: flags.readWriteKey,
      reconcile: flags.reconcile, tokenAuth: flags.tokenAuth, token: token, sshHostname: flags.sshHostname,
      gitUsername: gitUsername)
    try options.validate()
    let gitOptions = try makeGitOptions()
    let manifests = try await ComponentLoading(context: context).load(
      options: manifestOptions, components: gitOptions.components, namespace: gitOptions.namespace)
    let cluster = try context.cluster(global)
    let log = global.verbose ? RequestLog(level: 1) { line in console.note(line) } : nil
    let provider: any GitHostingProvider
    switch service {
    case .github:
      provider = LiveGitHosting.github(
        hostname: flags.hostname, token: token, caCertificate: gitOptions.caCertificate,
        userAgent: "tack/\(TackVersion.current)", log: log)
    case .gitlab:
      provider = LiveGitHosting.gitlab(
        hostname: flags.hostname, token: token, caCertificate: gitOptions.caCertificate,
        userAgent: "tack/\(TackVersion.current)", log: log)
    case .bitbucketServer:
      guard !flags.hostname.isEmpty else { throw BootstrapError.usage("--hostname is required: the Bitbucket Server's host") }
      provider = LiveGitHosting.bitbucketServer(
        hostname: flags.hostname, token: token, username: gitUsername, caCertificate: gitOptions.caCertificate,
        userAgent: "tack/\(TackVersion.current)", log: log)
    case .gitea:
      provider = LiveGitHosting.gitea(
        hostname: flags.hostname, token: token, caCertificate: gitOptions.caCertificate,
        userAgent: "tack/\(TackVersion.current)", log: log)
    }
    let cloneDirectory = CommandFiles.temporaryDirectory(prefix: "tack-bootstrap-", environment: context.environment)
    defer { try? FileManager.default.removeItem(atPath: cloneDirectory) }
    let environment = context.environment
    let progress = ConsoleProgress(console: console)
    _ = try await ProviderBootstrap(
      provider: provider, options: options, gitOptions: gitOptions, progress: progress
    ) { final, registrar in
      var engine = BootstrapGit(
        options: final, manifests: manifests,
        cloner: try LiveFleetRepositoryCloner(options: final, environment: environment), cluster: cluster,
        ssh: LiveSSHTooling(environment: environment), confirmer: prompt, progress: progress,
        cloneDirectory: cloneDirectory)
      engine.deployKeyRegistrar = registrar
      return engine
    }.run()
  }

  /// `$<SERVICE>_TOKEN`, `--token-stdin`, or a prompt on a terminal; never a flag value (it would
  /// sit in the shell history and the process list).
  func readToken(prompt: TerminalPrompt?) throws -> String {
    if flags.tokenStdin {
      let line = readLine(strippingNewline: true).map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 } ?? ""
      guard !line.isEmpty else {
        throw BootstrapError.usage("--token-stdin: stdin held no token (pipe it in, e.g. `… --token-stdin < token-file`)")
      }
      return line
    }
    if let token = context.environment[service.tokenVariable], !token.isEmpty { return token }
    guard let prompt else {
      throw BootstrapError(
        .needsAnswer,
        "no \(service.name) token: set \(service.tokenVariable) or pass --token-stdin (stdin is not a terminal, so tack cannot ask)")
    }
    let token = prompt.secret("Please enter your \(service.name) personal access token (PAT): ") ?? ""
    guard !token.isEmpty else { throw BootstrapError.usage("no token given: set \(service.tokenVariable) or pass --token-stdin") }
    return token
  }

  /// The `bootstrap git` options the shared flags give; the URL and auth are placeholders the
  /// provider flow replaces.
  func makeGitOptions() throws -> BootstrapOptions {
    let path = try RepositoryPath(flags.path)
    guard let interval = GoDuration(flags.interval) else {
      throw BootstrapError.usage("--interval \"\(flags.interval)\" is not a duration (e.g. 1m, 30s)")
    }
    guard let timeout = GoDuration(global.timeout), timeout.nanoseconds > 0 else {
      throw BootstrapError.usage("--timeout \"\(global.timeout)\" is not a duration (e.g. 5m)")
    }
    let algorithm = try flags.sshKeyType.algorithm()
    let components = try componentOptions.selected(requireControllers: true)
    if let version = manifestOptions.version { try ManifestSource.validate(version: version) }
    let caCertificate = try flags.caFile.map { try CommandFiles.read($0, flag: "--ca-file") }
    return BootstrapOptions(
      url: RepositoryURL(scheme: "https", host: "placeholder.invalid", path: "/"), branch: flags.branch, path: path,
      namespace: try context.namespace(global), interval: interval, secretName: flags.secretName,
      components: components, version: manifestOptions.version, manifestsDirectory: manifestOptions.manifests,
      auth: .sshKey(SSHKeyOptions(algorithm: algorithm)), caCertificate: caCertificate,
      authorName: flags.authorName, authorEmail: flags.authorEmail,
      commitMessageAppendix: flags.commitMessageAppendix, silent: true, force: flags.force, mode: .apply,
      timeout: timeout, recurseSubmodules: flags.recurseSubmodules)
  }
}
