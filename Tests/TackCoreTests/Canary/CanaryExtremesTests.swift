import TackBase
import TackCore
import TackJSON
import Testing

/// Canaries whose numbers sit at the ends of Int64 (the CRD accepts them): each case trapped
/// (SIGILL) or looped without end before the arithmetic saturated.
@Suite(.timeLimit(.minutes(1))) struct CanaryExtremesTests {
  static func progress(_ text: String) throws -> CanaryProgress {
    CanaryProgress(canary: try JSON.parse(text))
  }

  @Test func weightLaddersEndWhateverTheWeights() {
    let huge = CanaryAnalysis(json: try! JSON.parse(#"{"maxWeight": 9223372036854775807, "stepWeight": 9223372036854775807}"#))
    #expect(CanaryProgress.weightLadder(huge) == [100])
    let above = CanaryAnalysis(json: ["maxWeight": 150, "stepWeight": 40])
    #expect(CanaryProgress.weightLadder(above) == [40, 80, 100])
    let minimum = CanaryAnalysis(json: try! JSON.parse(#"{"stepWeights": [10, -9223372036854775808, 50]}"#))
    #expect(CanaryProgress.weightLadder(minimum) == [10])
    #expect(CanaryProgress.nextStepWeight(minimum, weight: Int.min) == Int.max)
    #expect(CanaryProgress.nextStepWeight(minimum, weight: 10) == Int.min)
    let negative = CanaryAnalysis(json: try! JSON.parse(#"{"maxWeight": -9223372036854775808, "stepWeight": -9223372036854775808}"#))
    #expect(CanaryProgress.weightLadder(negative) == [])
  }

  @Test func iterationsAtIntMaxGiveAnInfiniteETA() throws {
    let p = try Self.progress(
      #"{"spec": {"analysis": {"interval": "1m", "iterations": 9223372036854775807}}, "status": {"phase": "Progressing", "iterations": 3}}"#)
    #expect(p.stepText == "3/9223372036854775807")
    #expect(p.eta == .max)
    #expect(p.bar(width: 10) == "░░░░░░░░░░")
  }

  @Test func countsFromTheStatusDoNotWrap() throws {
    let p = try Self.progress(
      #"{"spec": {"analysis": {"threshold": 9223372036854775807, "stepWeight": 10}}, "status": {"phase": "Progressing", "failedChecks": -9223372036854775808, "canaryWeight": 9223372036854775807}}"#)
    #expect(p.checksBeforeRollback == Int.max)
    #expect(p.failedText == "-9223372036854775808/9223372036854775807")
    #expect(p.stepText == "10/10")
    #expect(p.bar(width: 4) == "████")
  }

  @Test func aLongIntervalTimesTheTicksLeftSaturates() throws {
    let p = try Self.progress(
      #"{"spec": {"analysis": {"interval": "153722867m", "stepWeight": 10, "maxWeight": 50}}, "status": {"phase": "Progressing"}}"#)
    #expect(p.interval.description == "2562047h47m0s")
    #expect(p.eta == .max)
    #expect(HumanDuration.short(seconds: p.eta?.seconds ?? 0) == "∞")
  }
}
