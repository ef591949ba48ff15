import ArgumentParser
import TackBase
import TackCore
import TackOutput

/// `tack create source git NAME`.
struct CreateSourceGit: TackCommand {
  static let configuration = CommandConfiguration(
    commandName: "git",
    abstract: "Create or update a GitRepository source.",
    discussion: """
      The Git reference is, in order of precedence: --commit (with --branch), --ref-name, \
      --tag-semver, --tag, --branch. Credentials go in a Secret named by --secret-ref (see `tack \
      create secret git`).

      Examples:
        tack create source git podinfo --url=https://github.com/stefanprodan/podinfo --branch=master --interval=1m
        tack create source git podinfo --url=https://github.com/stefanprodan/podinfo --tag-semver=">=3.2.0 <3.3.0" --export
        tack create source git podinfo --url=ssh://git@github.com/org/podinfo --branch=main --secret-ref=podinfo-auth
      """)

  @Argument(help: "Name of the GitRepository.") var name: String
  @Option(help: ArgumentHelp("Git address, e.g. ssh://git@host/org/repository.", valueName: "url")) var url = ""
  @Option(help: "Git branch.") var branch = ""
  @Option(help: "Git tag.") var tag = ""
  @Option(help: "Git tag semver range.") var tagSemver = ""
  @Option(help: "Git reference name (refs/heads/main, refs/pull/1/head).") var refName = ""
  @Option(help: "Git commit SHA.") var commit = ""
  @Option(help: "Name of an existing Secret with SSH, basic auth or GitHub App credentials.") var secretRef = ""
  @Option(help: "Name of an existing Secret with the proxy address and credentials.") var proxySecretRef = ""
  @Option(help: ArgumentHelp("Git provider for authentication.", valueName: "generic|github|aws|azure")) var provider: String?
  @Option(name: [.short, .long], help: "Basic authentication username (without --secret-ref: stored in a Secret named like the source).")
  var username = ""
  @Option(name: [.short, .long], help: "Basic authentication password, or the private key's passphrase.") var password = ""
  @OptionGroup var sshKeyType: SSHKeyTypeOptions
  @Option(help: ArgumentHelp("Path to a private key file for Git over SSH (default: a new key pair).", valueName: "file"))
  var privateKeyFile: String?
  @Flag(name: [.short, .long], help: "Assume the deploy key is already set up; do not ask (required off a terminal for SSH).")
  var silent = false
  @Option(help: ArgumentHelp("Path to a TLS CA file (HTTPS only; used when tack writes the credentials secret).", valueName: "file"))
  var caFile: String?
  @Flag(help: "Fetch Git submodules as well.") var recurseSubmodules = false
  @Option(parsing: .singleValue, help: ArgumentHelp("Paths to ignore (repeat or comma-separate).", valueName: "path"))
  var ignorePaths: [String] = []
  @Option(parsing: .singleValue, help: ArgumentHelp("Paths to sparse checkout (repeat or comma-separate).", valueName: "path"))
  var sparseCheckoutPaths: [String] = []
  @OptionGroup var sourceOptions: CreateSourceOptions
  @OptionGroup var common: CreateCommonOptions
  @OptionGroup var waitOption: CreateWaitOption
  @OptionGroup(title: "Global Options") var global: GlobalOptions

  func execute(context: CommandContext) async throws {
    var options = GitRepositoryOptions()
    options.url = url
    options.branch = branch
    options.tag = tag
    options.semver = tagSemver
    options.refName = refName
    options.commit = commit
    options.secretRef = secretRef
    options.proxySecretRef = proxySecretRef
    options.provider = provider
    options.hasCAFile = caFile != nil
    options.recurseSubmodules = recurseSubmodules
    options.ignorePaths = ignorePaths
    options.sparseCheckoutPaths = sparseCheckoutPaths
    options.fetchTimeout = try sourceOptions.timeout()
    let credentials = try credentialsStep(&options, context: context)
    try await CreateRun.run(
      name: name, common: common, wait: waitOption.wait, global: global, context: context, beforeApply: credentials
    ) { try options.draft($0) }
  }

