import TackBase
import TackCore
import TackJSON
import TackTestSupport
import Testing

/// `create --export`: the YAML flux prints for the same flags, byte for byte. The goldens under
/// `Fixtures/export/` named like flux's test cases hold flux's own expected output; each is also
/// created (dry run) on the test API server, which validates it against the real CRD schemas.
@Suite struct CreateExportTests {
  static func target(
    namespace: String = "flux-system", interval: String = "1m0s", labels: [String: String] = [:]
  ) -> CreateTarget {
    CreateTarget(name: "podinfo", namespace: namespace, labels: labels, interval: GoDuration(interval)!)
  }

  static func git(_ configure: (inout GitRepositoryOptions) -> Void) -> @Sendable () throws -> FluxObjectDraft {
    var options = GitRepositoryOptions()
    options.url = "https://github.com/stefanprodan/podinfo"
    configure(&options)
    let built = options
    return { try built.draft(target()) }
  }

  static func oci(interval: String = "10m0s", _ configure: (inout OCIRepositoryOptions) -> Void) -> @Sendable () throws -> FluxObjectDraft {
    var options = OCIRepositoryOptions()
    options.url = "oci://ghcr.io/stefanprodan/manifests/podinfo"
    options.tag = "6.3.5"
    // flux's tests run with zeroed flags: no provider default.
    options.provider = nil
    configure(&options)
    let built = options
    return { try built.draft(target(interval: interval)) }
  }

  static func chart(_ configure: (inout HelmChartOptions) -> Void) -> @Sendable () throws -> FluxObjectDraft {
    var options = HelmChartOptions()
    options.source = "helmrepository/podinfo"
    options.chart = "podinfo"
    configure(&options)
    let built = options
    return { try built.draft(target(interval: "0s")) }
  }

  static func helm(_ url: String, secretRef: String = "") -> @Sendable () throws -> FluxObjectDraft {
    var options = HelmRepositoryOptions()
    options.url = url
    options.secretRef = secretRef
    let built = options
    return { try built.draft(target(interval: "5m")) }
  }

  static func ks(_ configure: (inout KustomizationOptions) -> Void) -> @Sendable () throws -> FluxObjectDraft {
    var options = KustomizationOptions()
    options.source = "GitRepository/podinfo"
    configure(&options)
    let built = options
    return { try built.draft(target(interval: "10m")) }
  }

  static func hr(_ configure: (inout HelmReleaseOptions) -> Void) -> @Sendable () throws -> FluxObjectDraft {
    var options = HelmReleaseOptions()
    configure(&options)
    let built = options
    return { try built.draft(target()) }
  }

  static func imageUpdate(_ configure: (inout ImageUpdateOptions) -> Void) -> @Sendable () throws -> FluxObjectDraft {
    var options = ImageUpdateOptions()
    options.gitRepoRef = "flux-system"
    options.checkoutBranch = "main"
    options.authorName = "flux"
    options.authorEmail = "flux@example.com"
    configure(&options)
    let built = options
    return {
      try built.draft(CreateTarget(name: "flux-system", namespace: "flux-system", interval: GoDuration("1m0s")!))
    }
  }

