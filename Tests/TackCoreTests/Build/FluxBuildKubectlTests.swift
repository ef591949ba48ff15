import TackCore
import TackJSON
import TackKustomize
import TackTesting
import TackTestSupport
import Testing

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The Flux layer's kustomize stage against the oracle: the generated (or rewritten)
/// kustomization.yaml is written next to the sources and built with `kubectl kustomize`; its
/// objects must equal the pipeline's before Flux's own labels.
@Suite(.requires(.kubectl)) struct FluxBuildKubectlTests {
  func compare(_ tree: InMemoryFileSystem, spec: String, directory: String) async throws {
    let kustomization = try BuildFixtures.kustomization(spec)
    let build = try FluxBuild(tree: tree, directory: directory, kustomization: kustomization).run()

    let temporary = try TemporaryDirectory(prefix: "tack-flux-build")
    defer { temporary.remove() }
    for (path, bytes) in tree.files {
      let target = temporary.path + path
      try FileManager.default.createDirectory(
        atPath: String(target[..<target.lastIndex(of: "/")!]), withIntermediateDirectories: true)
      try Data(bytes).write(to: URL(fileURLWithPath: target))
    }
    try Data(build.kustomization.yaml.utf8).write(to: URL(fileURLWithPath: temporary.path + build.kustomization.path))
    let result = try await ProcessRunner.run(
      "kubectl", ["kustomize", "--load-restrictor", "LoadRestrictionsNone", temporary.path + directory], timeout: .seconds(120))
    #expect(result.exitCode == 0, "\(result.stderr)")
    let expected = try KustomizeYAML.decodeYAML11(result.stdout, file: "kubectl").compactMap { $0 }

    let ours = build.objects.map { object -> JSON in
      var copy = object
      var labels = copy[path: "metadata", "labels"]?.objectValue ?? [:]
      labels[FluxBuild.nameLabel] = nil
      labels[FluxBuild.namespaceLabel] = nil
      copy[path: "metadata", "labels"] = labels.isEmpty ? nil : .object(labels)
      return copy
    }
    // kubectl sorts (legacy order); Flux keeps kustomize's accumulation order.
    func key(_ object: JSON) -> String { KustomizeYAML.document(object) }
    #expect(ours.map(key).sorted() == expected.map(key).sorted())
    #expect(ours.count == expected.count)
  }

  @Test func generatedKustomizationBuildsTheSameWithKubectl() async throws {
    try await compare(BuildFixtures.generatedTree, spec: BuildFixtures.minimalKustomization, directory: "/repo/apps")
  }

  @Test func rewrittenKustomizationBuildsTheSameWithKubectl() async throws {
    let spec = FluxBuildTests.overlaySpec.replacing(
      "  commonMetadata:\n    labels:\n      team: platform\n    annotations:\n      owner: sre@example.com\n", with: "")
    #expect(spec != FluxBuildTests.overlaySpec)
    try await compare(FluxBuildTests.overlayTree, spec: spec, directory: "/repo/apps")
  }
}
