import Foundation
import TackBase
import TackJSON
import TackTestSupport
import Testing

/// `tack diff ks` in-process against the test API server (server-side apply with `dryRun=All`):
/// no change, new objects, drift, prune, masked secrets, `-o json`, and the exit codes (0 no
/// differences, 1 differences, 2 an error, the specific codes kept). Nothing may be written.
@Suite struct DiffCommandTests {
  typealias W = BuildWorld

  static let diff = ["diff", "ks", "apps", "--path", W.apps]

  /// What kustomize-controller would have applied: `tack build ks` against the cluster, each
  /// object (after `edit`; `.null` leaves it out) applied server-side as the controller, Secret
  /// stringData folded.
  static func deploy(_ cluster: TestCluster, _ env: [String: String], edit: (inout JSON) -> Void = { _ in }) async throws {
    let built = await InProcessTack.run(["build", "ks", "apps", "--path", W.apps], environment: env)
    #expect(built.exitCode == 0, "\(built)")
    for var object in try JSON.parseYAMLDocuments(built.stdout) {
      if let stringData = object["stringData"]?.objectValue {
        var data = object["data"]?.objectValue ?? [:]
        for member in stringData {
          data[member.key] = .string(Base64.encode(Array((member.value.stringValue ?? "").utf8)))
        }
        object["data"] = .object(data)
        object["stringData"] = nil
      }
      edit(&object)
      if object == .null { continue }
      try cluster.store.apply(object, fieldManager: "kustomize-controller", force: true)
    }
  }

  @Test func noChangeExitsZero() async throws {
    try await W.withCluster { cluster, env in
      try await Self.deploy(cluster, env)
      let revision = cluster.store.resourceVersion
      let result = await InProcessTack.run(Self.diff, environment: env)
      #expect(result.exitCode == 0, "\(result)")
      #expect(result.stdout.isEmpty && result.stderr.isEmpty)
      #expect(cluster.store.resourceVersion == revision, "the dry-run wrote nothing")
    }
  }

  @Test func newObjectsAreCreated() async throws {
    try await W.withCluster { cluster, env in
      let revision = cluster.store.resourceVersion
      let result = await InProcessTack.run(Self.diff, environment: env)
      #expect(result.exitCode == 1, "\(result)")
      #expect(cluster.store.resourceVersion == revision, "the dry-run wrote nothing")
      CLIGolden.expect(W.normalised(result), "build/diff-created")
      let alias = await InProcessTack.run(["diff", "kustomization"] + Self.diff.dropFirst(2), environment: env)
      #expect(alias.exitCode == 1 && alias.stdout == result.stdout)
    }
  }

  @Test func driftIsReportedAndSecretsMasked() async throws {
    try await W.withCluster { cluster, env in
      try await Self.deploy(cluster, env) { object in
        switch object["kind"]?.stringValue {
        case "Service": object[path: "spec", "ports"] = [["name": "http", "port": 8080, "targetPort": 8080]]
        case "Secret": object[path: "data", "password"] = .string(Base64.encode(Array("old-value".utf8)))
        default: break
        }
      }
      let revision = cluster.store.resourceVersion
      let result = await InProcessTack.run(Self.diff, environment: env)
      #expect(result.exitCode == 1, "\(result)")
      #expect(cluster.store.resourceVersion == revision, "the dry-run wrote nothing")
      #expect(result.stdout.contains("► Service/apps/web drifted"))
      #expect(result.stdout.contains("► Secret/apps/creds drifted"))
      for secret in ["s3cret-value", "old-value"] {
        #expect(!result.stdout.contains(secret) && !result.stdout.contains(Base64.encode(Array(secret.utf8))))
      }
      CLIGolden.expect(W.normalised(result), "build/diff-drift")
    }
  }