  /// (golden name, what builds it). The first block mirrors flux's own test cases.
  static let cases: [(String, @Sendable () throws -> FluxObjectDraft)] = [
    ("git-commit", git { $0.commit = "c88a2f41" }),
    ("git-refname", git { $0.refName = "refs/heads/main" }),
    ("git-branch-commit", git { $0.branch = "main"; $0.commit = "c88a2f41" }),
    ("git-semver", git { $0.semver = "v1.01" }),
    ("git-tag", git { $0.tag = "test" }),
    ("git-branch", git { $0.branch = "test" }),
    ("git-provider-generic", git { $0.branch = "test"; $0.provider = "generic" }),
    (
      "git-provider-azure",
      git { $0.url = "https://dev.azure.com/foo/bar/_git/podinfo"; $0.branch = "test"; $0.provider = "azure" }
    ),
    ("git-provider-github", git { $0.branch = "test"; $0.provider = "github"; $0.secretRef = "appinfo" }),
    (
      "git-ignore-sparse",
      {
        var options = GitRepositoryOptions()
        options.url = "https://github.com/stefanprodan/podinfo"
        options.branch = "master"
        options.ignorePaths = [".cosign,non-existent-dir/"]
        options.sparseCheckoutPaths = [".cosign", "non-existent-dir/"]
        return try options.draft(target(namespace: "default"))
      }
    ),
    ("helm-https", helm("https://stefanprodan.github.io/charts/podinfo")),
    ("helm-oci", helm("oci://ghcr.io/stefanprodan/charts/podinfo")),
    ("helm-oci-with-secret", helm("oci://ghcr.io/stefanprodan/charts/podinfo", secretRef: "creds")),
    ("oci-export", oci { _ in }),
    ("oci-export-with-secret", oci { $0.secretRef = "creds" }),
    ("oci-export-with-verify-secret", oci { $0.verifyProvider = "cosign"; $0.verifySecretRef = "cosign-pub" }),
    (
      "oci-export-with-layer-selector",
      oci { $0.layerSelector = "application/vnd.cncf.helm.chart.content.v1.tar+gzip:copy" }
    ),
    ("oci-export-with-issuer", oci(interval: "0s") { $0.verifyProvider = "cosign"; $0.verifyIssuer = "github" }),
    ("oci-export-with-subject", oci(interval: "0s") { $0.verifyProvider = "cosign"; $0.verifySubject = "stefanprodan" }),
    ("chart-basic", chart { _ in }),
    ("chart-verify-basic", chart { $0.verifyProvider = "cosign" }),
    ("chart-verify-complete", chart { $0.verifyProvider = "cosign"; $0.verifyIssuer = "foo"; $0.verifySubject = "bar" }),
    ("hr-basic", hr { $0.source = "Helmrepository/podinfo"; $0.chart = "podinfo" }),
    ("hr-or-basic", hr { $0.chartRef = "OCIRepository/podinfo" }),
    ("hr-hc-basic", hr { $0.chartRef = "HelmChart/podinfo" }),
    ("image-update-no-signing", imageUpdate { _ in }),
    ("image-update-signing-default-gpg", imageUpdate { $0.signingKeySecret = "my-key" }),
    ("image-update-signing-ssh", imageUpdate { $0.signingKeySecret = "my-deploy-key"; $0.signingKeyType = "ssh" }),
    // tack's own cases: every other flag, recorded and checked by eye against flux's rules.
    (
      "image-update-everything",
      imageUpdate {
        $0.gitRepoNamespace = "apps"
        $0.gitRepoPath = "./clusters/dev"
        $0.pushBranch = "image-updates"
        $0.commitTemplate = "{{range .Changed.Changes}}{{print .OldValue}} -> {{println .NewValue}}{{end}}"
      }
    ),
    (
      "image-repository",
      {
        var options = ImageRepositoryOptions()
        options.image = "ghcr.io/stefanprodan/podinfo"
        options.secretRef = "ghcr"
        options.certRef = "ca"
        options.scanTimeout = GoDuration("30s")
        return try options.draft(target(interval: "5m"))
      }
    ),
    (
      "image-policy-numeric-filter",
      {
        var options = ImagePolicyOptions()
        options.imageRef = "podinfo"
        options.numeric = "asc"
        options.filterRegex = "^main-[a-f0-9]+-(?P<ts>[0-9]+)"
        options.filterExtract = "$ts"
        options.reflectDigest = "Always"
        options.interval = GoDuration("10m")
        return try options.draft(target())
      }
    ),
    (
      "image-policy-semver",
      {
        var options = ImagePolicyOptions()
        options.imageRef = "podinfo"
        options.semver = ">=1.0.0 <2.0.0"
        return try options.draft(target())
      }
    ),
    (
      "alert-provider",
      {
        var options = AlertProviderOptions()
        options.type = "slack"
        options.channel = "general"
        options.address = "https://hooks.slack.com/services/T0/B0/X"
        options.secretRef = "slack-url"
        return try options.draft(target())
      }
    ),
    (
      "alert",
      {
        var options = AlertOptions()
        options.providerRef = "slack"
        options.eventSeverity = "info"
        options.eventSources = ["Kustomization/podinfo,GitRepository/*.flux-system", "HelmRelease/*"]
        return try options.draft(target())
      }
    ),
    (
      "receiver",
      {
        var options = ReceiverOptions()
        options.type = "github"
        options.secretRef = "webhook-token"
        options.events = ["ping,push"]
        options.resources = ["GitRepository/webapp", "HelmRepository/charts"]
        return try options.draft(target())
      }
    ),
    (
      "git-everything",
      {
        var options = GitRepositoryOptions()
        options.url = "ssh://git@github.com/stefanprodan/podinfo"
        options.tag = "6.0.0"
        options.secretRef = "podinfo-auth"
        options.proxySecretRef = "proxy"
        options.recurseSubmodules = true
        options.fetchTimeout = GoDuration("90s")
        return try options.draft(target(labels: ["team": "a", "env": "9797"]))
      }
    ),
    (
      "bucket-generic",
      {
        var options = BucketOptions()
        options.bucketName = "podinfo"
        options.endpoint = "minio.minio.svc.cluster.local:9000"
        options.insecure = true
        options.secretRef = "minio-credentials"
        options.ignorePaths = ["*.md", "#tmp"]
        return try options.draft(target(interval: "1h"))
      }
    ),
    (
      "oci-everything",
      oci {
        $0.provider = "aws"
        $0.semver = ">=6.0.0 <7.0.0"
        $0.digest = "sha256:6c959c51ccbb952e5fe4737563338a0aaf975675dcf812912cf09e5463181871"
        $0.serviceAccount = "puller"
        $0.certRef = "certs"
        $0.insecure = true
        $0.verifyProvider = "cosign"
        $0.verifyIssuer = "^https://token.actions.githubusercontent.com$"
        $0.verifySubject = "^https://github.com/stefanprodan/podinfo.*$"
      }
    ),
    (
      "ks-basic",
      ks { $0.path = "./kustomize"; $0.prune = false }
    ),
    (
      "ks-health-checks",
      ks {
        $0.source = "OCIRepository/podinfo.apps"
        $0.path = "./deploy/../kustomize//"
        $0.prune = true
        $0.healthChecks = ["Deployment/podinfo.default,HelmRelease/redis.data"]
        $0.healthCheckTimeout = GoDuration("3m")!
        $0.dependsOn = ["infra", "apps/config@ready"]
        $0.targetNamespace = "default"
        $0.serviceAccount = "reconciler"
        $0.decryptionProvider = "sops"
        $0.decryptionSecret = "sops-age"
        $0.kubeConfigSecretRef = "remote"
        $0.retryInterval = GoDuration("2m30s")
      }
    ),
    ("ks-wait", ks { $0.wait = true; $0.healthChecks = ["Deployment/ignored.default"] }),
    (
      "hr-everything",
      hr {
        $0.source = "HelmRepository/podinfo.flux-system"
        $0.chart = "podinfo"
        $0.chartVersion = ">4.0.0"
        $0.chartInterval = GoDuration("10m")
        $0.reconcileStrategy = "Revision"
        $0.releaseName = "podinfo-dev"
        $0.targetNamespace = "dev"
        $0.createTargetNamespace = true
        $0.serviceAccount = "helm"
        $0.crds = "CreateReplace"
        $0.dependsOn = ["redis"]
        $0.valuesFrom = ["secret/podinfo-values,ConfigMap/shared"]
        $0.values = [
          ["replicaCount": 2, "ingress": ["enabled": true, "hosts": ["a.example.com"]]],
          ["ingress": ["className": "nginx"], "color": "#34577c"],
        ]
      }
    ),
  ]

