#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
import TackBase
import TackGit
import TackJSON

/// `bootstrap git`: commits Flux's manifests to a branch of a Git repository and configures the
/// cluster to sync from it, step for step as flux does (flux-cli reference §4), with the same
/// progress lines on stderr. `--dry-run` and `--no-push` stop before anything leaves the machine.
///
/// Everything that can be checked is checked before the first side effect: flags, the component
/// bundle, the cluster (reachable, not managed by another tool, sync path unchanged), the SSH key
/// and host key, and the credentials (by the clone).
public struct BootstrapGit: Sendable {
  public var options: BootstrapOptions
  public var manifests: ComponentManifests
  public var cloner: any FleetRepositoryCloner
  /// nil for `--dry-run` and `--no-push`, which never touch the cluster.
  public var cluster: (any Cluster)?
  public var ssh: any SSHTooling
  /// nil when stdin is not a terminal.
  public var confirmer: (any Confirming)?
  public var progress: any ProgressReporter
  /// Where to clone: a directory that does not exist yet or is empty. Kept for `--no-push`;
  /// removed otherwise by the caller.
  public var cloneDirectory: String
  /// Field manager for server-side apply; flux's CLI uses `flux`, so either tool can take over.
  public var fieldManager = "flux"
  /// Gives a newly generated public key access to the repository (a hosting provider's deploy
  /// key API). When set, nobody is asked to do it by hand.
  public var deployKeyRegistrar: (any DeployKeyRegistering)?
  /// The current time (for the `--no-push` branch name and deadlines).
  public var now: @Sendable () -> Date = { Date() }

  public init(
    options: BootstrapOptions, manifests: ComponentManifests, cloner: any FleetRepositoryCloner,
    cluster: (any Cluster)?, ssh: any SSHTooling, confirmer: (any Confirming)?, progress: any ProgressReporter,
    cloneDirectory: String
  ) {
    self.options = options
    self.manifests = manifests
    self.cloner = cloner
    self.cluster = cluster
    self.ssh = ssh
    self.confirmer = confirmer
    self.progress = progress
    self.cloneDirectory = cloneDirectory
  }

  /// What a run did.
  public enum Outcome: Sendable, Equatable {
    case applied
    case dryRun(BootstrapPlan)
    /// Commits on branch `branch` in the clone at `directory`; nil branch when nothing changed.
    case noPush(branch: String?, directory: String, plan: BootstrapPlan)
  }