  static var kustomizationWithInventory: JSON {
    var object = W.kustomization
    object["status"] = [
      "inventory": [
        "entries": [
          ["id": "apps_web__Service", "v": "v1"], ["id": "apps_retired__ConfigMap", "v": "v1"],
          ["id": "apps_web_apps_Deployment", "v": "v1"],
        ]
      ]
    ]
    return object
  }

  @Test func prunedObjectsAreListed() async throws {
    try await W.withCluster(kustomization: Self.kustomizationWithInventory) { cluster, env in
      try await Self.deploy(cluster, env)
      let result = await InProcessTack.run(Self.diff, environment: env)
      #expect(result.exitCode == 1, "\(result)")
      #expect(result.stdout == "► ConfigMap/apps/retired deleted\n")
      CLIGolden.expect(W.normalised(result), "build/diff-prune")
    }
  }

  @Test func jsonOutput() async throws {
    try await W.withCluster(kustomization: Self.kustomizationWithInventory) { cluster, env in
      try await Self.deploy(cluster, env) { object in
        if object["kind"] == "Service" { object[path: "spec", "ports"] = [["name": "http", "port": 8080, "targetPort": 8080]] }
        if object["kind"] == "Secret" { object = .null }
      }
      let result = await InProcessTack.run(Self.diff + ["-o", "json"], environment: env)
      #expect(result.exitCode == 1, "\(result)")
      let document = try JSON.parse(result.stdout)
      #expect(document["changed"] == true)
      #expect(document["kustomization"] == "flux-system/apps")
      let actions = document["objects"]?.arrayValue?.map { "\($0["subject"]?.stringValue ?? "") \($0["action"]?.stringValue ?? "")" }
      #expect(actions?.contains("Secret/apps/creds created") == true, "\(actions ?? [])")
      #expect(actions?.contains("Service/apps/web drifted") == true, "\(actions ?? [])")
      #expect(document["pruned"]?.arrayValue?.first?["subject"] == "ConfigMap/apps/retired")
      CLIGolden.expect(W.normalised(result), "build/diff-json")
    }
  }

  @Test func errorsExitTwoAndSpecificCodesStay() async throws {
    // A missing substituteFrom ConfigMap: a generic error, exit 2 (1 would mean "differences").
    try await W.withCluster(extra: []) { _, env in
      let result = await InProcessTack.run(Self.diff, environment: env)
      #expect(result.exitCode == 2, "\(result)")
      CLIGolden.expect(W.normalised(result), "build/diff-error")
    }
    // No such Kustomization: not found keeps 5; with --ignore-not-found the file stands in.
    try await W.withCluster(kustomization: nil) { _, env in
      let missing = await InProcessTack.run(Self.diff, environment: env)
      #expect(missing.exitCode == 5, "\(missing)")
      let assumed = await InProcessTack.run(
        Self.diff + ["--kustomization-file", W.kustomizationFile, "--ignore-not-found"], environment: env)
      #expect(assumed.stdout.contains("► Deployment/apps/web created"), "\(assumed)")
      // substituteFrom still needs its ConfigMap here; the world seeds it.
      #expect(assumed.exitCode == 1, "\(assumed)")
    }
    // A usage error keeps 64.
    let usage = await InProcessTack.run(Self.diff + ["--ignore-not-found"])
    #expect(usage.exitCode == 64, "\(usage)")
  }

  @Test func aFailedDryRunIsReportedPerObjectAndExitsTwo() async throws {
    // The target namespace does not exist: every namespaced object's dry-run fails.
    var kustomization = W.kustomization
    kustomization[path: "spec", "targetNamespace"] = "missing"
    try await W.withCluster(kustomization: kustomization) { _, env in
      let result = await InProcessTack.run(Self.diff, environment: env)
      #expect(result.exitCode == 2, "\(result)")
      #expect(result.stderr.contains("not found"), "\(result.stderr)")
      CLIGolden.expect(W.normalised(result), "build/diff-dry-run-failed")
    }
  }
}
