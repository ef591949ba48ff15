import Foundation
import TackTesting
import TackTestSupport
import Testing

/// `tack kustomize DIR` in-process on corpus trees of the engine's tests, compared byte for byte
/// with `kubectl kustomize DIR` run now (not with the recorded output).
@Suite struct KustomizeCommandTests {
  static let corpus = CLIPaths.projectRoot + "/Tests/TackKustomizeTests/Fixtures/corpus"

  static func root(_ name: String) -> String {
    let directory = corpus + "/" + name
    if let data = FileManager.default.contents(atPath: directory + "/build-root.txt") {
      return directory + "/" + String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
    return directory
  }

  static let cases = [
    "01-single-configmap", "11-base-overlay-prefix-suffix", "16-configmap-generator", "20-name-references",
    "23-smp-builtin-merge", "29-components", "30-replacements", "38-nested-three-levels", "44-service-references-webhooks",
  ]

  @Test(arguments: cases)
  func matchesKubectl(_ name: String) async throws {
    let kubectl = try Oracle.require(.kubectl)
    let tack = await InProcessTack.run(["kustomize", Self.root(name)])
    let reference = try await ProcessRunner.run(kubectl, ["kustomize", Self.root(name)], timeout: .seconds(120))
    #expect(reference.exitCode == 0, "\(reference)")
    #expect(tack.exitCode == 0, "\(tack)")
    #expect(tack.stderr.isEmpty)
    #expect(!tack.stdout.isEmpty)
    if tack.stdout != reference.stdout {
      Issue.record(Comment(rawValue: "\(name):\n" + GoldenFile.lineDiff(expected: reference.stdout, actual: tack.stdout)))
    }
  }

  @Test func brokenTreesFailWithTheFileAndRule() async throws {
    let kubectl = try Oracle.require(.kubectl)
    for name in ["e07-missing-resource-file", "e10-duplicate-id"] {
      let tack = await InProcessTack.run(["kustomize", Self.root(name)])
      let reference = try await ProcessRunner.run(kubectl, ["kustomize", Self.root(name)], timeout: .seconds(120))
      #expect(reference.exitCode != 0)
      #expect(tack.exitCode == 1, "\(name): \(tack)")
      #expect(tack.stdout.isEmpty)
      #expect(tack.stderr.hasPrefix("✗ "), "\(tack.stderr)")
    }
    let missing = await InProcessTack.run(["kustomize", Self.corpus + "/no-such-case"])
    #expect(missing.exitCode == 1)
    #expect(missing.stderr.contains("no-such-case"))
  }
}
