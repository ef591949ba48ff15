import TackBase
import Testing

@Suite struct ExitStatusTests {
  @Test func codesAreTheDocumentedOnes() {
    #expect(ExitStatus.allCases.map(\.rawValue) == [0, 1, 2, 3, 4, 5, 64, 130, 141])
  }

  @Test func worstOutcomeWins() {
    #expect([ExitStatus.success, .notFound, .resourceFailed].max() == .resourceFailed)
    #expect([ExitStatus.resourceFailed, .timedOut].max() == .timedOut)
    #expect([ExitStatus.timedOut, .failure].max() == .failure)
  }
}
