#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
import ArgumentParser
import TackBase
import TackCore
import TackHTTP
import TackOutput
import TackProviders

extension Tack.Promote {
  /// `tack promote helmrelease NAME --to-path DIR (--from-path DIR | --from-cluster | --version V)
  /// [--dry-run] [--url URL [--push | --provider P]]`.
  struct HelmReleaseVersion: TackCommand {
    static let configuration = CommandConfiguration(
      commandName: "helmrelease",
      abstract: "Set a HelmRelease's chart version in one folder of a fleet repository to the version another runs.",
      discussion: """
        Finds the HelmRelease NAME among the YAML files under --to-path of the repository work tree \
        (--repo-dir, default the current directory) and sets its spec.chart.spec.version to the \
        version pinned for the same HelmRelease under --from-path, or to --version. Only that value \
        changes: comments, quoting and formatting stay byte for byte. Build metadata (+…) is \
        dropped. A version range under --from-path (1.x, >=1.0) is refused: pass --version.

        Already at that version: nothing to do, exit 0. --dry-run prints the change as a unified \
        diff on stdout and writes nothing (with --url: after cloning, and nothing is pushed or \
        opened). With --url, tack works on a fresh clone of that \
        repository instead of a work tree: it commits "Update NAME to vVERSION" on --branch, \
        pushes it to --pr-branch (replacing it) and opens a pull request into --branch on the \
        hosting service --provider names (github, gitlab: a merge request, gitea, \
        bitbucket-server), with the token from $GITHUB_TOKEN, $GITLAB_TOKEN, $GITEA_TOKEN or \
        $BITBUCKET_TOKEN; an open one for that branch is reused. The API is found at --url's host \
        (Bitbucket: before /scm/) unless --hostname says otherwise. --push pushes the commit to \
        --branch itself instead. Git over HTTPS uses -u with $GIT_PASSWORD (else the token); SSH \
        uses the agent and known_hosts.

        Examples:
          tack promote helmrelease podinfo --from-path clusters/staging --to-path clusters/production
          tack promote helmrelease podinfo --version 6.7.1 --to-path clusters/production --dry-run
          tack promote helmrelease podinfo -n apps --from-cluster --context staging --to-path clusters/production
          tack promote helmrelease podinfo --from-path clusters/staging --to-path clusters/production --push --url https://github.com/org/fleet
          tack promote helmrelease podinfo --from-path clusters/staging --to-path clusters/production --provider gitlab --url https://gitlab.example.com/platform/fleet.git
        """,
      aliases: ["hr"])

    @Argument(help: "The HelmRelease's name.")
    var name: String

    @OptionGroup(title: "Global Options") var global: GlobalOptions

    @Option(help: ArgumentHelp("Folder of the repository holding the HelmRelease to change (e.g. clusters/production).", valueName: "path"))
    var toPath: String

    @Option(help: ArgumentHelp("Folder whose HelmRelease pins the version to promote (e.g. clusters/staging).", valueName: "path"))
    var fromPath: String?

    @Option(help: ArgumentHelp("The chart version to promote, instead of --from-path.", valueName: "version"))
    var version: String?

    @Flag(help: "Promote the chart version the live HelmRelease runs (its newest status.history entry), instead of --from-path.")
    var fromCluster = false

    @Option(help: ArgumentHelp("The repository's work tree.", valueName: "dir"))
    var repoDir: String = "."

    @Flag(help: "Print the change as a unified diff and write nothing.")
    var dryRun = false

    @Flag(help: "With --url: push the commit to --branch instead of opening a pull request.")
    var push = false

    @Option(help: ArgumentHelp("The fleet repository to clone (https://host/owner/name.git).", valueName: "url"))
    var url: String?

    @Option(help: "Git branch to promote on (the pull request's base).")
    var branch: String = "main"

    @Option(help: ArgumentHelp("Branch the pull request comes from (default NAME-promotion).", valueName: "branch"))
    var prBranch: String?

    @Option(help: ArgumentHelp("Hosting service of the pull request: github, gitlab, gitea or bitbucket-server.", valueName: "provider"))
    var provider: String = "github"

    @Option(help: ArgumentHelp("Where the service's API is, when not at --url's host (a host, or a URL for GitLab, Gitea and Bitbucket).", valueName: "host[:port]"))
    var hostname: String?

    @Option(name: [.short, .long], help: ArgumentHelp("HTTPS user name for --push (the password comes from $GIT_PASSWORD).", valueName: "name"))
    var username: String = "git"

    @Option(help: ArgumentHelp("Path to a TLS CA file for --push over HTTPS.", valueName: "file"))
    var caFile: String?

    @Option(help: "Author name of the --push commit.")
    var authorName: String = "Flux"

    @Option(help: "Author email of the --push commit.")
    var authorEmail: String = ""

    func validate() throws {
      if push && dryRun { throw ValidationError("--push and --dry-run cannot be used together: pick one") }
      if push && url == nil { throw ValidationError("--push needs --url: the fleet repository to clone") }
      if PullRequestService(rawValue: provider) == nil {
        let known = PullRequestService.allCases.map(\.rawValue).joined(separator: ", ")
        throw ValidationError("--provider \(provider) is not supported: use one of \(known)")
      }
    }

