#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
import TackBase
import TackCore
import TackOutput

/// Turns `bootstrap git`'s flags into ``BootstrapOptions``, builds the live services and runs the
/// engine; prints the plan for `--dry-run` / `--no-push`.
struct BootstrapGitRunner {
  let command: Tack.Bootstrap.Git
  let context: CommandContext

  var console: Console { context.console }

  func run() async throws {
    let prompt = TerminalPrompt.ifInteractive(console)
    let options = try await makeOptions(prompt: prompt)
    let manifests = try await ComponentLoading(context: context).load(
      options: command.manifestOptions, components: options.components, namespace: options.namespace)

    var cluster: (any Cluster)?
    if options.mode == .apply {
      cluster = try context.cluster(command.global)
      // The namespace rules run again here, as they always have (their warnings included).
      _ = try context.namespace(command.global)
    }
    let cloneDirectory: String
    switch options.mode {
    case .noPush:
      cloneDirectory = CommandFiles.temporaryDirectory(
        prefix: "tack-bootstrap-clone-", environment: context.environment)
    case .apply, .dryRun:
      cloneDirectory = CommandFiles.temporaryDirectory(prefix: "tack-bootstrap-", environment: context.environment)
    }
    // Only a --no-push run that committed keeps its clone (the user pushes from it); a failed or
    // interrupted run of any mode leaves nothing behind.
    var keepClone = false
    defer { if !keepClone { try? FileManager.default.removeItem(atPath: cloneDirectory) } }

    let engine = BootstrapGit(
      options: options, manifests: manifests,
      cloner: try LiveFleetRepositoryCloner(options: options, environment: context.environment),
      cluster: cluster, ssh: LiveSSHTooling(environment: context.environment), confirmer: prompt,
      progress: ConsoleProgress(console: console),
      cloneDirectory: cloneDirectory)
    switch try await engine.run() {
    case .applied:
      break
    case .dryRun(let plan):
      console.write(
        plan.render(
          fullContent: command.global.verbose,
          clusterNote: "not touched (dry run); bootstrap would install the components on a first install, create the source secret \"\(options.namespace)/\(options.secretName)\" if missing, apply gotk-sync.yaml and wait for Flux to sync"))
    case .noPush(let branch, let directory, let plan):
      console.write(plan.render(fullContent: command.global.verbose, clusterNote: "not touched (--no-push)"))
      guard let branch else { return }
      keepClone = directory == cloneDirectory
      console.action("to propose the change, push the branch and open a pull request:")
      console.note("  git -C \(directory) push origin \(branch)")
      console.action(
        "once it is merged into \"\(options.branch)\", run this command again without --no-push to configure the cluster")
    }
  }

  func makeOptions(prompt: TerminalPrompt?) async throws -> BootstrapOptions {
    if command.dryRun && command.noPush {
      throw BootstrapError.usage("--dry-run and --no-push cannot be used together: pick one")
    }
    let mode: BootstrapMode = command.dryRun ? .dryRun : command.noPush ? .noPush : .apply
    let url = try RepositoryURL.parse(command.url)
    let path = try RepositoryPath(command.path)
    guard let interval = GoDuration(command.interval) else {
      throw BootstrapError.usage("--interval \"\(command.interval)\" is not a duration (e.g. 1m, 30s)")
    }
    guard let timeout = GoDuration(command.global.timeout), timeout.nanoseconds > 0 else {
      throw BootstrapError.usage("--timeout \"\(command.global.timeout)\" is not a duration (e.g. 5m)")
    }
    let algorithm = try command.sshKeyType.algorithm()
    let components = try command.componentOptions.selected(requireControllers: true)
    if let version = command.manifestOptions.version { try ManifestSource.validate(version: version) }

    var password = command.password ?? ""
    if command.passwordStdin {
      if command.password != nil { throw BootstrapError.usage("--password and --password-stdin cannot be used together: pick one") }
      // One line, read once before anything else happens; a trailing CR (a Windows-edited file) is dropped.
      password = readLine(strippingNewline: true).map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 } ?? ""
      if password.isEmpty { throw BootstrapError.usage("--password-stdin: stdin held no password (pipe it in, e.g. `tack bootstrap git … --password-stdin < token-file`)") }
    }
    if password.isEmpty, let fromEnvironment = context.environment["GIT_PASSWORD"] { password = fromEnvironment }
    let tokenAuth = command.tokenAuth || command.withBearerToken
    if tokenAuth && password.isEmpty {
      guard let prompt else {
        throw BootstrapError(
          .needsAnswer,
          "--token-auth needs the repository password or token: pass -p/--password or set GIT_PASSWORD (stdin is not a terminal, so tack cannot ask)")
      }
      password = prompt.secret("Please enter your Git repository password: ") ?? ""
      if password.isEmpty { throw BootstrapError.usage("no password given: pass -p/--password or set GIT_PASSWORD") }
    }

    let auth: BootstrapAuth
    if command.withBearerToken {
      auth = .bearer(token: password)
    } else if tokenAuth {
      auth = .basic(username: command.username, password: password)
    } else {
      var privateKey: String?
      if let file = command.privateKeyFile {
        privateKey = try CommandFiles.read(file, flag: "--private-key-file")
      }
      auth = .sshKey(
        SSHKeyOptions(
          privateKey: privateKey, privateKeyPath: command.privateKeyFile, password: password.isEmpty ? nil : password,
          username: command.username, algorithm: algorithm, sshHostname: command.sshHostname))
    }
    let caCertificate = try command.caFile.map { try CommandFiles.read($0, flag: "--ca-file") }
    let namespace = try context.namespace(command.global)
    let options = BootstrapOptions(
      url: url, branch: command.branch, path: path, namespace: namespace, interval: interval,
      secretName: command.secretName, components: components, version: command.manifestOptions.version,
      manifestsDirectory: command.manifestOptions.manifests, auth: auth, caCertificate: caCertificate,
      authorName: command.authorName, authorEmail: command.authorEmail,
      commitMessageAppendix: command.commitMessageAppendix, silent: command.silent,
      allowInsecureHTTP: command.allowInsecureHttp, force: command.force, mode: mode, timeout: timeout,
      recurseSubmodules: command.recurseSubmodules)
    try options.validate()
    return options
  }
}
