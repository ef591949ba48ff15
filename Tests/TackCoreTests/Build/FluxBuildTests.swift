import TackBase
import TackCore
import TackJSON
import TackKustomize
import Testing

/// `flux build ks` output for in-memory trees, kept as golden files (`TACK_RECORD=1` rewrites).
@Suite struct FluxBuildTests {
  typealias F = BuildFixtures

  func build(_ tree: InMemoryFileSystem, _ spec: String = F.minimalKustomization, directory: String = "/repo/apps",
    options: FluxBuild.Options = .init()) throws -> FluxBuild.Result
  {
    try FluxBuild(tree: tree, directory: directory, kustomization: try F.kustomization(spec), options: options).run()
  }

  @Test func generatedKustomizationListsEveryManifestNotIgnored() throws {
    let result = try build(F.generatedTree)
    #expect(result.kustomization.created)
    #expect(result.kustomization.path == "/repo/apps/kustomization.yaml")
    F.expectGolden(result.kustomization.yaml, "generated-kustomization.yaml")
    F.expectGolden(result.yaml, "generated-build.yaml")
    #expect(result.yaml.hasSuffix("---\n"))
  }

  @Test func ignorePathsAddToSourceIgnore() throws {
    let result = try build(F.generatedTree, options: .init(ignorePaths: ["nested/", "!draft.tmp.yaml"]))
    let resources = result.kustomization.content["resources"]?.arrayValue?.compactMap(\.stringValue) ?? []
    #expect(resources == ["./base", "./deploy.yaml", "./draft.tmp.yaml", "./svc.yml"])
  }

  @Test func emptyDirectoryGetsThePlaceholderNamespace() throws {
    var tree = F.tree("/repo/apps", ["README.md": "nothing here"])
    tree.makeDirectory("/repo/apps/empty")
    let generated = try FluxBuild(tree: tree, directory: "/repo/apps", kustomization: try F.kustomization(F.minimalKustomization))
      .generateKustomization()
    #expect(generated.yaml == "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: _placeholder\n")
  }

  @Test func undecodableManifestNamesTheFile() throws {
    let tree = F.tree("/repo/apps", ["ok.yaml": F.configMap("ok", data: [("a", "b")]), "bad.yaml": "kind: ConfigMap\n"])
    let error = #expect(throws: FluxBuildError.self) { try build(tree) }
    #expect(error?.description == "failed to generate kustomization.yaml: failed to decode Kubernetes YAML from /repo/apps/bad.yaml: missing metadata.name in object of kind ConfigMap")
  }

  static let overlaySpec = F.spec("""
    targetNamespace: prod
    namePrefix: p-
    nameSuffix: -s
    patches:
    - patch: |
        - op: replace
          path: /spec/replicas
          value: 3
      target:
        kind: Deployment
    images:
    - name: nginx
      newName: registry.example.com/nginx
    - name: redis
      newTag: "7.2"
    components:
    - ../components/monitoring
    - ../components/missing
    ignoreMissingComponents: true
    commonMetadata:
      labels:
        team: platform
      annotations:
        owner: sre@example.com
    """)

  static var overlayTree: InMemoryFileSystem {
    F.tree("/repo", [
      "apps/kustomization.yaml": """
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        resources:
        - deploy.yaml
        - svc.yaml
        images:
        - name: nginx
          newTag: "1.26"
        notAKustomizeField: dropped by flux
        """,
      "apps/deploy.yaml": F.deployment("web"),
      "apps/svc.yaml": F.service("web"),
      "components/monitoring/kustomization.yaml": """
        apiVersion: kustomize.config.k8s.io/v1alpha1
        kind: Component
        resources:
        - monitor.yaml
        """,
      "components/monitoring/monitor.yaml": F.configMap("monitor", data: [("scrape", "\"true\"")]),
    ])
  }

  @Test func fluxSpecIsLaidOverTheExistingKustomization() throws {
    let result = try build(Self.overlayTree, Self.overlaySpec)
    #expect(!result.kustomization.created)
    F.expectGolden(result.kustomization.yaml, "overlay-kustomization.yaml")
    F.expectGolden(result.yaml, "overlay-build.yaml")
  }