  public func run() async throws -> Outcome {
    try options.validate()
    let deadline = ContinuousClock.now + options.timeout.duration
    var state = ClusterState()
    if options.mode == .apply {
      guard let cluster else { throw BootstrapError.failed("bootstrap needs a cluster connection") }
      state = try await preflight(cluster)
    }
    let secret = try await prepareSecret(state: state)

    let repository = try await clone()
    var plan = BootstrapPlan(branch: options.branch)
    let push = options.mode == .apply

    let componentsPath = options.path.appending(options.namespace, "gotk-components.yaml")
    let namespaceDirectory = options.path.appending(options.namespace)
    // Before the first commit: a link the repository committed on any of these paths would
    // otherwise be found only after the components were pushed.
    try Self.checkWritable(
      [componentsPath, syncManifests.filePath, namespaceDirectory + "/" + KustomizationFile.fileName],
      in: repository.workTreePath)

    // Components.
    progress.action("generating component manifests")
    let componentsContent = manifests.content
    progress.success("generated component manifests")
    let componentsCommit = try await commitStep(
      repository, what: "component manifests", message: options.commitMessage("Add Flux \(manifests.version) component manifests"),
      push: push, plan: &plan
    ) { root in
      [try Self.write(componentsContent, to: componentsPath, in: root)]
    }
    _ = componentsCommit

    if options.mode == .apply, let cluster {
      if state.mustInstall {
        progress.action("installing components in \"\(options.namespace)\" namespace")
        warnAboutPatches(in: repository.workTreePath)
        try await installComponents(cluster, deadline: deadline)
        progress.success("installed components")
      }
      progress.success("reconciled components")
      try await reconcileSecret(cluster, secret: secret)
    }

    // Sync configuration.
    progress.action("generating sync manifests")
    let sync = syncManifests
    let syncContent = sync.content
    if options.url.scheme == "file" {
      progress.warning(
        "the cluster cannot clone \(sync.url): bootstrap the repository's ssh:// or https:// address to let Flux sync it")
    }
    progress.success("generated sync manifests")
    _ = try await commitStep(
      repository, what: "sync manifests", message: options.commitMessage("Add Flux sync manifests"), push: push,
      plan: &plan
    ) { root in
      var changes = [try Self.write(syncContent, to: sync.filePath, in: root)]
      let directory = root + "/" + namespaceDirectory
      if KustomizationFile.existing(in: directory) == nil {
        let resources = KustomizationFile.scan(
          directory, knownManifests: ["gotk-components.yaml", SyncManifests.fileName])
        changes.append(
          try Self.write(
            KustomizationFile.content(resources: resources),
            to: namespaceDirectory + "/" + KustomizationFile.fileName, in: root))
      }
      return changes
    }

    switch options.mode {
    case .dryRun:
      progress.warning("dry run: nothing was committed or pushed, and the cluster was not touched")
      return .dryRun(plan)
    case .noPush:
      return try await finishNoPush(repository, plan: plan)
    case .apply:
      break
    }
    guard let cluster else { return .applied }
    progress.action("applying sync manifests")
    for object in [sync.gitRepository, sync.kustomization] {
      _ = try await cluster.apply(object, fieldManager: fieldManager, force: true)
    }
    progress.success("reconciled sync configuration")

    guard let head = await repository.head() else {
      throw BootstrapError.failed("the clone has no commit after bootstrap; nothing for Flux to sync")
    }
    try await reportHealth(cluster, head: head, deadline: deadline)
    return .applied
  }

  public var syncManifests: SyncManifests {
    SyncManifests(
      namespace: options.namespace, url: options.syncURL, branch: options.branch, secretName: options.secretName,
      interval: options.interval, path: options.path, recurseSubmodules: options.recurseSubmodules)
  }

  // MARK: repository

  func clone() async throws -> any FleetRepository {
    progress.action("cloning branch \"\(options.branch)\" from Git repository \"\(options.url.string)\"")
    let repository: any FleetRepository
    do {
      repository = try await cloner.clone(into: cloneDirectory)
    } catch let error as any TackError {
      // Ctrl-C stays an interruption (exit 130, nothing printed); a timeout stays a timeout (exit 3).
      if error.exitStatus == .interrupted { throw error }
      throw BootstrapError(
        error.exitStatus == .timedOut ? .timedOut : .failed, "failed to clone repository: \(error.description)")
    }
    progress.success("cloned repository")
    return repository
  }

