import ArgumentParser
import TackBase
import TackCore

/// `tack create image`.
struct CreateImage: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "image",
    abstract: "Create or update image automation objects.",
    subcommands: [CreateImageRepository.self, CreateImagePolicy.self, CreateImageUpdate.self])
}

/// `tack create image repository NAME`.
struct CreateImageRepository: TackCommand {
  static let configuration = CommandConfiguration(
    commandName: "repository",
    abstract: "Create or update an ImageRepository.",
    discussion: """
      Examples:
        tack create image repository podinfo --image=ghcr.io/stefanprodan/podinfo --interval=5m
      """)

  @Argument(help: "Name of the ImageRepository.") var name: String
  @Option(help: "The image repository to scan, e.g. library/alpine.") var image = ""
  @Option(help: "Name of a docker-registry Secret with credentials.") var secretRef = ""
  @Option(help: "Name of a Secret with TLS certificates.") var certRef = ""
  @Option(help: ArgumentHelp("Timeout for scanning (default: the interval).", valueName: "duration")) var scanTimeout: String?
  @OptionGroup var common: CreateCommonOptions
  @OptionGroup var waitOption: CreateWaitOption
  @OptionGroup(title: "Global Options") var global: GlobalOptions

  func execute(context: CommandContext) async throws {
    var options = ImageRepositoryOptions()
    options.image = image
    options.secretRef = secretRef
    options.certRef = certRef
    options.scanTimeout = try scanTimeout.map { try CreateInputs.duration($0, flag: "--scan-timeout") }
    try await CreateRun.run(name: name, common: common, wait: waitOption.wait, global: global, context: context) {
      try options.draft($0)
    }
  }
}

/// `tack create image policy NAME`.
struct CreateImagePolicy: TackCommand {
  static let configuration = CommandConfiguration(
    commandName: "policy",
    abstract: "Create or update an ImagePolicy.",
    discussion: """
      --interval applies only with --reflect-digest=Always (the policy's digest check interval).

      Examples:
        tack create image policy podinfo --image-ref=podinfo --select-semver=">=1.0.0"
        tack create image policy podinfo --image-ref=podinfo --select-numeric=asc \\
          --filter-regex='^main-[a-f0-9]+-(?P<ts>[0-9]+)' --filter-extract='$ts'
      """)

  @Argument(help: "Name of the ImagePolicy.") var name: String
  @Option(help: "Name of the ImageRepository in the namespace.") var imageRef = ""
  @Option(help: "A semver range to apply to tags, e.g. '1.x'.") var selectSemver = ""
  @Option(help: ArgumentHelp("Alphabetical order: asc selects the last, desc the first.", valueName: "asc|desc")) var selectAlpha = ""
  @Option(help: ArgumentHelp("Numerical order: asc selects the last, desc the first.", valueName: "asc|desc")) var selectNumeric = ""
  @Option(help: "Regular expression filtering the tags.") var filterRegex = ""
  @Option(help: "Replacement pattern (capture groups of --filter-regex) used for sorting.") var filterExtract = ""
  @Option(help: ArgumentHelp("Digest reflection policy.", valueName: "Never|IfNotPresent|Always")) var reflectDigest = ""
  @OptionGroup var common: CreateCommonOptions
  @OptionGroup var waitOption: CreateWaitOption
  @OptionGroup(title: "Global Options") var global: GlobalOptions

  func execute(context: CommandContext) async throws {
    var options = ImagePolicyOptions()
    options.imageRef = imageRef
    options.semver = selectSemver
    options.alpha = selectAlpha
    options.numeric = selectNumeric
    options.filterRegex = filterRegex
    options.filterExtract = filterExtract
    options.reflectDigest = reflectDigest
    options.interval = try common.interval.map { try CreateInputs.duration($0, flag: "--interval") }
    try await CreateRun.run(name: name, common: common, wait: waitOption.wait, global: global, context: context) {
      try options.draft($0)
    }
  }
}

/// `tack create image update NAME`.
struct CreateImageUpdate: TackCommand {
  static let configuration = CommandConfiguration(
    commandName: "update",
    abstract: "Create or update an ImageUpdateAutomation.",
    discussion: """
      Examples:
        tack create image update flux-system --git-repo-ref=flux-system --git-repo-path="./clusters/my-cluster" \\
          --checkout-branch=main --author-name=flux --author-email=flux@example.com
      """)

  @Argument(help: "Name of the ImageUpdateAutomation.") var name: String
  @Option(help: "Name of the GitRepository to update.") var gitRepoRef = ""
  @Option(help: "Namespace of the GitRepository (default: the automation's).") var gitRepoNamespace = ""
  @Option(help: "Path to the manifests to update (default: the repository root).") var gitRepoPath = ""
  @Option(help: "The branch to check out.") var checkoutBranch = ""
  @Option(help: "The branch to push to (default: the checkout branch).") var pushBranch = ""
  @Option(help: "A template for commit messages.") var commitTemplate = ""
  @Option(help: "The commit author's name.") var authorName = ""
  @Option(help: "The commit author's email.") var authorEmail = ""
  @Option(help: "Name of the Secret holding the commit signing key.") var signingKeySecret = ""
  @Option(help: ArgumentHelp("Signing key format (default gpg with --signing-key-secret).", valueName: "gpg|ssh")) var signingKeyType = ""
  @OptionGroup var common: CreateCommonOptions
  @OptionGroup var waitOption: CreateWaitOption
  @OptionGroup(title: "Global Options") var global: GlobalOptions

  func execute(context: CommandContext) async throws {
    var options = ImageUpdateOptions()
    options.gitRepoRef = gitRepoRef
    options.gitRepoNamespace = gitRepoNamespace
    options.gitRepoPath = gitRepoPath
    options.checkoutBranch = checkoutBranch
    options.pushBranch = pushBranch
    options.commitTemplate = commitTemplate
    options.authorName = authorName
    options.authorEmail = authorEmail
    options.signingKeySecret = signingKeySecret
    options.signingKeyType = signingKeyType
    try await CreateRun.run(name: name, common: common, wait: waitOption.wait, global: global, context: context) {
      try options.draft($0)
    }
  }
}