  @Test func componentsMustBeLocal() throws {
    let spec = Self.overlaySpec.replacing("- ../components/missing", with: "- https://example.com/c")
    let error = #expect(throws: FluxBuildError.self) { try build(Self.overlayTree, spec) }
    #expect(error?.description == "failed to generate kustomization.yaml: component path 'https://example.com/c' must be local and relative")
  }

  @Test func missingResourceIsNamed() throws {
    let tree = F.tree("/repo/apps", ["kustomization.yaml": "resources:\n- gone.yaml\n"])
    let error = #expect(throws: FluxBuildError.self) { try build(tree) }
    #expect(error == .missingEntry(file: "kustomization.yaml", field: "resources", path: "gone.yaml"))
  }

  @Test func generatorOnlyKustomizationNeedsOriginAnnotations() throws {
    let tree = F.tree("/repo/apps", ["kustomization.yaml": "configMapGenerator:\n- name: cm\n  literals: [a=b]\n"])
    let error = #expect(throws: FluxBuildError.self) { try build(tree) }
    #expect(error == .originAnnotationsNotSupported(file: "kustomization.yaml"))
  }

  static let substitutionSpec = F.spec("""
    postBuild:
      substitute:
        REPLICAS: "3"
        APP: web
      substituteFrom:
      - kind: ConfigMap
        name: cluster-vars
    """)

  static var substitutionTree: InMemoryFileSystem {
    F.tree("/repo/apps", [
      "deploy.yaml": F.deployment("${APP}", image: "nginx:${TAG:=1.25}", replicas: "\"${REPLICAS}\""),
      "settings.yaml": F.configMap("settings", data: [
        ("env", "${ENV:-dev}"), ("region", "\"${REGION}\""), ("literal", "$${NOT_A_VAR}"), ("cost", "5$"),
        ("upper", "${APP^^}"), ("enabled", "${ENABLED:=yes}"),
      ]),
      "opted-out.yaml": """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: raw
          annotations:
            kustomize.toolkit.fluxcd.io/substitute: disabled
        data:
          template: ${APP}

        """,
    ])
  }

  @Test func postBuildSubstitutesEveryForm() throws {
    let options = FluxBuild.Options(referencedValues: [["ENV": "prod", "REPLICAS": "2\n"]])
    let result = try build(Self.substitutionTree, Self.substitutionSpec, options: options)
    F.expectGolden(result.yaml, "substitution-build.yaml")
    let deployment = result.objects.first { $0["kind"] == "Deployment" }
    #expect(deployment?[path: "spec", "replicas"] == 3, "inline values override referenced ones; \"${N}\" becomes a number")
    #expect(deployment?[path: "metadata", "name"] == "web")
  }

  @Test func strictSubstitutionNamesTheMissingVariable() throws {
    let options = FluxBuild.Options(strictSubstitute: true, referencedValues: [["ENV": "prod"]])
    let error = #expect(throws: FluxBuildError.self) { try build(Self.substitutionTree, Self.substitutionSpec, options: options) }
    #expect(error?.description == #"var substitution failed for 'settings': envsubst error: variable substitution failed: variable not set (strict mode): "REGION""#)
  }

  @Test func withoutVariablesNothingIsSubstitutedUnlessAlways() throws {
    let tree = F.tree("/repo/apps", ["cm.yaml": F.configMap("cm", data: [("tag", "${TAG:=latest}")])])
    let noVariables = Self.substitutionSpec.replacing(
      "    substitute:\n      REPLICAS: \"3\"\n      APP: web\n    substituteFrom:\n    - kind: ConfigMap\n      name: cluster-vars\n",
      with: "    substitute: {}\n")
    let untouched = try build(tree, noVariables)
    #expect(untouched.objects.first?[path: "data", "tag"] == "${TAG:=latest}")
    let always = noVariables.replacing("    substitute: {}\n", with: "    substitute: {}\n    substituteStrategy: Always\n")
    let substituted = try build(tree, always)
    #expect(substituted.objects.first?[path: "data", "tag"] == "latest")
  }