  /// Writes files (through `edit`), commits and pushes, retrying on a non-fast-forward push with
  /// flux's message. Records what changed in `plan`. Returns the commit pushed, if any.
  func commitStep(
    _ repository: any FleetRepository, what: String, message: String, push: Bool, plan: inout BootstrapPlan,
    edit: @Sendable (String) throws -> [BootstrapPlan.FileChange]
  ) async throws -> String? {
    let maxAttempts = 3
    var attempt = 1
    while true {
      let changes = try edit(repository.workTreePath).filter { $0.action != .unchanged }
      if options.mode == .dryRun {
        if changes.isEmpty {
          progress.success("\(what) are up to date")
        } else {
          progress.waiting("dry run: would commit \(what) to \"\(options.branch)\"")
          plan.commits.append(.init(message: message, files: changes))
        }
        return nil
      }
      guard let commit = try await repository.commit(message: message, author: author) else {
        progress.success("\(what) are up to date")
        return nil
      }
      plan.commits.append(.init(message: message, files: changes, commit: commit))
      if push {
        progress.success("committed \(what) to \"\(options.branch)\" (\"\(commit)\")")
      } else {
        progress.success("committed \(what) locally (\"\(commit)\")")
      }
      guard push else { return commit }
      progress.action("pushing \(what) to \"\(options.url.string)\"")
      switch try await repository.push() {
      case .pushed:
        return commit
      case .nonFastForward:
        guard attempt < maxAttempts else {
          throw BootstrapError.failed(
            "failed to push \(what): the branch \"\(options.branch)\" kept moving; gave up after \(attempt) attempts (nothing was forced)")
        }
        plan.commits.removeLast()
        progress.waiting("git conflict detected, retrying with a fresh clone")
        try await repository.resetToRemote()
        attempt += 1
      }
    }
  }

  /// flux builds `<path>/<ns>/kustomization.yaml` (user patches) for the first install; tack has no
  /// kustomize, applies gotk-components.yaml as is and leaves the patches to kustomize-controller.
  func warnAboutPatches(in root: String) {
    let directory = root + "/" + options.path.appending(options.namespace)
    guard let name = KustomizationFile.existing(in: directory),
      let data = FileManager.default.contents(atPath: directory + "/" + name)
    else { return }
    let text = String(decoding: data, as: UTF8.self)
    let generated = KustomizationFile.content(resources: ["gotk-components.yaml", SyncManifests.fileName])
    if text != generated {
      progress.warning(
        "\(options.path.appending(options.namespace, name)) has customisations: tack installs gotk-components.yaml as is; kustomize-controller applies the patches once it syncs")
    }
  }

  var author: CommitAuthor { CommitAuthor(name: options.authorName, email: options.authorEmail) }

  func finishNoPush(_ repository: any FleetRepository, plan: BootstrapPlan) async throws -> Outcome {
    guard !plan.commits.isEmpty else {
      progress.success("the repository is up to date: nothing to push")
      return .noPush(branch: nil, directory: repository.workTreePath, plan: plan)
    }
    let branch = "tack-bootstrap-" + UTCTimestamp.compact(now())
    try await repository.moveCommits(toNewBranch: branch)
    progress.success("committed to branch \"\(branch)\" in \(repository.workTreePath)")
    progress.warning("not pushed (--no-push): the cluster was not touched")
    return .noPush(branch: branch, directory: repository.workTreePath, plan: plan)
  }

  /// Writes `content` at `relativePath` under `root` unless it is already there; says what it did.
  /// Never through a symbolic link the repository holds (see `GitWorkTree`).
  static func write(_ content: String, to relativePath: String, in root: String) throws -> BootstrapPlan.FileChange {
    let tree = GitWorkTree(root: root)
    do throws(GitError) {
      let existing = try tree.readString(relativePath)
      if existing == content {
        return .init(path: relativePath, action: .unchanged, content: content)
      }
      try tree.write(relativePath, content)
      return .init(path: relativePath, action: existing == nil ? .create : .update, content: content)
    } catch {
      throw BootstrapError.failed(error.description)
    }
  }

  /// Refuses paths a write could not keep inside the clone (a symbolic link among them).
  static func checkWritable(_ paths: [String], in root: String) throws {
    let tree = GitWorkTree(root: root)
    do throws(GitError) {
      for path in paths { try tree.checkWritable(path) }
    } catch {
      throw BootstrapError.failed(error.description)
    }
  }
}

/// What the cluster said before anything was changed.
struct ClusterState: Sendable {
  /// No Kustomization `<ns>/<ns>` has applied a revision yet: components must be installed by us.
  var mustInstall = true
  var secretExists = false
}

extension Date: DateConvertible {
  var secondsSince1970: Double { timeIntervalSince1970 }
}
