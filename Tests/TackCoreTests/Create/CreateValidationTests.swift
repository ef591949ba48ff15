import TackBase
import TackCore
import Testing

/// Every flag rule `create` applies before anything is sent: flux's messages, naming the flag,
/// exit 64.
@Suite struct CreateValidationTests {
  static let target = CreateTarget(name: "podinfo", namespace: "flux-system")

  static func message(_ build: () throws -> Any) -> String? {
    do {
      _ = try build()
      return nil
    } catch let error as CreateError {
      #expect(error.exitStatus == .usage)
      return error.message
    } catch {
      return "unexpected \(type(of: error)): \(error)"
    }
  }

  @Test func names() {
    #expect(Self.message { try CreateInputs.validateName(String(repeating: "a", count: 63)) } == nil)
    #expect(Self.message { try CreateInputs.validateName("ab") } == nil)
    for bad in [String(repeating: "a", count: 64), "a", "pod.info", "PodInfo", "-podinfo", "podinfo-", "pod_info"] {
      #expect(
        Self.message { try CreateInputs.validateName(bad) }
          == "name '\(bad)' is invalid, it should adhere to standard defined in RFC 1123, the name can only contain alphanumeric characters or '-' (2 to 63 characters)"
      )
    }
    #expect(Self.message { try CreateInputs.validateName("") } == "name is required")
  }

  @Test func labels() throws {
    let parsed = try CreateInputs.labels(["a=b,c=d", "example.com/team=ops"])
    #expect(parsed == ["a": "b", "c": "d", "example.com/team": "ops"])
    let empty = try CreateInputs.labels(["empty="])
    #expect(empty == ["empty": ""])
    #expect(Self.message { try CreateInputs.labels(["novalue"]) } == "--label: invalid label format 'novalue', must be key=value")
    #expect(Self.message { try CreateInputs.labels(["a=b=c"]) } == "--label: invalid label format 'a=b=c', must be key=value")
    #expect(Self.message { try CreateInputs.labels(["-bad=x"]) }?.hasPrefix("--label: invalid label '-bad'") == true)
    #expect(Self.message { try CreateInputs.labels(["ok=bad value"]) }?.hasPrefix("--label: invalid label value 'bad value'") == true)
  }

  @Test func durations() {
    #expect(Self.message { try CreateInputs.duration("10m", flag: "--interval") } == nil)
    #expect(
      Self.message { try CreateInputs.duration("ten", flag: "--interval") }
        == "invalid argument \"ten\" for \"--interval\" flag: time: invalid duration \"ten\"")
  }

  static func git(_ configure: (inout GitRepositoryOptions) -> Void) -> String? {
    var options = GitRepositoryOptions()
    options.url = "https://github.com/stefanprodan/podinfo"
    options.branch = "main"
    configure(&options)
    return message { try options.draft(target) }
  }

  @Test func gitRules() {
    #expect(Self.git { $0.url = "" } == "--url is required")
    #expect(Self.git { $0.url = "ftp://example.com/repo" } == "--url: git URL scheme 'ftp' not supported, can be: ssh, http and https")
    #expect(Self.git { $0.url = "git@github.com:org/repo" } == "--url: git URL parse failed: first path segment in URL cannot contain colon")
    #expect(
      Self.git { $0.branch = "" }
        == "a Git ref is required, use one of the following: --branch, --tag, --commit, --ref-name or --tag-semver")
    #expect(
      Self.git { $0.url = "ssh://git@github.com/org/repo"; $0.hasCAFile = true }
        == "--ca-file: specifying a CA file is not supported for Git over SSH")
    #expect(
      Self.git { $0.provider = "dummy" }
        == "invalid argument \"dummy\" for \"--provider\" flag: source Git provider 'dummy' is not supported, must be one of: generic|github|aws|azure"
    )
    #expect(Self.git { $0.provider = "" }?.hasPrefix("invalid argument \"\" for \"--provider\" flag: no source Git provider given") == true)
  }

  @Test func helmRules() {
    func helm(_ url: String) -> String? {
      var options = HelmRepositoryOptions()
      options.url = url
      return Self.message { try options.draft(Self.target) }
    }
    #expect(helm("") == "--url is required")
    #expect(helm("git://example.com/charts") == "--url: url scheme 'git' not supported, can be: http, https and oci")
    #expect(helm("https://") == "--url: url host is required")
  }

  @Test func ociRules() {
    func oci(_ configure: (inout OCIRepositoryOptions) -> Void) -> String? {
      var options = OCIRepositoryOptions()
      options.url = "oci://ghcr.io/stefanprodan/manifests/podinfo"
      options.tag = "6.3.5"
      configure(&options)
      return Self.message { try options.draft(Self.target) }
    }
    #expect(oci { $0.url = "" } == "--url is required")
    #expect(oci { $0.tag = "" } == "--tag, --tag-semver or --digest is required")
    #expect(
      oci { $0.verifySecretRef = "cosign-pub" }
        == "--verify-secret-ref: a verification provider must be specified when a secret is specified")
    #expect(
      oci { $0.verifyIssuer = "github.com" }
        == "--verify-issuer/--verify-subject: a verification provider must be specified when OIDC issuer/subject is specified")
    #expect(
      oci { $0.layerSelector = "application/vnd.cncf.helm.chart.content.v1.tar+gzip:move" }
        == "invalid --layer-selector \"application/vnd.cncf.helm.chart.content.v1.tar+gzip:move\": operation must be \"extract\" or \"copy\""
    )
    #expect(
      oci { $0.layerSelector = "application/vnd.cncf.helm.chart.content.v1.tar+gzip" }
        == "invalid --layer-selector \"application/vnd.cncf.helm.chart.content.v1.tar+gzip\": must be in the format '<media-type>:<operation>'"
    )
    #expect(oci { $0.provider = "ibm" }?.contains("source OCI provider 'ibm' is not supported") == true)
    #expect(oci { $0.verifyProvider = "foobar" }?.contains("source OCI verify provider 'foobar' is not supported") == true)
  }

  @Test func bucketRules() {
    var options = BucketOptions()
    #expect(Self.message { try options.draft(Self.target) } == "--bucket-name is required")
    options.bucketName = "podinfo"
    #expect(Self.message { try options.draft(Self.target) } == "--endpoint is required")
    options.endpoint = "s3.amazonaws.com"
    options.provider = "ibm"
    #expect(Self.message { try options.draft(Self.target) }?.contains("source bucket provider 'ibm' is not supported") == true)
  }

  @Test func chartRules() {
    var options = HelmChartOptions()
    #expect(Self.message { try options.draft(Self.target) } == "--source: chart source is required")
    options.source = "helmrepository/podinfo"
    #expect(Self.message { try options.draft(Self.target) } == "--chart: chart name or path is required")
    options.source = "foobar/podinfo"
    options.chart = "podinfo"
    #expect(
      Self.message { try options.draft(Self.target) }
        == "invalid argument \"foobar/podinfo\" for \"--source\" flag: source kind 'foobar' is not supported, must be one of: HelmRepository, GitRepository, Bucket"
    )
  }

  @Test func kustomizationRules() {
    func ks(_ configure: (inout KustomizationOptions) -> Void) -> String? {
      var options = KustomizationOptions()
      options.source = "podinfo"
      configure(&options)
      return Self.message { try options.draft(Self.target) }
    }
    #expect(ks { _ in } == nil)
    #expect(ks { $0.source = "" } == "--source is required")
    #expect(ks { $0.path = "deploy" } == "--path must begin with ./")
    #expect(ks { $0.source = "GitRepository" } == "invalid argument \"GitRepository\" for \"--source\" flag: no kind specified for source 'GitRepository'")
    #expect(ks { $0.source = "Git/" } == "invalid argument \"Git/\" for \"--source\" flag: no name given for source of kind 'Git'")
    #expect(
      ks { $0.source = "HelmRepository/podinfo" }
        == "invalid argument \"HelmRepository/podinfo\" for \"--source\" flag: source kind 'HelmRepository' is not supported, must be one of: OCIRepository, GitRepository, Bucket"
    )
    #expect(ks { $0.healthChecks = ["Deployment"] } == "--health-check: invalid health check 'Deployment' must be in the format 'kind/name.namespace'")
    #expect(
      ks { $0.healthChecks = ["deployment/podinfo.default"] }
        == "--health-check: invalid health check kind 'deployment' can be HelmRelease, Deployment, DaemonSet or StatefulSet")
    #expect(ks { $0.decryptionProvider = "vault" }?.contains("decryption provider 'vault' is not supported") == true)
  }

  @Test func helmReleaseRules() {
    func hr(_ configure: (inout HelmReleaseOptions) -> Void) -> String? {
      var options = HelmReleaseOptions()
      configure(&options)
      return Self.message { try options.draft(Self.target) }
    }
    #expect(hr { _ in } == "--chart or --chart-ref is required")
    #expect(hr { $0.chart = "podinfo"; $0.chartRef = "foobar/podinfo" } == "cannot use --chart in combination with --chart-ref")
    #expect(
      hr { $0.chart = "podinfo"; $0.source = "foobar/podinfo" }
        == "invalid argument \"foobar/podinfo\" for \"--source\" flag: source kind 'foobar' is not supported, must be one of: HelmRepository, GitRepository, Bucket"
    )
    #expect(hr { $0.chart = "podinfo" } == "--source is required with --chart (e.g. HelmRepository/podinfo)")
    #expect(
      hr { $0.chartRef = "foobar/podinfo" }
        == "--chart-ref: chart reference kind 'foobar' is not supported, must be one of: OCIRepository, HelmChart")
    #expect(
      hr { $0.chartRef = "HelmChart/podinfo"; $0.reconcileStrategy = "Always" }
        == "--reconcile-strategy: 'Always' is an invalid reconcile strategy(valid: Revision, ChartVersion)")
    #expect(
      hr { $0.chartRef = "HelmChart/podinfo"; $0.valuesFrom = ["podinfo"] }
        == "--values-from: invalid Kubernetes object reference 'podinfo', must be in format <kind>/<name>")
    #expect(
      hr { $0.chartRef = "HelmChart/podinfo"; $0.valuesFrom = ["Pod/podinfo"] }
        == "--values-from: reference kind 'Pod' is not supported, must be one of: Secret, ConfigMap")
    #expect(hr { $0.chartRef = "HelmChart/podinfo"; $0.crds = "Never" }?.contains("upgrade CRDs policy 'Never' is not supported") == true)
  }

  @Test func notificationRules() {
    #expect(Self.message { try AlertProviderOptions().draft(Self.target) } == "--type: Provider type is required")
    var alert = AlertOptions()
    #expect(Self.message { try alert.draft(Self.target) } == "--provider-ref: provider ref is required")
    alert.providerRef = "slack"
    #expect(Self.message { try alert.draft(Self.target) } == "--event-source: at least one event source is required")
    alert.eventSources = ["podinfo"]
    #expect(Self.message { try alert.draft(Self.target) } == "--event-source: invalid event source 'podinfo', must be in format <kind>/<name>")
    var receiver = ReceiverOptions()
    #expect(Self.message { try receiver.draft(Self.target) } == "--type: Receiver type is required")
    receiver.type = "svn"
    #expect(Self.message { try receiver.draft(Self.target) }?.contains("receiver type 'svn' is not supported") == true)
    receiver.type = "github"
    #expect(Self.message { try receiver.draft(Self.target) } == "--secret-ref: secret ref is required")
    receiver.secretRef = "token"
    #expect(Self.message { try receiver.draft(Self.target) } == "--resource: at least one resource is required")
    receiver.resources = ["webapp"]
    #expect(Self.message { try receiver.draft(Self.target) } == "--resource: invalid event source 'webapp', must be in format <kind>/<name>")
  }

  @Test func imageRules() {
    var repository = ImageRepositoryOptions()
    #expect(Self.message { try repository.draft(Self.target) } == "--image: an image repository (--image) is required")
    repository.image = "ghcr.io/Org/App"
    #expect(Self.message { try repository.draft(Self.target) }?.hasPrefix("--image: unable to parse image value") == true)
    repository.image = "localhost:5000/app"
    #expect(Self.message { try repository.draft(Self.target) } == nil)

    func policy(_ configure: (inout ImagePolicyOptions) -> Void) -> String? {
      var options = ImagePolicyOptions()
      options.imageRef = "podinfo"
      options.semver = "1.x"
      configure(&options)
      return Self.message { try options.draft(Self.target) }
    }
    #expect(policy { $0.imageRef = "" } == "--image-ref: the name of an ImageRepository in the namespace is required (--image-ref)")
    #expect(policy { $0.semver = "" } == "a policy must be provided with either --select-semver, --select-alpha or --select-numeric")
    #expect(policy { $0.alpha = "asc" } == "only one of --select-semver, --select-alpha or --select-numeric can be specified")
    #expect(policy { $0.semver = ""; $0.alpha = "up" } == "--select-alpha must be one of [\"asc\", \"desc\"]")
    #expect(policy { $0.filterRegex = "([a-z" } == "--filter-regex is an invalid regex pattern")
    #expect(policy { $0.filterExtract = "$ts" } == "cannot specify --filter-extract without specifying --filter-regex")
    #expect(
      policy { $0.filterRegex = "^(?P<ts>[0-9]+)$"; $0.filterExtract = "$build" }
        == "capture group $build used in --filter-extract not found in --filter-regex")
    #expect(policy { $0.filterRegex = "^(?P<ts>[0-9]+)$"; $0.filterExtract = "${ts}-$1" } == nil)
    #expect(policy { $0.reflectDigest = "Sometimes" } == "invalid value for --reflect-digest, must be one of 'Never', 'IfNotPresent', 'Always'")
    #expect(
      policy { $0.interval = GoDuration("5m") }
        == "the --interval flag can only be used with the 'Always' digest reflection policy, use --reflect-digest=Always")

    func update(_ configure: (inout ImageUpdateOptions) -> Void) -> String? {
      var options = ImageUpdateOptions()
      options.gitRepoRef = "flux-system"
      options.checkoutBranch = "main"
      options.authorName = "flux"
      options.authorEmail = "flux@example.com"
      configure(&options)
      return Self.message { try options.draft(Self.target) }
    }
    #expect(update { $0.gitRepoRef = "" } == "a reference to a GitRepository is required (--git-repo-ref)")
    #expect(update { $0.checkoutBranch = "" } == "the Git repository branch is required (--checkout-branch)")
    #expect(update { $0.authorName = "" } == "the author name is required (--author-name)")
    #expect(update { $0.authorEmail = "" } == "the author email is required (--author-email)")
    #expect(update { $0.signingKeyType = "ssh" } == "--signing-key-type requires --signing-key-secret")
    #expect(update { $0.signingKeySecret = "k"; $0.signingKeyType = "pgp" } == "--signing-key-type must be one of: gpg, ssh")
  }
}
