import Foundation
import TackKustomize
import TackTesting
import TackTestSupport
import Testing

/// Every corpus case built by the engine, compared byte for byte with kubectl's recorded output
/// (or, for a failure case, with tack's recorded message); then the recordings against kubectl.
@Suite struct CorpusTests {
  @Test func corpusIsLargeEnough() {
    #expect(Corpus.caseNames.count >= 40, "\(Corpus.caseNames.count) cases")
    #expect(Corpus.caseNames.filter(Corpus.expectsFailure).count >= 10)
  }

  @Test(arguments: Corpus.caseNames)
  func engineMatchesRecordedOutput(_ name: String) throws {
    let root = Corpus.root(of: name)
    let engine = KustomizeEngine(fileSystem: DiskFileSystem())
    if Corpus.expectsFailure(name) {
      do {
        let output = try engine.render(root: root)
        Issue.record("expected a failure, got:\n\(output)")
      } catch {
        try GoldenFile.verify(error.description + "\n", at: Corpus.expectedErrorPath(name))
      }
      return
    }
    let output = try engine.render(root: root)
    if GoldenFile.isRecording && !FileManager.default.fileExists(atPath: Corpus.expectedOutputPath(name)) {
      // expected.yaml comes from kubectl (see kubectlMatchesRecordedOutput); nothing to compare yet.
      return
    }
    try GoldenFile.verify(output, at: Corpus.expectedOutputPath(name), recording: false)
  }

  /// The same trees read from memory instead of the disk.
  @Test(arguments: Corpus.caseNames.filter { !Corpus.expectsFailure($0) })
  func inMemoryBuildMatchesDisk(_ name: String) throws {
    let fileSystem = try Corpus.inMemoryFileSystem(name)
    let memory = try KustomizeEngine(fileSystem: fileSystem).render(root: Corpus.root(of: name))
    let disk = try KustomizeEngine(fileSystem: DiskFileSystem()).render(root: Corpus.root(of: name))
    #expect(memory == disk)
  }

  @Test(.requires(.kubectl), arguments: Corpus.caseNames)
  func kubectlMatchesRecordedOutput(_ name: String) async throws {
    // `kubectl kustomize` is kustomize v5.5 in kubectl 1.32.
    let result = try await ProcessRunner.run("kubectl", ["kustomize", Corpus.root(of: name)], timeout: .seconds(120))
    if !Corpus.kubectlBuilds(name) {
      #expect(result.exitCode != 0, "kubectl built a case tack must refuse:\n\(result.stdout)")
      return
    }
    #expect(result.exitCode == 0, "\(result)")
    if Corpus.expectsFailure(name) { return }
    try GoldenFile.verify(result.stdout, at: Corpus.expectedOutputPath(name))
  }
}