  /// Without --secret-ref, flux writes the credentials Secret itself (named like the source) and
  /// points the source at it: a key pair and the host's key for SSH, -u/-p (and the CA) for HTTP(S).
  /// Everything that can be refused is refused here, before anything is sent.
  func credentialsStep(_ options: inout GitRepositoryOptions, context: CommandContext) throws
    -> (@Sendable (FluxObjectDraft, any Cluster, any ProgressReporter) async throws -> Void)?
  {
    guard !common.export, secretRef.isEmpty, !url.isEmpty else { return nil }
    let scheme = try options.scheme()
    guard ["ssh", "http", "https"].contains(scheme) else { return nil }
    guard scheme == "ssh" || !username.isEmpty || !password.isEmpty || caFile != nil else { return nil }
    let request = GitSecretRequest(
      name: name, namespace: "", url: try RepositoryURL.parse(url), username: username, password: password,
      caCertificate: try caFile.map { try CommandFiles.read($0, flag: "--ca-file") },
      privateKey: try privateKeyFile.map { try CommandFiles.read($0, flag: "--private-key-file") },
      algorithm: try sshKeyType.algorithm())
    do {
      try request.validate()
    } catch {
      throw CreateError(error.message)
    }
    let prompt = silent ? nil : TerminalPrompt.ifInteractive(context.console)
    if scheme == "ssh" && !silent && prompt == nil {
      throw CreateError(
        "cannot ask whether the deploy key was added: stdin is not a terminal; add it first and pass --silent, or use --secret-ref")
    }
    options.secretRef = name
    let environment = context.environment
    let silent = silent
    return { draft, cluster, progress in
      var request = request
      request.namespace = draft.namespace
      if scheme == "http" { progress.warning("insecure configuration: credentials configured for an HTTP URL") }
      let secret = try await request.build(ssh: LiveSSHTooling(environment: environment))
      if case .ssh(_, let publicKey, let knownHosts, _) = secret.credentials {
        progress.success("collected public key from SSH server:\n\(knownHosts.trimming("\n"))")
        progress.generate("deploy key: \(publicKey.trimming("\n"))")
        if !silent, let prompt, !(await prompt.confirm("Have you added the deploy key to your repository")) {
          throw CreateApplyError("aborting")
        }
      }
      progress.action("applying secret with repository credentials")
      try await SourceSecretWriter.upsert(secret, in: cluster)
      progress.success("authentication configured")
    }
  }
}

/// `tack create source helm NAME`.
struct CreateSourceHelm: TackCommand {
  static let configuration = CommandConfiguration(
    commandName: "helm",
    abstract: "Create or update a HelmRepository source.",
    discussion: """
      An oci:// URL makes an OCI Helm repository (type: oci), which no controller reconciles: it is \
      ready as soon as it is stored.

      Examples:
        tack create source helm podinfo --url=https://stefanprodan.github.io/podinfo --interval=10m
        tack create source helm podinfo --url=oci://ghcr.io/stefanprodan/charts/podinfo --secret-ref=creds --export
      """)

  @Argument(help: "Name of the HelmRepository.") var name: String
  @Option(help: ArgumentHelp("Helm repository address (http, https or oci).", valueName: "url")) var url = ""
  @Option(help: "Name of an existing Secret with TLS, basic auth or docker-config credentials.") var secretRef = ""
  @Option(help: ArgumentHelp("OCI provider for authentication.", valueName: "generic|aws|azure|gcp")) var ociProvider = ""
  @Flag(help: "Pass the credentials to every domain.") var passCredentials = false
  @Option(name: [.short, .long], help: "Basic authentication username (without --secret-ref: stored in Secret helm-<name>).")
  var username = ""
  @Option(name: [.short, .long], help: "Basic authentication password.") var password = ""
  @Option(help: ArgumentHelp("TLS CA file (stored in Secret helm-<name>).", valueName: "file")) var caFile: String?
  @OptionGroup var sourceOptions: CreateSourceOptions
  @OptionGroup var common: CreateCommonOptions
  @OptionGroup var waitOption: CreateWaitOption
  @OptionGroup(title: "Global Options") var global: GlobalOptions

  func execute(context: CommandContext) async throws {
    var options = HelmRepositoryOptions()
    options.url = url
    options.secretRef = secretRef
    options.ociProvider = ociProvider
    options.passCredentials = passCredentials
    options.fetchTimeout = try sourceOptions.timeout()
    var credentials: SecretDraft?
    if !common.export && secretRef.isEmpty {
      credentials = try SourceCredentials.helm(
        CreateTarget(name: name, namespace: ""), username: username, password: password,
        ca: try caFile.map { try CommandFiles.read($0, flag: "--ca-file") })
      if credentials != nil { options.secretRef = "helm-\(name)" }
    }
    let secret = credentials
    try await CreateRun.run(
      name: name, common: common, wait: waitOption.wait, global: global, context: context,
      beforeApply: CreateRun.secretStep(secret, "applying secret with repository credentials", configured: true)
    ) { try options.draft($0) }
  }
}

