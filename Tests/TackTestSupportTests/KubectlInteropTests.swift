import Foundation
import TackBase
import TackJSON
import TackTesting
import Testing
@testable import TackTestSupport

/// The real kubectl against the test server: proof that it behaves like kube-apiserver where tack
/// relies on it. Skipped (with this reason) when kubectl is not installed.
@Suite(.requires(.kubectl))
struct KubectlInteropTests {
  @Test func apiResourcesListsBuiltinsAndCRDs() async throws {
    let kubectl = try await Kubectl.shared()
    let result = try await kubectl.run(["api-resources"])
    #expect(result.exitCode == 0, "\(result)")
    #expect(result.stdout.contains("gitrepositories"))
    #expect(result.stdout.contains("source.toolkit.fluxcd.io/v1"))
    #expect(result.stdout.contains("canaries"))
    #expect(result.stdout.contains("configmaps"))
    let flux = try await kubectl.run(["api-resources", "--api-group", "kustomize.toolkit.fluxcd.io", "-o", "name"])
    #expect(flux.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "kustomizations.kustomize.toolkit.fluxcd.io")
  }

  @Test func getPrintsServerSideTablesAndFormats() async throws {
    let kubectl = try await Kubectl.shared()
    let ns = try SharedCluster.namespace("get", in: kubectl.cluster)
    var repo = gitRepository("podinfo", namespace: ns)
    repo[path: "metadata", "labels"] = ["team": "a"]
    repo["status"] = ["conditions": [["type": "Ready", "status": "True", "reason": "Succeeded", "message": "stored artifact",
                                      "lastTransitionTime": .string(RFC3339Time.now().rfc3339)]]]
    try kubectl.cluster.store.seed([repo, gitRepository("other", namespace: ns)])

    let table = try await kubectl.run(["get", "gitrepositories", "-n", ns])
    #expect(table.exitCode == 0, "\(table)")
    let lines = table.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first?.split(separator: " ", omittingEmptySubsequences: true).map(String.init) == ["NAME", "URL", "AGE", "READY", "STATUS"])
    #expect(lines.contains { $0.hasPrefix("podinfo") && $0.contains("https://github.com/example/repo") && $0.contains("True") && $0.contains("stored artifact") })

    let json = try await kubectl.run(["get", "gitrepository", "podinfo", "-n", ns, "-o", "json"])
    let object = try JSON.parse(json.stdout)
    #expect(object[path: "spec", "url"] == "https://github.com/example/repo")
    #expect(object["kind"] == "GitRepository")

    let yaml = try await kubectl.run(["get", "gitrepository", "podinfo", "-n", ns, "-o", "yaml"])
    #expect(yaml.stdout.contains("kind: GitRepository"))

    let labelled = try await kubectl.run(["get", "gitrepositories", "-n", ns, "-l", "team=a", "-o", "name"])
    #expect(labelled.stdout == "gitrepository.source.toolkit.fluxcd.io/podinfo\n")
    let fielded = try await kubectl.run(["get", "gitrepositories", "-A", "--field-selector", "metadata.name=other", "-o", "name"])
    #expect(fielded.stdout.contains("gitrepository.source.toolkit.fluxcd.io/other"))

