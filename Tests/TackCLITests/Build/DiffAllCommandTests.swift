import Foundation
import TackBase
import TackJSON
import TackTestSupport
import Testing

/// `tack diff ks --all --path-root DIR`: every Kustomization whose GitRepository is the checkout's
/// origin (or the `--source` ones), built from `DIR/spec.path` and diffed, with a summary; the exit
/// status says the worst of them (2 an error, 1 a change, 0 none). Nothing is written.
@Suite struct DiffAllCommandTests {
  typealias W = BuildWorld

  /// A checkout of `fleet` with the fixture `apps` tree and an `infra` directory, its origin remote
  /// written as a scp-like SSH address (the cluster's GitRepository says https).
  static func withCheckout(_ body: (String) async throws -> Void) async throws {
    let directory = try TemporaryDirectory(prefix: "tack-diff-all")
    defer { directory.remove() }
    let root = directory.path + "/fleet"
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    try ProcessRunner.output(["cp", "-R", W.apps, root + "/apps"])
    try FileManager.default.createDirectory(atPath: root + "/infra", withIntermediateDirectories: true)
    _ = try directory.write(
      "fleet/infra/settings.yaml",
      contents: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: platform\n  namespace: apps\ndata:\n  tier: gold\n")
    try ProcessRunner.output(["git", "init", "--quiet", root])
    try ProcessRunner.output(["git", "remote", "add", "origin", "git@github.com:acme/fleet.git"], in: root)
    try await body(root)
  }

  static func gitRepository(_ name: String, url: String) -> JSON {
    [
      "apiVersion": "source.toolkit.fluxcd.io/v1", "kind": "GitRepository",
      "metadata": ["name": .string(name), "namespace": "flux-system"],
      "spec": ["url": .string(url), "interval": "1m", "ref": ["branch": "main"]],
    ]
  }

  static func kustomization(_ name: String, path: String, source: String) -> JSON {
    [
      "apiVersion": "kustomize.toolkit.fluxcd.io/v1", "kind": "Kustomization",
      "metadata": ["name": .string(name), "namespace": "flux-system"],
      "spec": [
        "interval": "10m", "path": .string(path), "prune": true,
        "sourceRef": ["kind": "GitRepository", "name": .string(source)],
      ],
    ]
  }

  /// The fixture's `apps` plus `infra` (same source), and `other` from another repository.
  static let world: [JSON] =
    W.variables + [
      gitRepository("fleet", url: "https://github.com/acme/fleet"),
      gitRepository("elsewhere", url: "https://github.com/acme/other"),
      kustomization("infra", path: "./infra", source: "fleet"),
      kustomization("other", path: "./missing", source: "elsewhere"),
    ]

  @Test func diffsEveryKustomizationOfTheCheckout() async throws {
    try await Self.withCheckout { root in
      try await W.withCluster(extra: Self.world) { cluster, env in
        try await DiffCommandTests.deploy(cluster, env)
        let revision = cluster.store.resourceVersion
        let result = await InProcessTack.run(["diff", "ks", "--all", "--path-root", root], environment: env)
        #expect(result.exitCode == 1, "\(result)")
        #expect(cluster.store.resourceVersion == revision, "the dry-runs wrote nothing")
        #expect(result.stdout.contains("Kustomization flux-system/apps (./apps): no changes\n"), "\(result.stdout)")
        #expect(result.stdout.contains("► ConfigMap/apps/platform created"), "\(result.stdout)")
        #expect(!result.stdout.contains("flux-system/other"), "another repository's Kustomization was diffed")
        CLIGolden.expect(result, "build/diff-all")

        let json = await InProcessTack.run(["diff", "ks", "--all", "--path-root", root, "-o", "json"], environment: env)
        #expect(json.exitCode == 1, "\(json)")
        let document = try JSON.parse(json.stdout)
        #expect(document["sources"] == ["GitRepository/flux-system/fleet"])
        #expect(document["changed"] == true)
        #expect(document["failed"] == 0)
        let results = document["kustomizations"]?.arrayValue?.map {
          "\($0["kustomization"]?.stringValue ?? "") \($0["result"]?.stringValue ?? "")"
        }
        #expect(results == ["flux-system/apps unchanged", "flux-system/infra changed"])
      }
    }
  }

  @Test func noChangeAnywhereExitsZero() async throws {
    try await Self.withCheckout { root in
      let world = W.variables + [Self.gitRepository("fleet", url: "ssh://git@github.com/acme/fleet")]
      try await W.withCluster(extra: world) { cluster, env in
        try await DiffCommandTests.deploy(cluster, env)
        let result = await InProcessTack.run(["diff", "ks", "--all", "--path-root", root], environment: env)
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stdout.hasPrefix("Kustomization flux-system/apps (./apps): no changes\n"), "\(result.stdout)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
      }
    }
  }

  @Test func aKustomizationThatCannotBeBuiltIsReportedAndExitsTwo() async throws {
    try await Self.withCheckout { root in
      try await W.withCluster(extra: Self.world) { _, env in
        let result = await InProcessTack.run(
          ["diff", "ks", "--all", "--path-root", root, "--source", "GitRepository/elsewhere.flux-system"], environment: env)
        #expect(result.exitCode == 2, "\(result)")
        #expect(result.stdout.contains("Kustomization flux-system/other (./missing): error"), "\(result.stdout)")
        #expect(result.stdout.contains("invalid resource path"), "\(result.stdout)")
        #expect(result.stderr.contains("1 of 1 Kustomizations could not be diffed"), "\(result.stderr)")
      }
    }
  }

  @Test func theSourceMustBeKnown() async throws {
    try await Self.withCheckout { root in
      try await W.withCluster(extra: W.variables) { _, env in
        let unmatched = await InProcessTack.run(["diff", "ks", "--all", "--path-root", root], environment: env)
        #expect(unmatched.exitCode == 5, "\(unmatched)")
        #expect(unmatched.stderr.contains("no GitRepository in the cluster points at git@github.com:acme/fleet.git"))
        let notACheckout = await InProcessTack.run(["diff", "ks", "--all", "--path-root", "/"], environment: env)
        #expect(notACheckout.exitCode == 64, "\(notACheckout)")
        #expect(notACheckout.stderr.contains("--source"), "\(notACheckout)")
      }
    }
  }

  @Test(arguments: [
    (["diff", "ks", "apps", "--all", "--path-root", "."], "drop the name"),
    (["diff", "ks", "--all"], "--all needs --path-root"),
    (["diff", "ks", "--all", "--path-root", ".", "--path", "."], "not --path"),
    (["diff", "ks", "apps", "--path", ".", "--path-root", "."], "--path-root goes with --all"),
    (["diff", "ks", "--all", "--path-root", ".", "--source", "OCIRepository/x"], "only GitRepository"),
    (["diff", "ks", "--path", "."], "name is required"),
    (["build", "ks", "apps"], "--path is required"),
  ])
  func flagMistakesAreUsageErrors(_ arguments: [String], _ message: String) async {
    let result = await InProcessTack.run(arguments)
    #expect(result.exitCode == 64, "\(result)")
    #expect(result.stderr.contains(message), "\(result.stderr)")
  }
}