/// `tack create source oci NAME`.
struct CreateSourceOCI: TackCommand {
  static let configuration = CommandConfiguration(
    commandName: "oci",
    abstract: "Create or update an OCIRepository source.",
    discussion: """
      Examples:
        tack create source oci podinfo --url=oci://ghcr.io/stefanprodan/manifests/podinfo --tag=6.6.2 --interval=10m
        tack create source oci podinfo --url=oci://ghcr.io/stefanprodan/manifests/podinfo --tag-semver=">=6.0.0" \\
          --verify-provider=cosign --verify-issuer="^https://token.actions.githubusercontent.com$" --export
      """)

  @Argument(help: "Name of the OCIRepository.") var name: String
  @Option(help: ArgumentHelp("The OCI repository URL.", valueName: "url")) var url = ""
  @Option(help: "The OCI artifact tag.") var tag = ""
  @Option(help: "The OCI artifact tag semver range.") var tagSemver = ""
  @Option(help: "The OCI artifact digest.") var digest = ""
  @Option(help: "Name of the image pull Secret (type kubernetes.io/dockerconfigjson).") var secretRef = ""
  @Option(help: "Name of an existing Secret with the proxy address and credentials.") var proxySecretRef = ""
  @Option(help: "Name of the service account whose image pull secrets are used.") var serviceAccount = ""
  @Option(help: "Name of a Secret with TLS certificates.") var certRef = ""
  @Option(help: ArgumentHelp("OCI provider for authentication.", valueName: "generic|aws|azure|gcp")) var provider = "generic"
  @Option(help: ArgumentHelp("Signature verification provider.", valueName: "cosign")) var verifyProvider: String?
  @Option(help: "Name of a Secret with the verification public keys.") var verifySecretRef = ""
  @Option(help: "Regular expression for the OIDC issuer during signature verification.") var verifyIssuer = ""
  @Option(help: "Regular expression for the OIDC subject during signature verification.") var verifySubject = ""
  @Option(parsing: .singleValue, help: ArgumentHelp("Paths to ignore (repeat or comma-separate).", valueName: "path"))
  var ignorePaths: [String] = []
  @Flag(help: "Connect to a non-TLS registry over plain HTTP.") var insecure = false
  @Option(help: ArgumentHelp("The layer to use, as <media-type>:<extract|copy>.", valueName: "selector")) var layerSelector = ""
  @OptionGroup var sourceOptions: CreateSourceOptions
  @OptionGroup var common: CreateCommonOptions
  @OptionGroup var waitOption: CreateWaitOption
  @OptionGroup(title: "Global Options") var global: GlobalOptions

  func execute(context: CommandContext) async throws {
    var options = OCIRepositoryOptions()
    options.url = url
    options.tag = tag
    options.semver = tagSemver
    options.digest = digest
    options.secretRef = secretRef
    options.proxySecretRef = proxySecretRef
    options.serviceAccount = serviceAccount
    options.certRef = certRef
    options.provider = provider
    options.verifyProvider = verifyProvider
    options.verifySecretRef = verifySecretRef
    options.verifyIssuer = verifyIssuer
    options.verifySubject = verifySubject
    options.ignorePaths = ignorePaths
    options.insecure = insecure
    options.layerSelector = layerSelector
    options.fetchTimeout = try sourceOptions.timeout()
    try await CreateRun.run(name: name, common: common, wait: waitOption.wait, global: global, context: context) {
      try options.draft($0)
    }
  }
}

/// `tack create source bucket NAME`.
struct CreateSourceBucket: TackCommand {
  static let configuration = CommandConfiguration(
    commandName: "bucket",
    abstract: "Create or update a Bucket source.",
    discussion: """
      Examples:
        tack create source bucket podinfo --bucket-name=podinfo --endpoint=minio.minio.svc.cluster.local:9000 \\
          --insecure=true --secret-ref=minio-credentials --interval=10m
        tack create source bucket podinfo --bucket-name=podinfo --endpoint=s3.amazonaws.com --provider=aws --region=us-east-1
      """)

