import ArgumentParser
import TackBase
import TackCore
import TackOutput

extension Tack.Promote {
  /// `tack promote helmrelease NAME --to-path DIR (--from-path DIR | --version V) [--dry-run]`.
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
        diff on stdout and writes nothing. Committing, pushing and opening the pull request are \
        left to git and the hosting service for now.

        Examples:
          tack promote helmrelease podinfo --from-path clusters/staging --to-path clusters/production
          tack promote helmrelease podinfo --version 6.7.1 --to-path clusters/production --dry-run
        """,
      aliases: ["hr"])

    @Argument(help: "The HelmRelease's name.")
    var name: String

    @Option(name: [.short, .long], help: ArgumentHelp("Only a HelmRelease in this namespace (or with none) matches.", valueName: "namespace"))
    var namespace: String?

    @Option(help: ArgumentHelp("Folder of the repository holding the HelmRelease to change (e.g. clusters/production).", valueName: "path"))
    var toPath: String

    @Option(help: ArgumentHelp("Folder whose HelmRelease pins the version to promote (e.g. clusters/staging).", valueName: "path"))
    var fromPath: String?

    @Option(help: ArgumentHelp("The chart version to promote, instead of --from-path.", valueName: "version"))
    var version: String?

    @Option(help: ArgumentHelp("The repository's work tree.", valueName: "dir"))
    var repoDir: String = "."

    @Flag(help: "Print the change as a unified diff and write nothing.")
    var dryRun = false

    func execute(context: CommandContext) async throws {
      let source: HelmReleasePromotion.VersionSource
      switch (fromPath, version) {
      case (let path?, nil): source = .path(try RepositoryPath(path))
      case (nil, let version?): source = .exact(version)
      default: throw ValidationError("pass exactly one of --from-path and --version")
      }
      let request = HelmReleasePromotion.Request(
        name: name, namespace: namespace, root: repoDir, toPath: try RepositoryPath(toPath), source: source)
      let plan = try HelmReleasePromotion.plan(request)
      let console = context.console
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
  }
}
