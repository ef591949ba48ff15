import Foundation
import TackJSON
import TackTesting
import TackTestSupport
import Testing

/// `tack get` against the test API server with the real Flux and Flagger CRDs and objects whose
/// status is filled in (no controllers run), compared with golden files and with the real
/// kubectl's output. Commands run in-process; the missing-CRD case (exit 5) and the watches
/// (Ctrl-C, exit 130) run the built binary.
@Suite struct GetCommandTests {
  /// The shared get fixtures (`Tests/TackCoreTests/Get/Fixtures/objects.yaml`) as served objects.
  static let fixtureObjects: [JSON] = {
    let path = CLIPaths.projectRoot + "/Tests/TackCoreTests/Get/Fixtures/objects.yaml"
    let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    return ((try? JSON.parseYAMLDocuments(text)) ?? []).map { object in
      var copy = object
      copy[path: "metadata", "creationTimestamp"] = nil
      return copy
    }
  }()

  /// A cluster with the CRDs, the namespaces `flux-system`, `apps` and `empty`, a Secret, and every
  /// fixture object; `body` gets the cluster and an admin kubeconfig.
  static func withSeededCluster(_ body: (TestCluster, String) async throws -> Void) async throws {
    try await withTestCluster { cluster in
      try cluster.installCRDs(.all)
      var objects: [JSON] = ["flux-system", "apps", "empty"].map {
        ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string($0)]]
      }
      objects.append([
        "apiVersion": "v1", "kind": "Secret", "type": "Opaque",
        "metadata": ["name": "podinfo-auth", "namespace": "flux-system"],
        "data": ["username": "Z2l0", "password": "czNjcjN0"],
      ])
      try cluster.store.seed(objects + fixtureObjects)
      try await body(cluster, try cluster.writeKubeconfig())
    }
  }

  static let nouns: [[String]] = [
    ["sources", "git"], ["sources", "oci"], ["sources", "helm"], ["sources", "chart"], ["sources", "bucket"],
    ["sources", "external"], ["kustomizations"], ["helmreleases"], ["alerts"], ["alert-providers"], ["receivers"],
    ["images", "repository"], ["images", "policy"], ["images", "update"], ["artifacts", "generators"],
    ["canaries"], ["metrictemplates"], ["alertproviders"],
  ]

  @Test func everyNounNamespacedAllNamespacesAndEmpty() async throws {
    try await Self.withSeededCluster { _, kubeconfig in
      let env = ["KUBECONFIG": kubeconfig]
      for noun in Self.nouns {
        let name = "get/" + noun.joined(separator: "-")
        CLIGolden.expect(await InProcessTack.run(["get"] + noun, environment: env), name)
        CLIGolden.expect(await InProcessTack.run(["get"] + noun + ["-A"], environment: env), name + "-A")
        let empty = await InProcessTack.run(["get"] + noun + ["-n", "empty"], environment: env)
        #expect(empty.exitCode == 5, "\(noun): \(empty)")
        #expect(empty.stdout.isEmpty)
        CLIGolden.expect(empty, name + "-empty")
      }
    }
  }

  @Test func aliasesPrintTheSameTables() async throws {
    try await Self.withSeededCluster { _, kubeconfig in
      let env = ["KUBECONFIG": kubeconfig]
      let pairs: [([String], [String])] = [
        (["ks"], ["kustomizations"]), (["kustomization"], ["kustomizations"]), (["hr"], ["helmreleases"]),
        (["source", "git"], ["sources", "git"]), (["image", "policy"], ["images", "policy"]),
        (["canary"], ["canaries"]), (["alert-provider"], ["alert-providers"]), (["artifact", "generator"], ["artifacts", "generators"]),
      ]
      for (alias, noun) in pairs {
        let a = await InProcessTack.run(["get"] + alias, environment: env)
        let b = await InProcessTack.run(["get"] + noun, environment: env)
        #expect(a.exitCode == 0 && a.stdout == b.stdout, "\(alias) vs \(noun): \(a)")
      }
    }
  }

  @Test func selectorsNamesAndFlags() async throws {
    try await Self.withSeededCluster { _, kubeconfig in
      let env = ["KUBECONFIG": kubeconfig]
      let cases: [([String], String)] = [
        (["get", "sources", "git", "--status-selector", "ready!=true"], "get/status-not-ready"),
        (["get", "sources", "git", "--status-selector", "Ready=True", "-A"], "get/status-ready-A"),
        (["get", "sources", "git", "-l", "sharding.fluxcd.io/key=shard1"], "get/label-shard1"),
        (["get", "ks", "apps"], "get/ks-by-name"),
        (["get", "ks", "nope"], "get/ks-name-not-found"),
        (["get", "ks", "--show-source"], "get/ks-show-source"),
        (["get", "hr", "--show-source", "--no-header"], "get/hr-show-source-no-header"),
        (["get", "sources", "git", "--status-selector", "Stalled=True"], "get/status-no-match"),
        (["get", "all"], "get/all"),
        (["get", "all", "-A", "--status-selector", "ready=false"], "get/all-A-not-ready"),
        (["get", "all", "-n", "empty"], "get/all-empty"),
        (["get", "sources", "all"], "get/sources-all"),
        (["get", "images", "all", "-A"], "get/images-all-A"),
        (["get", "all", "--watch"], "get/all-watch"),
        (["get", "ks", "-n", "Not_A_Label"], "get/bad-namespace"),
      ]
      for (arguments, golden) in cases {
        CLIGolden.expect(await InProcessTack.run(arguments, environment: env), golden)
      }
    }
  }

  @Test func namespaceDefaultsFollowFlux() async throws {
    try await Self.withSeededCluster { cluster, _ in
      let kubeconfig = try cluster.writeKubeconfig(namespace: "apps")
      let fromEnv = await InProcessTack.run(
        ["get", "sources", "git"], environment: ["KUBECONFIG": kubeconfig, "FLUX_SYSTEM_NAMESPACE": "apps"])
      #expect(fromEnv.stdout.contains("infra"), "\(fromEnv)")
      let defaultNamespace = await InProcessTack.run(["get", "sources", "git"], environment: ["KUBECONFIG": kubeconfig])
      #expect(defaultNamespace.stdout.contains("podinfo") && !defaultNamespace.stdout.contains("infra"), "\(defaultNamespace)")
      let follows = await InProcessTack.run(
        ["get", "sources", "git", "--ns-follows-kube-context"], environment: ["KUBECONFIG": kubeconfig])
      #expect(follows.stdout.contains("infra"), "\(follows)")
      let followsEnv = await InProcessTack.run(
        ["get", "sources", "git"], environment: ["KUBECONFIG": kubeconfig, "FLUX_NS_FOLLOWS_KUBE_CONTEXT": "1"])
      #expect(followsEnv.stdout.contains("infra"), "\(followsEnv)")
      let invalid = await InProcessTack.run(
        ["get", "sources", "git"], environment: ["KUBECONFIG": kubeconfig, "FLUX_SYSTEM_NAMESPACE": "Bad_NS"])
      #expect(invalid.stderr.contains("ignoring FLUX_SYSTEM_NAMESPACE"), "\(invalid)")
      #expect(invalid.stdout.contains("podinfo"))
    }
  }

  @Test func missingCRDIsNamedClearly() async throws {
    try await withTestCluster { cluster in
      try cluster.installCRDs(.flux)
      try cluster.store.seed([["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "flux-system"]]])
      let kubeconfig = try cluster.writeKubeconfig()
      let result = try await TackProcess.run(["get", "canaries"], environment: ["KUBECONFIG": kubeconfig])
      CLIGolden.expect(result, "get/canaries-no-crd")
      #expect(result.exitCode == 5)
      let all = try await TackProcess.run(["get", "all", "-A"], environment: ["KUBECONFIG": kubeconfig])
      #expect(all.exitCode == 0, "\(all)")
      #expect(all.stderr.isEmpty, "missing CRDs are skipped silently: \(all)")
    }
  }

  /// `-o json|yaml|name` parse back to the served objects, and match kubectl's printer.
  @Test(.requires(.kubectl)) func machineReadableOutputsMatchTheServerAndKubectl() async throws {
    try await Self.withSeededCluster { cluster, kubeconfig in
      let env = ["KUBECONFIG": kubeconfig]
      let kinds: [([String], String, String, String)] = [
        (["ks"], "kustomizations.kustomize.toolkit.fluxcd.io", "kustomize.toolkit.fluxcd.io/v1", "Kustomization"),
        (["sources", "git"], "gitrepositories.source.toolkit.fluxcd.io", "source.toolkit.fluxcd.io/v1", "GitRepository"),
        (["canaries"], "canaries.flagger.app", "flagger.app/v1beta1", "Canary"),
        (["hr"], "helmreleases.helm.toolkit.fluxcd.io", "helm.toolkit.fluxcd.io/v2", "HelmRelease"),
      ]
      for (noun, resource, apiVersion, kind) in kinds {
        let served = try cluster.store.list(apiVersion: apiVersion, kind: kind).map { object -> JSON in
          var copy = object
          copy[path: "metadata", "managedFields"] = nil
          return copy
        }
        for format in ["json", "yaml"] {
          let tack = await InProcessTack.run(["get"] + noun + ["-A", "-o", format], environment: env)
          #expect(tack.exitCode == 0, "\(tack)")
          let parsed = format == "json" ? try JSON.parse(tack.stdout) : try JSON.parseYAML(tack.stdout)
          #expect(parsed["kind"] == "List")
          #expect(parsed["items"]?.arrayValue == served, "\(noun) -o \(format) does not match the served objects")
          if let kubectl = Oracle.kubectl.path {
            let reference = try await TackProcess.run(
              executable: kubectl, ["get", resource, "-A", "-o", format], environment: env)
            #expect(reference.exitCode == 0, "\(reference)")
            if tack.stdout != reference.stdout {
              let diff = GoldenFile.lineDiff(expected: reference.stdout, actual: tack.stdout)
              Issue.record(Comment(rawValue: "tack get \(noun.joined(separator: " ")) -o \(format) differs from kubectl:\n\(diff)"))
            }
          }
        }
        let names = await InProcessTack.run(["get"] + noun + ["-A", "-o", "name"], environment: env)
        if let kubectl = Oracle.kubectl.path {
          let reference = try await TackProcess.run(executable: kubectl, ["get", resource, "-A", "-o", "name"], environment: env)
          #expect(names.stdout == reference.stdout)
        }
        let lines = await InProcessTack.run(["get"] + noun + ["-A", "-o", "jsonl"], environment: env)
        let rows = try lines.stdout.split(separator: "\n").map { try JSON.parse(String($0)) }
        #expect(rows.count == served.count)
        #expect(rows.map { $0["name"] } == served.map { $0[path: "metadata", "name"] })
      }
      CLIGolden.expect(await InProcessTack.run(["get", "all", "-o", "jsonl"], environment: env), "get/all-jsonl")
      let empty = await InProcessTack.run(["get", "ks", "-n", "empty", "-o", "json"], environment: env)
      #expect(empty.exitCode == 5)
      #expect(try JSON.parse(empty.stdout)["items"] == .array([]))
    }
  }

  /// `--watch`: the header once, rows at fixed widths, a wider row re-prints the header, Ctrl-C
  /// ends it with 130.
  @Test func watchPrintsRowsAsObjectsChange() async throws {
    try await Self.withSeededCluster { cluster, kubeconfig in
      let watch = try TackProcess.background(["get", "ks", "-w"], environment: ["KUBECONFIG": kubeconfig])
      let initial = await watch.waitForLines(3)
      // The watch must be running before anything changes; a slow start fails here, not later.
      try #require(initial.count == 3, "\(initial) \(watch.stderr)")
      _ = try cluster.store.patch(
        apiVersion: "kustomize.toolkit.fluxcd.io/v1", kind: "Kustomization", namespace: "flux-system", name: "apps",
        patch: ["status": ["conditions": [["type": "Ready", "status": "Unknown", "reason": "Progressing",
          "message": "Reconciliation in progress", "lastTransitionTime": "2026-08-07T17:00:00Z"]]]],
        subresource: "status")
      let changed = await watch.waitForLines(4)
      #expect(changed.count == 4, "\(changed) \(watch.stderr)")
      var long = Self.fixtureObjects.first { $0["kind"] == "Kustomization" }!
      long[path: "metadata", "name"] = "a-much-longer-kustomization-name-than-before"
      _ = try cluster.store.create(long)
      let widened = await watch.waitForLines(6)
      #expect(widened.count == 6, "\(widened) \(watch.stderr)")
      watch.interrupt()
      #expect(await watch.exitCode() == 130)
      CLIGolden.expect(widened.joined(separator: "\n") + "\n", file: "get/watch-ks.stdout")
      if widened.count == 6 {
        #expect(widened[4].hasPrefix("NAME"))
        let cells = { (line: String) in line.split(separator: "\t", omittingEmptySubsequences: false).map(\.count) }
        #expect(cells(widened[1]) == cells(widened[3]), "rows before a widening keep the initial widths")
      }
    }
  }

  @Test func watchStreamsJSONLines() async throws {
    try await Self.withSeededCluster { cluster, kubeconfig in
      let watch = try TackProcess.background(["get", "ks", "-w", "-o", "jsonl"], environment: ["KUBECONFIG": kubeconfig])
      let started = await watch.waitForLines(2)
      try #require(started.count == 2, "\(started) \(watch.stderr)")
      _ = try cluster.store.patch(
        apiVersion: "kustomize.toolkit.fluxcd.io/v1", kind: "Kustomization", namespace: "flux-system", name: "apps",
        patch: ["spec": ["suspend": false]])
      let lines = await watch.waitForLines(3)
      watch.interrupt()
      #expect(await watch.exitCode() == 130)
      let last = try JSON.parse(try #require(lines.last))
      #expect(last["name"] == "apps")
      #expect(last["suspended"] == JSON.bool(false))
    }
  }
}
