import TackBase
import TackCore
import TackJSON
import TackOutput
import TackTestSupport
import Testing

@Suite struct ExportTests {
  @Test func exportKeepsOnlyWhatGoesToGit() {
    var object = GetFixtures.objects(of: .gitRepository)[0]
    object[path: "metadata", "uid"] = "1234"
    object[path: "metadata", "resourceVersion"] = "99"
    object[path: "metadata", "annotations"] = ["reconcile.fluxcd.io/requestedAt": "2026-08-07T16:50:15Z"]
    let text = ExportDocuments.document(ExportDocuments.exported(object, as: .gitRepository))
    GetFixtures.expectGolden(text, "export-git.yaml")
    #expect(text.hasPrefix("---\napiVersion: source.toolkit.fluxcd.io/v1\nkind: GitRepository\nmetadata:\n"))
    #expect(!text.contains("status"))
    #expect(!text.contains("uid"))
    #expect(!text.contains("creationTimestamp"))
    #expect(!text.hasSuffix("\n\n"))
  }

  static func secret(_ name: String) -> JSON {
    [
      "apiVersion": "v1", "kind": "Secret", "metadata": ["name": .string(name), "namespace": "flux-system", "uid": "x"],
      "type": "Opaque", "data": ["password": "c2VjcmV0"],
    ]
  }

  static func sources() -> (first: JSON, second: JSON) {
    var first = GetFixtures.objects(of: .gitRepository)[0]
    first[path: "spec", "proxySecretRef"] = ["name": "proxy"]
    var second = GetFixtures.objects(of: .gitRepository)[1]
    second[path: "spec", "secretRef"] = ["name": "other-auth"]
    return (first, second)
  }

  /// The documents of an export with credentials, byte for byte in the fixtures' order.
  @Test func withCredentialsEachSourceIsFollowedByItsSecrets() {
    let (first, second) = Self.sources()
    let text = ExportDocuments.text(
      [(first, [Self.secret("podinfo-auth"), Self.secret("proxy")]), (second, [Self.secret("other-auth")])],
      as: .gitRepository)
    GetFixtures.expectGolden(text, "export-git-with-credentials.yaml")
  }

  @Test func withCredentialsExportsEverySecretOfEverySource() async throws {
    let (first, second) = Self.sources()
    let captured = Captured()
    try await ClusterFixture.with(
      objects: [first, second, Self.secret("podinfo-auth"), Self.secret("proxy"), Self.secret("other-auth")]
    ) { fixture in
      try await ExportObjects(cluster: fixture.cluster, output: captured.out).run(
        ExportRequest(kind: .gitRepository, namespace: "flux-system", all: true, withCredentials: true))
    }
    let documents = try JSON.parseYAMLDocuments(captured.out.text)
    // The server lists by name: gr-failed, then podinfo; each is followed by its own Secrets.
    #expect(documents.map { $0["kind"]?.stringValue } == ["GitRepository", "Secret", "GitRepository", "Secret", "Secret"])
    #expect(
      documents.map { $0[path: "metadata", "name"]?.stringValue } == [
        "gr-failed", "other-auth", "podinfo", "podinfo-auth", "proxy",
      ])
    #expect(documents[4] == ExportDocuments.exportedSecret(Self.secret("proxy")))
    #expect(!captured.out.text.contains("status"))
    #expect(!captured.out.text.contains("uid"))
  }

  @Test func nothingToExportIsNotFound() async throws {
    let captured = Captured()
    try await ClusterFixture.with { fixture in
      await #expect(throws: GetNotFoundError("no objects found in empty namespace")) {
        try await ExportObjects(cluster: fixture.cluster, output: captured.out).run(
          ExportRequest(kind: .kustomization, namespace: "empty", all: true))
      }
    }
  }

  @Test func aMissingObjectIsTheServersNotFound() async throws {
    try await ClusterFixture.with { fixture in
      let error = await #expect(throws: ObjectNotFoundError.self) {
        try await ExportObjects(cluster: fixture.cluster, output: Captured().out).run(
          ExportRequest(kind: .kustomization, namespace: "flux-system", name: "nope"))
      }
      #expect(
        error?.description == "Error from server (NotFound): kustomizations.kustomize.toolkit.fluxcd.io \"nope\" not found")
      #expect(error?.exitStatus == .notFound)
    }
  }

  @Test func aMissingSecretLeavesNoPartialOutput() async throws {
    let captured = Captured()
    try await ClusterFixture.with(objects: GetFixtures.objects(of: .gitRepository)) { fixture in
      let error = await #expect(throws: CommandError.self) {
        try await ExportObjects(cluster: fixture.cluster, output: captured.out)
          .run(ExportRequest(kind: .gitRepository, namespace: "flux-system", name: "podinfo", withCredentials: true))
      }
      #expect(
        error?.description
          == "failed to retrieve secret podinfo-auth, error: Error from server (NotFound): secrets \"podinfo-auth\" not found")
    }
    #expect(captured.out.text == "")
  }
}

@Suite struct VersionReportTests {
  @Test(arguments: [
    ("ghcr.io/fluxcd/source-controller:v1.9.1", "source-controller", "v1.9.1"),
    ("fluxcd/kustomize-controller:v1.9.4", "kustomize-controller", "v1.9.4"),
    ("localhost:5000/flagger:1.44.0", "flagger", "1.44.0"),
    ("ghcr.io/fluxcd/helm-controller:v1.6.3@sha256:abc", "helm-controller", "v1.6.3@sha256:abc"),
  ])
  func splitsImagesAsFlux(_ image: String, _ name: String, _ tag: String) throws {
    let split = try VersionReport.splitImage(image)
    #expect(split.name == name)
    #expect(split.tag == tag)
  }

  @Test func untaggedImageIsAnError() {
    #expect(throws: ImageReferenceError(image: "ghcr.io/fluxcd/source-controller")) {
      try VersionReport.splitImage("ghcr.io/fluxcd/source-controller")
    }
  }

  @Test func formatsLikeFlux() throws {
    var report = VersionReport(client: "v0.1.0", server: "v1.32.6", flux: "v2.9.4", distribution: "flux-v2.9.4")
    try report.addImages(of: [
      ["spec": ["template": ["spec": ["containers": [["image": "ghcr.io/fluxcd/source-controller:v1.9.1"]]]]]],
      ["spec": ["template": ["spec": ["containers": [["image": "ghcr.io/fluxcd/helm-controller:v1.6.3"]]]]]],
    ])
    #expect(report.yaml == """
      tack: v0.1.0
      server: v1.32.6
      flux: v2.9.4
      distribution: flux-v2.9.4
      helm-controller: v1.6.3
      source-controller: v1.9.1

      """)
    let json = try JSON.parse(report.jsonText)
    #expect(json["helm-controller"] == "v1.6.3")
    #expect(report.jsonText.hasPrefix("{\n  \"distribution\": \"flux-v2.9.4\",\n"))
  }
}