  @Test(arguments: cases.map(\.0))
  func exportMatchesGolden(_ name: String) throws {
    let build = Self.cases.first { $0.0 == name }!.1
    let text = CreateExport.text([try build()])
    try GoldenFile.verify(text, at: GoldenFile.path("export/\(name).yaml"))
  }

  /// Every golden is what the real CRDs accept: created with dryRun=All on the test API server.
  @Test func everyGoldenIsValidForTheCRDs() async throws {
    let cluster = try await TestCluster.start()
    do {
      try Self.validate(Self.cases.map(\.0), on: cluster)
    } catch {
      await cluster.stop()
      throw error
    }
    await cluster.stop()
  }

  static func validate(_ names: [String], on cluster: TestCluster) throws {
    _ = try cluster.installCRDs(.all)
    try cluster.store.ensureNamespace("flux-system")
    try cluster.store.ensureNamespace("default")
    for name in names {
      let text = try String(contentsOfFile: GoldenFile.path("export/\(name).yaml"), encoding: .utf8)
      let documents = try JSON.parseYAMLDocuments(text)
      #expect(documents.count == 1, "\(name)")
      for document in documents {
        do {
          try cluster.store.create(document, dryRun: true)
        } catch {
          Issue.record("\(name): the API server rejected the export: \(error)")
        }
      }
    }
  }