  @Test func invalidVariableNamesAreRefused() throws {
    let tree = F.tree("/repo/apps", ["cm.yaml": F.configMap("cm", data: [("a", "b")])])
    let error = #expect(throws: FluxBuildError.self) {
      try build(tree, Self.substitutionSpec, options: .init(referencedValues: [["bad-name": "x"]]))
    }
    #expect(error?.description == "var substitution failed for 'cm': envsubst error: 'bad-name' var name is invalid, must match '^[_[:alpha:]][_[:alpha:][:digit:]]*$'")
  }

  static var secretsTree: InMemoryFileSystem {
    F.tree("/repo/apps", [
      "sops-secret.yaml": """
        apiVersion: v1
        kind: Secret
        metadata:
          name: sops-opaque
        stringData:
          password: ENC[AES256_GCM,data:PyhZmNhy,iv:jh2l,tag:zXM2,type:str]
        data:
          token: RU5DW0FFUzI1Nl9HQ00sZGF0YTp4eXpd
        sops:
          age:
          - recipient: age10la2ge0wtvx3qr7datqf7rs4yngxszdal927fs9rukamr8u2pshsvtz7ce
          lastmodified: "2022-02-06T12:51:07Z"
          mac: ENC[AES256_GCM,data:jtdz,iv:xX3E,tag:MJPG,type:str]
          version: 3.7.1

        """,
      "docker-secret.yaml": """
        apiVersion: v1
        kind: Secret
        metadata:
          name: registry
        type: kubernetes.io/dockerconfigjson
        data:
          .dockerconfigjson: ENC[AES256_GCM,data:KHCF,iv:q48l,tag:QRI2,type:str]
        sops:
          mac: ENC[AES256_GCM,data:AHdY,iv:8F5O,tag:E1mx,type:str]
          version: 3.7.1

        """,
      "partly-encrypted.yaml": """
        apiVersion: v1
        kind: Secret
        metadata:
          name: partly
        data:
          encrypted: \(b64("sops:\n  mac: ENC[AES256_GCM,data:xyz]\n"))
          plain: \(b64("hello"))
        stringData:
          inline: "sops ENC[AES256_GCM,data:abc]"
          visible: not a secret

        """,
      "plain-secret.yaml": """
        apiVersion: v1
        kind: Secret
        metadata:
          name: plain
        data:
          user: \(b64("admin"))
          empty: ""

        """,
    ])
  }

  @Test func sopsSecretsAreMasked() throws {
    let result = try build(Self.secretsTree)
    F.expectGolden(result.yaml, "sops-masked-build.yaml")
    #expect(!result.yaml.contains("ENC["), "no encrypted value reaches the output")
    #expect(!result.yaml.contains("sops:"))
  }

  @Test func outputIsReadBackAsFluxReadsIt() throws {
    let tree = F.tree("/repo/apps", [
      "list.yaml": """
        apiVersion: v1
        kind: ConfigMapList
        items:
        - apiVersion: v1
          kind: ConfigMap
          metadata:
            name: first
        - apiVersion: v1
          kind: ConfigMap
          metadata:
            name: second

        """,
      "kustomize-config.yaml": """
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        metadata:
          name: leftover

        """,
    ])
    let result = try build(tree)
    #expect(result.objects.map { $0[path: "metadata", "name"]?.stringValue ?? "" } == ["first", "second"])
    #expect(result.objects.allSatisfy { $0[path: "metadata", "labels", "kustomize.toolkit.fluxcd.io/name"] == "apps" })
  }

  @Test func kustomizationFileLookupMatchesNameAndNamespace() throws {
    let file = """
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata:
        name: other
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: apps
      ---
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata:
        name: apps
      spec:
        path: ./x
        prune: yes
      """
    let found = try FluxKustomization.find(in: file, file: "ks.yaml", name: "apps", namespace: "flux-system")
    #expect(found.path == "./x")
    #expect(found.namespace == "", "a file without a namespace is taken as is")
    #expect(found.prune, "the file is read with YAML 1.1 rules")
    let missing = #expect(throws: FluxBuildError.self) {
      try FluxKustomization.find(in: file, file: "ks.yaml", name: "nope", namespace: "flux-system")
    }
    #expect(missing?.description == "failed find kustomization with name 'nope' and namespace 'flux-system' in file 'ks.yaml'")
    let typed = #expect(throws: FluxBuildError.self) {
      try FluxKustomization(["metadata": ["name": "x"], "spec": ["patches": [["patch": 3]]]])
    }
    #expect(typed == .invalidKustomization(field: "spec.patches[0].patch", reason: "expected string, found number"))
  }
}

/// Base64 of fixture text.
func b64(_ text: String) -> String { Base64.encode(Array(text.utf8)) }
