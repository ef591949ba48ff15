import TackCore
import TackJSON
import Testing

@Suite struct CanaryProgressTests {
  func canary(analysis: JSON?, status: JSON = [:], spec extra: JSON = [:]) -> JSON {
    var spec: JSON = ["targetRef": ["kind": "Deployment", "name": "podinfo"]]
    if let analysis { spec["analysis"] = analysis }
    for member in extra.objectValue ?? [:] { spec[member.key] = member.value }
    return ["spec": spec, "status": status]
  }

  @Test func stepWeightLadderCapsAtMaxWeight() {
    let progress = CanaryProgress(
      canary: canary(analysis: ["stepWeight": 20, "maxWeight": 50, "threshold": 3],
        status: ["phase": "Progressing", "canaryWeight": 40, "failedChecks": 1]))
    #expect(progress.strategy == .canary)
    #expect(progress.weightLadder == [20, 40, 50])
    #expect(progress.stepText == "2/3")
    #expect(progress.failedText == "1/3")
    #expect(!progress.thresholdReached)
  }

  @Test func explicitStepWeights() {
    let progress = CanaryProgress(
      canary: canary(analysis: ["stepWeights": [1, 5, 10, 50]], status: ["phase": "Progressing", "canaryWeight": 10]))
    #expect(progress.maxWeight == 50)
    #expect(progress.stepText == "3/4")
    #expect(progress.failedText == "0/1")
  }

  @Test func stepWeightWinsOverStepWeights() {
    let progress = CanaryProgress(
      canary: canary(analysis: ["stepWeight": 25, "stepWeights": [1, 2]], status: ["phase": "Progressing", "canaryWeight": 25]))
    #expect(progress.weightLadder == [25, 50, 75, 100])
    #expect(progress.stepText == "1/4")
  }

  @Test(arguments: [
    ("", "0/5"), ("Initialized", "0/5"), ("Progressing", "2/5"), ("WaitingPromotion", "5/5"),
    ("Promoting", "5/5"), ("Finalising", "5/5"), ("Succeeded", "5/5"), ("Failed", "0/5"), ("SomethingNew", "2/5"),
  ])
  func stepFollowsThePhase(_ phase: String, _ expected: String) {
    // Flagger zeroes canaryWeight outside Progressing/Waiting/Promoting; the phase tells the truth.
    let weight = ["Progressing", "SomethingNew"].contains(phase) ? 20 : 0
    let progress = CanaryProgress(
      canary: canary(analysis: ["stepWeight": 10, "maxWeight": 50], status: ["phase": .string(phase), "canaryWeight": .int(weight)]))
    #expect(progress.stepText == expected)
  }

  @Test func blueGreenCountsIterations() {
    let progress = CanaryProgress(
      canary: canary(analysis: ["iterations": 10, "threshold": 2], status: ["phase": "Progressing", "iterations": 4, "failedChecks": 2]))
    #expect(progress.strategy == .blueGreen)
    #expect(progress.stepText == "4/10")
    #expect(progress.thresholdReached)
    // Pinned to iterations-1 while waiting for promotion; all done as far as the user cares.
    let waiting = CanaryProgress(
      canary: canary(analysis: ["iterations": 10], status: ["phase": "WaitingPromotion", "iterations": 9]))
    #expect(waiting.stepText == "10/10")
  }

  @Test func matchMakesItABTest() {
    let progress = CanaryProgress(
      canary: canary(analysis: ["iterations": 5, "match": [["headers": ["x": ["exact": "y"]]]]],
        status: ["phase": "Progressing", "iterations": 1]))
    #expect(progress.strategy == .abTesting)
    #expect(progress.stepText == "1/5")
  }

  @Test func kubernetesProviderIsBlueGreenWithTenIterations() {
    let progress = CanaryProgress(
      canary: canary(analysis: ["stepWeight": 10], status: ["phase": "Progressing", "iterations": 3], spec: ["provider": "kubernetes"]))
    #expect(progress.strategy == .blueGreen)
    #expect(progress.stepText == "3/10")
  }

  @Test func skippedAnalysisHasNoSteps() {
    #expect(CanaryProgress(canary: canary(analysis: nil)).stepText == "-")
    #expect(CanaryProgress(canary: canary(analysis: ["stepWeight": 10], spec: ["skipAnalysis": true])).stepText == "-")
    // The deprecated canaryAnalysis key still counts.
    let legacy: JSON = ["spec": ["canaryAnalysis": ["stepWeight": 50]], "status": ["phase": "Progressing", "canaryWeight": 50]]
    #expect(CanaryProgress(canary: legacy).stepText == "1/2")
  }
}
