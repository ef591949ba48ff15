import ArgumentParser
import TackBase
import TackCore
import TackJSON

/// `tack create kustomization|ks NAME`.
struct CreateKustomization: TackCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "kustomization",
      abstract: "Create or update a Kustomization.",
      discussion: """
        --wait sets spec.wait (kustomize-controller health-checks everything it applied), as in \
        flux; tack's own wait for the Kustomization to be Ready is --wait-ready, on by default \
        (--no-wait-ready or --wait-ready=false to return after applying).

        Examples:
          tack create kustomization kyverno --source=GitRepository/kyverno.flux-system --path="./config/release" \\
            --prune=true --interval=60m --wait=true --health-check-timeout=3m
          tack create ks podinfo --source=OCIRepository/podinfo --path="./kustomize" --target-namespace=default --export
        """,
      aliases: ["ks"])
  }

  @Argument(help: "Name of the Kustomization.") var name: String
  @Option(help: ArgumentHelp("The source: [<kind>/]<name>[.<namespace>], kind OCIRepository, GitRepository (the default) or Bucket.", valueName: "source"))
  var source = ""
  @Option(help: "Path to the directory containing a kustomization.yaml file, relative to the source root.") var path = "./"
  @Flag(help: "Enable garbage collection (--prune=true also accepted).") var prune = false
  @Flag(inversion: .prefixedNo, help: "Set spec.wait: health-check all the applied resources.") var wait = false
  @Option(parsing: .singleValue, help: ArgumentHelp("Workload to include in the health assessment, as <kind>/<name>.<namespace>.", valueName: "check"))
  var healthCheck: [String] = []
  @Option(help: ArgumentHelp("Timeout of health checking operations.", valueName: "duration")) var healthCheckTimeout = "2m0s"
  @Option(parsing: .singleValue, help: ArgumentHelp("Kustomizations that must be ready first: <name> or <namespace>/<name>.", valueName: "ref"))
  var dependsOn: [String] = []
  @Option(help: "Service account to impersonate when reconciling.") var serviceAccount = ""
  @Option(help: ArgumentHelp("Decryption provider.", valueName: "sops")) var decryptionProvider: String?
  @Option(help: "Name of the Secret holding the decryption keys.") var decryptionSecret = ""
  @Option(help: "Namespace to set on every object the Kustomization applies.") var targetNamespace = ""
  @Option(help: "Name of a Secret with a kubeconfig for a remote cluster.") var kubeconfigSecretRef = ""
  @Option(help: ArgumentHelp("Interval at which to retry a failed reconciliation.", valueName: "duration")) var retryInterval: String?
  @Option(help: ArgumentHelp("Deprecated and ignored, as in flux: everything is validated by a server-side dry run.", visibility: .hidden))
  var validation: String?
  @OptionGroup var common: CreateCommonOptions
  @Flag(inversion: .prefixedNo, help: "Wait for the Kustomization to be Ready.") var waitReady = true
  @OptionGroup(title: "Global Options") var global: GlobalOptions

  func execute(context: CommandContext) async throws {
    var options = KustomizationOptions()
    options.source = source
    options.path = path
    options.prune = prune
    options.wait = wait
    options.healthChecks = healthCheck
    options.healthCheckTimeout = try CreateInputs.duration(healthCheckTimeout, flag: "--health-check-timeout")
    options.dependsOn = dependsOn
    options.serviceAccount = serviceAccount
    options.decryptionProvider = decryptionProvider
    options.decryptionSecret = decryptionSecret
    options.targetNamespace = targetNamespace
    options.kubeConfigSecretRef = kubeconfigSecretRef
    options.retryInterval = try retryInterval.map { try CreateInputs.duration($0, flag: "--retry-interval") }
    try await CreateRun.run(name: name, common: common, wait: waitReady, global: global, context: context) {
      try options.draft($0)
    }
  }
}