  static let tenants: [(String, @Sendable () throws -> TenantPlan)] = [
    ("tenant-basic", { try TenantPlan(tenant: "dev-team", namespaces: ["apps"]) }),
    ("tenant-with-cluster-role", { try TenantPlan(tenant: "dev-team", namespaces: ["apps"], clusterRole: "custom-role") }),
    ("tenant-with-service-account", { try TenantPlan(tenant: "dev-team", namespaces: ["apps"], serviceAccount: "flux-tenant") }),
    ("tenant-with-skip-namespace", { try TenantPlan(tenant: "dev-team", namespaces: ["apps"], skipNamespace: true) }),
  ]

  @Test(arguments: tenants.map(\.0))
  func tenantExportMatchesFlux(_ name: String) throws {
    let plan = try Self.tenants.first { $0.0 == name }!.1()
    try GoldenFile.verify(CreateExport.text(plan.manifests), at: GoldenFile.path("export/\(name).yaml"))
  }

  @Test func tenantSaysWhatItGrants() throws {
    let plan = try TenantPlan(tenant: "dev-team", namespaces: ["apps,web"], clusterRole: "edit", labels: ["env": "dev"])
    #expect(
      plan.grantSummary == [
        "tenant dev-team gets ClusterRole edit in namespace apps (ServiceAccount dev-team, User gotk:apps:reconciler)",
        "tenant dev-team gets ClusterRole edit in namespace web (ServiceAccount dev-team, User gotk:web:reconciler)",
      ])
    #expect(plan.manifests.count == 6)
    #expect(plan.manifests[0][path: "metadata", "labels"] == ["env": "dev", "toolkit.fluxcd.io/tenant": "dev-team"])
    #expect(throws: CreateError("--with-namespace is required")) { try TenantPlan(tenant: "dev-team", namespaces: []) }
  }

  @Test func jsonOutputIsOneSortedObject() throws {
    let draft = try Self.git { $0.branch = "main" }()
    let text = CreateExport.text([draft], format: .json)
    let parsed = try JSON.parse(text)
    #expect(parsed == draft.manifest)
    #expect(text.hasPrefix("{\n  \"apiVersion\": \"source.toolkit.fluxcd.io/v1\",\n  \"kind\": \"GitRepository\",\n"))
    let two = CreateExport.text([draft, draft], format: .json)
    let list = try JSON.parse(two)
    #expect(list["kind"] == "List")
  }

  @Test func longValuesAreNotFolded() throws {
    let long = "oci://ghcr.io/" + String(repeating: "very-long-organisation-name/", count: 6) + "podinfo"
    let draft = try Self.oci { $0.url = long }()
    #expect(CreateExport.text([draft]).contains("  url: \(long)\n"))
  }
}