    func execute(context: CommandContext) async throws {
      let source: HelmReleasePromotion.VersionSource
      switch (fromPath, version, fromCluster) {
      case (let path?, nil, false): source = .path(try RepositoryPath(path))
      case (nil, let version?, false): source = .exact(version)
      case (nil, nil, true):
        let namespace = try context.namespace(global)
        let released = try await ReleasedChartVersion.fetch(
          from: try context.cluster(global), namespace: namespace, name: name)
        context.console.action("HelmRelease \(namespace)/\(name) runs chart version \(released)")
        source = .exact(released)
      default: throw ValidationError("pass exactly one of --from-path, --from-cluster and --version")
      }
      // -n also narrows the files: without it a HelmRelease of any namespace (or none) matches.
      let request = HelmReleasePromotion.Request(
        name: name, namespace: global.namespace, root: repoDir, toPath: try RepositoryPath(toPath), source: source)
      let console = context.console
      if dryRun, let url {
        let directory = CommandFiles.temporaryDirectory(prefix: "tack-promote-", environment: context.environment)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // The service's token also reads a private repository over HTTPS, as in the real run.
        let token = PullRequestService(rawValue: provider).flatMap { context.environment[$0.tokenVariable] }
        let plan = try await pusher(url: url, context: context, token: token).preview(request, cloneDirectory: directory)
        guard plan.changed else {
          console.success("\(name) is already at \(plan.version) in \(plan.file) on \"\(branch)\"")
          return
        }
        console.write(plan.diff)
        console.action("dry run: nothing committed or pushed to \(RepositoryURL.redacted(url))")
        return
      }
      if !push, let url {
        try await openPullRequest(url: url, request: request, context: context)
        return
      }
      if push, let url {
        let directory = CommandFiles.temporaryDirectory(prefix: "tack-promote-", environment: context.environment)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let pusher = try pusher(url: url, context: context, token: nil)
        let (plan, commit) = try await pusher.run(request, cloneDirectory: directory)
        guard let commit else {
          console.success("\(name) is already at \(plan.version) in \(plan.file)")
          return
        }
        console.success("promoted \(name) from \(plan.current) to \(plan.version) in \(plan.file)")
        console.success("committed and pushed to \"\(branch)\" (\"\(commit)\")")
        return
      }
      let plan = try HelmReleasePromotion.plan(request)
      guard plan.changed else {
        console.success("\(name) is already at \(plan.version) in \(plan.file)")
        return
      }
      if dryRun {
        console.write(plan.diff)
        console.action("dry run: \(plan.file) not written")
        return
      }
      try HelmReleasePromotion.apply(plan, root: repoDir)
      console.success("promoted \(name) from \(plan.current) to \(plan.version) in \(plan.file)")
    }
  
    func pusher(url: String, context: CommandContext, token: String?) throws -> GitPromotionPush {
      GitPromotionPush(
        url: url, branch: branch, username: username, password: context.environment["GIT_PASSWORD"] ?? token,
        caCertificate: try caFile.map { try CommandFiles.read($0, flag: "--ca-file") },
        environment: context.environment, author: CommitAuthor(name: authorName, email: authorEmail))
    }

    /// The default with --url: a branch, a commit, a pull request.
    func openPullRequest(url: String, request: HelmReleasePromotion.Request, context: CommandContext) async throws {
      let service = PullRequestService(rawValue: provider) ?? .github
      guard let token = context.environment[service.tokenVariable], !token.isEmpty else {
        throw BootstrapError(
          .needsAnswer, "opening a pull request needs a \(service.name) token: set \(service.tokenVariable) (or pass --push)")
      }
      let location = try service.locate(url: url, hostname: hostname)
      let caCertificate = try caFile.map { try CommandFiles.read($0, flag: "--ca-file") }
      let target = GitPromotionPush.PullRequestTarget(
        provider: LiveGitHosting.pullRequests(
          service, hostname: location.hostname, token: token, username: username, caCertificate: caCertificate,
          userAgent: "tack/\(TackVersion.current)",
          log: global.verbose ? RequestLog(level: 1) { [console = context.console] line in console.note(line) } : nil),
        repository: location.repository, branch: prBranch ?? "\(name)-promotion")
      let directory = CommandFiles.temporaryDirectory(prefix: "tack-promote-", environment: context.environment)
      defer { try? FileManager.default.removeItem(atPath: directory) }
      let (plan, commit, pullRequest) = try await pusher(url: url, context: context, token: token)
        .openPullRequest(request, target: target, cloneDirectory: directory)
      let console = context.console
      guard commit != nil, let pullRequest else {
        console.success("\(name) is already at \(plan.version) in \(plan.file) on \"\(branch)\"")
        return
      }
      console.success("promoted \(name) from \(plan.current) to \(plan.version) in \(plan.file)")
      console.success("pushed \"\(target.branch)\"")
      console.success("pull request \(pullRequest.reference) \(pullRequest.created ? "opened" : "updated"): \(pullRequest.url)")
    }
  }
}