/// `tack create helmrelease|hr NAME`.
struct CreateHelmRelease: TackCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "helmrelease",
      abstract: "Create or update a HelmRelease.",
      discussion: """
        The chart comes from --chart with --source (helm-controller makes a HelmChart for it), or \
        from --chart-ref (an OCIRepository or a HelmChart). --values files are merged in order, \
        later files winning.

        Examples:
          tack create hr podinfo --interval=10m --source=HelmRepository/podinfo --chart=podinfo --chart-version=">4.0.0"
          tack create hr podinfo --chart-ref=OCIRepository/podinfo.flux-system --values=./values.yaml --export
        """,
      aliases: ["hr"])
  }

  @Argument(help: "Name of the HelmRelease.") var name: String
  @Option(help: "Helm release name, default [<target-namespace>-]<name>.") var releaseName = ""
  @Option(help: ArgumentHelp("The chart's source: <kind>/<name>[.<namespace>], kind HelmRepository, GitRepository or Bucket.", valueName: "source"))
  var source = ""
  @Option(help: "Helm chart name or path.") var chart = ""
  @Option(help: ArgumentHelp("The chart object: <kind>/<name>[.<namespace>], kind OCIRepository or HelmChart.", valueName: "ref"))
  var chartRef = ""
  @Option(help: "Helm chart version, a semver range (ignored for charts from GitRepository sources).") var chartVersion = ""
  @Option(help: ArgumentHelp("How often to check for new chart versions.", valueName: "duration")) var chartInterval: String?
  @Option(help: ArgumentHelp("The reconcile strategy of the generated HelmChart.", valueName: "ChartVersion|Revision"))
  var reconcileStrategy = "ChartVersion"
  @Option(parsing: .singleValue, help: ArgumentHelp("HelmReleases that must be ready first: <name> or <namespace>/<name>.", valueName: "ref"))
  var dependsOn: [String] = []
  @Option(help: "Namespace to install the release in (default: the HelmRelease's).") var targetNamespace = ""
  @Option(help: "Namespace to store the release in (default: the target namespace).") var storageNamespace = ""
  @Flag(help: "Create the target namespace if it does not exist.") var createTargetNamespace = false
  @Option(help: "Service account to impersonate when reconciling.") var serviceAccount = ""
  @Option(parsing: .singleValue, help: ArgumentHelp("Local values.yaml files (repeat or comma-separate).", valueName: "file"))
  var values: [String] = []
  @Option(parsing: .singleValue, help: ArgumentHelp("Objects holding values.yaml: Secret/<name> or ConfigMap/<name>.", valueName: "ref"))
  var valuesFrom: [String] = []
  @Option(help: ArgumentHelp("CRDs policy on upgrade.", valueName: "Skip|Create|CreateReplace")) var crds: String?
  @Option(help: "Name of a Secret with a kubeconfig for a remote cluster.") var kubeconfigSecretRef = ""
  @OptionGroup var common: CreateCommonOptions
  @OptionGroup var waitOption: CreateWaitOption
  @OptionGroup(title: "Global Options") var global: GlobalOptions

  func execute(context: CommandContext) async throws {
    var options = HelmReleaseOptions()
    options.releaseName = releaseName
    options.source = source
    options.chart = chart
    options.chartRef = chartRef
    options.chartVersion = chartVersion
    options.chartInterval = try chartInterval.map { try CreateInputs.duration($0, flag: "--chart-interval") }
    options.reconcileStrategy = reconcileStrategy
    options.dependsOn = dependsOn
    options.targetNamespace = targetNamespace
    options.storageNamespace = storageNamespace
    options.createTargetNamespace = createTargetNamespace
    options.serviceAccount = serviceAccount
    options.valuesFrom = valuesFrom
    options.crds = crds
    options.kubeConfigSecretRef = kubeconfigSecretRef
    for file in CreateInputs.splitList(values) {
      let text = try CommandFiles.read(file, flag: "--values")
      do {
        options.values.append(try JSON.parseYAML(text))
      } catch {
        throw CreateError("--values: reading values from \(file) failed: \(error)")
      }
    }
    try await CreateRun.run(name: name, common: common, wait: waitOption.wait, global: global, context: context) {
      try options.draft($0)
    }
  }
}