    let all = try await kubectl.run(["get", "gitrepositories", "-A"])
    #expect(all.stdout.hasPrefix("NAMESPACE"))
    #expect(all.stdout.contains(ns))
  }

  @Test func getWatchStreamsNewRows() async throws {
    let kubectl = try await Kubectl.shared()
    let ns = try SharedCluster.namespace("watch", in: kubectl.cluster)
    try kubectl.cluster.store.create(configMap("first", namespace: ns))
    let process = try kubectl.background(["get", "configmaps", "-n", ns, "-w"])
    defer { process.terminate() }
    var seen = await process.waitForLines(2, timeout: .seconds(60))
    try kubectl.cluster.store.create(configMap("second", namespace: ns))
    seen = await process.waitForLines(3, timeout: .seconds(60))
    #expect(seen.first?.hasPrefix("NAME") == true, "\(seen) \(process.stderr)")
    #expect(seen.contains { $0.hasPrefix("first") })
    #expect(seen.contains { $0.hasPrefix("second") }, "\(seen) \(process.stderr)")
  }

  @Test func serverSideApplyConflictsAndForce() async throws {
    let kubectl = try await Kubectl.shared()
    let ns = try SharedCluster.namespace("ssa", in: kubectl.cluster)
    let first = try kubectl.cluster.directory.write("\(ns)-a.yaml", contents: """
      apiVersion: source.toolkit.fluxcd.io/v1
      kind: GitRepository
      metadata:
        name: app
        namespace: \(ns)
      spec:
        interval: 1m
        url: https://github.com/example/app
      """)
    let applied = try await kubectl.run(["apply", "--server-side", "--field-manager", "manager-a", "-f", first])
    #expect(applied.exitCode == 0, "\(applied)")
    #expect(applied.stdout.contains("serverside-applied"))
    let second = try kubectl.cluster.directory.write("\(ns)-b.yaml", contents: """
      apiVersion: source.toolkit.fluxcd.io/v1
      kind: GitRepository
      metadata:
        name: app
        namespace: \(ns)
      spec:
        interval: 5m
        url: https://github.com/example/app
      """)
    let conflict = try await kubectl.run(["apply", "--server-side", "--field-manager", "manager-b", "-f", second])
    #expect(conflict.exitCode == 1)
    #expect(conflict.stderr.contains("Apply failed with 1 conflict: conflict with \"manager-a\": .spec.interval"), "\(conflict)")
    let forced = try await kubectl.run(["apply", "--server-side", "--force-conflicts", "--field-manager", "manager-b", "-f", second])
    #expect(forced.exitCode == 0, "\(forced)")
    let object = try kubectl.cluster.store.get(apiVersion: "source.toolkit.fluxcd.io/v1", kind: "GitRepository", namespace: ns, name: "app")
    #expect(object[path: "spec", "interval"] == "5m")
  }

  @Test func patchAndDelete() async throws {
    let kubectl = try await Kubectl.shared()
    let ns = try SharedCluster.namespace("patch", in: kubectl.cluster)
    try kubectl.cluster.store.create(gitRepository("repo", namespace: ns))
    let merge = try await kubectl.run(["patch", "gitrepository", "repo", "-n", ns, "--type", "merge", "-p", #"{"spec":{"suspend":true}}"#])
    #expect(merge.exitCode == 0, "\(merge)")
    let json = try await kubectl.run(["patch", "gitrepository", "repo", "-n", ns, "--type", "json", "-p", #"[{"op":"replace","path":"/spec/interval","value":"9m"}]"#])
    #expect(json.exitCode == 0, "\(json)")
    let object = try kubectl.cluster.store.get(apiVersion: "source.toolkit.fluxcd.io/v1", kind: "GitRepository", namespace: ns, name: "repo")
    #expect(object[path: "spec", "suspend"] == true)
    #expect(object[path: "spec", "interval"] == "9m")
    let deleted = try await kubectl.run(["delete", "gitrepository", "repo", "-n", ns])
    #expect(deleted.exitCode == 0, "\(deleted)")
    #expect(deleted.stdout.contains("deleted"))
    let missing = try await kubectl.run(["get", "gitrepository", "repo", "-n", ns])
    #expect(missing.exitCode == 1)
    #expect(missing.stderr.contains("gitrepositories.source.toolkit.fluxcd.io \"repo\" not found"))
  }

  @Test func createOfAnInvalidGitRepositoryFailsWithTheRealMessage() async throws {
    let kubectl = try await Kubectl.shared()
    let ns = try SharedCluster.namespace("invalid", in: kubectl.cluster)
    let file = try kubectl.cluster.directory.write("\(ns).yaml", contents: """
      apiVersion: source.toolkit.fluxcd.io/v1
      kind: GitRepository
      metadata:
        name: bad
        namespace: \(ns)
      spec:
        interval: 1m
        url: file:///tmp/repo
      """)
    let result = try await kubectl.run(["create", "-f", file])
    #expect(result.exitCode == 1)
    #expect(result.stderr.contains("spec.url: Invalid value: \"file:///tmp/repo\": spec.url in body should match '^(http|https|ssh)://.*$'"), "\(result)")
  }

  @Test func waitForReadyWhileAControllerWritesStatus() async throws {
    let kubectl = try await Kubectl.shared()
    let ns = try SharedCluster.namespace("wait", in: kubectl.cluster)
    try kubectl.cluster.store.create(gitRepository("slow", namespace: ns))
    let store = kubectl.cluster.store
    let controller = Task {
      try await Task.sleep(for: .milliseconds(700))
      try store.modifyStatus(apiVersion: "source.toolkit.fluxcd.io/v1", kind: "GitRepository", namespace: ns, name: "slow") { status in
        // As source-controller writes it: kubectl wait ignores a condition older than the generation
        // (the CRD defaults status.observedGeneration to -1).
        status["observedGeneration"] = 1
        status["conditions"] = [["type": "Ready", "status": "True", "reason": "Succeeded", "message": "ok",
                                 "observedGeneration": 1, "lastTransitionTime": .string(RFC3339Time.now().rfc3339)]]
      }
    }
    // The timeout is generous because the whole suite runs in parallel on two cores: the controller task
    // can wait seconds for a thread. A server that never delivers the change still fails the test.
    let result = try await kubectl.run(["wait", "--for=condition=Ready", "gitrepository/slow", "-n", ns, "--timeout=120s"], timeout: .seconds(150))
    try await controller.value
    #expect(result.exitCode == 0, "\(result)")
    #expect(result.stdout.contains("condition met"))
  }

  @Test func applyingTheRealFluxCRDsAndObjects() async throws {
    try await withTestCluster { cluster in
      let kubectl = try Kubectl(cluster: cluster)
      let crds = try await kubectl.run(["apply", "--server-side", "-f", ProjectPaths.shared("crds/flux")])
      #expect(crds.exitCode == 0, "\(crds)")
      let established = try await kubectl.run(["wait", "--for=condition=Established", "crd/kustomizations.kustomize.toolkit.fluxcd.io", "--timeout=10s"])
      #expect(established.exitCode == 0, "\(established)")
      let objects = try cluster.directory.write("objects.yaml", contents: """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: flux-system
        ---
        apiVersion: source.toolkit.fluxcd.io/v1
        kind: GitRepository
        metadata:
          name: podinfo
          namespace: flux-system
        spec:
          interval: 1m
          url: https://github.com/stefanprodan/podinfo
          ref:
            branch: master
        ---
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: podinfo
          namespace: flux-system
        spec:
          interval: 10m
          path: ./kustomize
          prune: true
          sourceRef:
            kind: GitRepository
            name: podinfo
        """)
      let applied = try await kubectl.run(["apply", "-f", objects])
      #expect(applied.exitCode == 0, "\(applied)")
      #expect(applied.stdout.contains("kustomization.kustomize.toolkit.fluxcd.io/podinfo created"))
      let again = try await kubectl.run(["apply", "-f", objects])
      #expect(again.stdout.contains("unchanged"), "\(again)")
      let ks = try cluster.store.get(apiVersion: "kustomize.toolkit.fluxcd.io/v1", kind: "Kustomization", namespace: "flux-system", name: "podinfo")
      #expect(ks[path: "metadata", "annotations", "kubectl.kubernetes.io/last-applied-configuration"] != nil)
    }
  }
}

/// Runs the real kubectl against a test cluster with its own discovery cache.
struct Kubectl {
  let cluster: TestCluster
  let kubeconfig: String
  let home: String

  init(cluster: TestCluster) throws {
    self.cluster = cluster
    kubeconfig = try cluster.writeKubeconfig()
    home = try TemporaryDirectory(prefix: "kubectl-home").path
  }

  static let sharedInstance = Task { () throws -> Kubectl in try Kubectl(cluster: try await SharedCluster.get()) }
  static func shared() async throws -> Kubectl { try await sharedInstance.value }

  var environment: [String: String] {
    ["KUBECONFIG": kubeconfig, "HOME": home, "KUBECACHEDIR": home + "/cache", "NO_COLOR": "1"]
  }

  func run(_ arguments: [String], timeout: Duration = .seconds(60)) async throws -> ProcessResult {
    try await ProcessRunner.run("kubectl", arguments, environment: environment, timeout: timeout)
  }

  func background(_ arguments: [String]) throws -> BackgroundProcess {
    try BackgroundProcess("kubectl", arguments, environment: environment)
  }
}