  @Argument(help: "Name of the Bucket.") var name: String
  @Option(help: "The bucket name.") var bucketName = ""
  @Option(help: "The bucket endpoint address.") var endpoint = ""
  @Option(help: ArgumentHelp("The bucket provider.", valueName: "generic|aws|azure|gcp")) var provider = "generic"
  @Option(help: "The bucket region.") var region = ""
  @Option(help: "The bucket access key (without --secret-ref: stored in Secret bucket-<name>).") var accessKey = ""
  @Option(help: "The bucket secret key.") var secretKey = ""
  @Flag(help: "Connect to a non-TLS S3 HTTP endpoint.") var insecure = false
  @Option(help: "Name of an existing Secret with the credentials.") var secretRef = ""
  @Option(help: "Name of an existing Secret with the proxy address and credentials.") var proxySecretRef = ""
  @Option(parsing: .singleValue, help: ArgumentHelp("Paths to ignore (repeat or comma-separate).", valueName: "path"))
  var ignorePaths: [String] = []
  @OptionGroup var sourceOptions: CreateSourceOptions
  @OptionGroup var common: CreateCommonOptions
  @OptionGroup var waitOption: CreateWaitOption
  @OptionGroup(title: "Global Options") var global: GlobalOptions

  func execute(context: CommandContext) async throws {
    var options = BucketOptions()
    options.bucketName = bucketName
    options.endpoint = endpoint
    options.provider = provider
    options.region = region
    options.insecure = insecure
    options.secretRef = secretRef
    options.proxySecretRef = proxySecretRef
    options.ignorePaths = ignorePaths
    options.fetchTimeout = try sourceOptions.timeout()
    var credentials: SecretDraft?
    if !common.export && secretRef.isEmpty {
      credentials = SourceCredentials.bucket(
        CreateTarget(name: name, namespace: "", labels: try CreateInputs.labels(common.labels)), accessKey: accessKey,
        secretKey: secretKey)
      if credentials != nil { options.secretRef = "bucket-\(name)" }
    }
    let secret = credentials
    try await CreateRun.run(
      name: name, common: common, wait: waitOption.wait, global: global, context: context,
      beforeApply: CreateRun.secretStep(secret, "applying secret with the bucket credentials", configured: false)
    ) { try options.draft($0) }
  }
}

/// `tack create source chart NAME`.
struct CreateSourceChart: TackCommand {
  static let configuration = CommandConfiguration(
    commandName: "chart",
    abstract: "Create or update a HelmChart source.",
    discussion: """
      Examples:
        tack create source chart podinfo --source=HelmRepository/podinfo --chart=podinfo --chart-version=">=6.0.0"
        tack create source chart podinfo --source=GitRepository/podinfo --chart=./charts/podinfo --export
      """)

  @Argument(help: "Name of the HelmChart.") var name: String
  @Option(help: "Helm chart name or path.") var chart = ""
  @Option(help: "Helm chart version, a semver range (ignored for charts from GitRepository sources).") var chartVersion = ""
  @Option(help: ArgumentHelp("The chart's source.", valueName: "HelmRepository|GitRepository|Bucket/name")) var source = ""
  @Option(help: ArgumentHelp("When a new artifact is produced.", valueName: "ChartVersion|Revision")) var reconcileStrategy = "ChartVersion"
  @Option(help: ArgumentHelp("Signature verification provider.", valueName: "cosign")) var verifyProvider: String?
  @Option(help: "Name of a Secret with the verification public keys.") var verifySecretRef = ""
  @Option(help: "Regular expression for the OIDC issuer during signature verification.") var verifyIssuer = ""
  @Option(help: "Regular expression for the OIDC subject during signature verification.") var verifySubject = ""
  @OptionGroup var sourceOptions: CreateSourceOptions
  @OptionGroup var common: CreateCommonOptions
  @OptionGroup var waitOption: CreateWaitOption
  @OptionGroup(title: "Global Options") var global: GlobalOptions

  func execute(context: CommandContext) async throws {
    var options = HelmChartOptions()
    options.chart = chart
    options.chartVersion = chartVersion
    options.source = source
    options.reconcileStrategy = reconcileStrategy
    options.verifyProvider = verifyProvider
    options.verifySecretRef = verifySecretRef
    options.verifyIssuer = verifyIssuer
    options.verifySubject = verifySubject
    try await CreateRun.run(name: name, common: common, wait: waitOption.wait, global: global, context: context) {
      try options.draft($0)
    }
  }
}
