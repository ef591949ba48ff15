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

  /// Flagger adds `stepWeight` while the weight is below `maxWeight`, capping only at 100
  /// (`runCanary` in pkg/controller/scheduler.go), so the last step passes a max weight that is not a
  /// multiple of the step — its docs: "starting from 20, increasing by 20 until weight goes above 50".
  @Test func stepWeightLadderEndsAtTheFirstStepAtOrAboveMaxWeight() {
    let progress = CanaryProgress(
      canary: canary(analysis: ["stepWeight": 20, "maxWeight": 50, "threshold": 3],
        status: ["phase": "Progressing", "canaryWeight": 40, "failedChecks": 1]))
    #expect(progress.strategy == .canary)
    #expect(progress.maxWeight == 50)
    #expect(progress.weightLadder == [20, 40, 60])
    #expect(progress.stepText == "2/3")
    #expect(progress.failedText == "1/3")
    #expect(!progress.thresholdReached)
    let waiting = CanaryProgress(
      canary: canary(analysis: ["stepWeight": 20, "maxWeight": 50], status: ["phase": "WaitingPromotion", "canaryWeight": 0]))
    #expect(waiting.intendedWeight == 60, "traffic stays where the last step put it")
  }

  @Test func explicitStepWeights() {
    let progress = CanaryProgress(
      canary: canary(analysis: ["stepWeights": [1, 5, 10, 50]], status: ["phase": "Progressing", "canaryWeight": 10]))
    #expect(progress.maxWeight == 50)
    #expect(progress.stepText == "3/4")
    #expect(progress.failedText == "0/1")
    // Entries above 100 are capped by the total weight: maxWeight() = min(100, last), and
    // nextStepWeight() never steps past 100.
    let capped = CanaryProgress(canary: canary(analysis: ["stepWeights": [10, 50, 150]], status: ["phase": "Progressing"]))
    #expect(capped.maxWeight == 100)
    #expect(capped.weightLadder == [10, 50, 100])
  }

  /// The disputed case, both `stepWeight` and `stepWeights` set, settled as Flagger's scheduler
  /// (pkg/controller/scheduler.go) does it: `nextStepWeight()` returns `stepWeight` whenever it is
  /// positive, so the steps are linear; `maxWeight()` takes the last entry of `stepWeights` (capped
  /// at 100) before looking at `maxWeight`, so that entry is the ceiling and `maxWeight` is ignored;
  /// and `runCanary` keeps stepping while the weight is below that ceiling.
  @Test func stepWeightAndStepWeightsTogetherMirrorFlaggersNextStepWeightAndMaxWeight() {
    let progress = CanaryProgress(
      canary: canary(analysis: ["stepWeight": 15, "stepWeights": [1, 5, 40], "maxWeight": 80],
        status: ["phase": "Progressing", "canaryWeight": 30]))
    #expect(progress.maxWeight == 40)
    #expect(progress.weightLadder == [15, 30, 45])
    #expect(progress.stepText == "2/3")
    let tiny = CanaryProgress(
      canary: canary(analysis: ["stepWeight": 25, "stepWeights": [1, 2]], status: ["phase": "Progressing", "canaryWeight": 25]))
    #expect(tiny.weightLadder == [25], "one step of 25 already passes the ceiling of 2")
    #expect(tiny.stepText == "1/1")
    // `canary status` reads the same numbers as `get canaries`.
    let object = canary(analysis: ["stepWeight": 15, "stepWeights": [1, 5, 40]], status: ["phase": "Progressing", "canaryWeight": 30])
    let report = CanaryStatusReport(canary: object, target: nil, primary: nil, events: [])
    #expect(report.progress == CanaryProgress(canary: object))
    #expect(CanaryListTable.row(object)[4] == "2/3")
  }

  @Test func noStepConfiguredMeansNoSteps() {
    // Flagger never advances when nextStepWeight() is 0 (`if c.nextStepWeight(...) > 0`).
    let progress = CanaryProgress(canary: canary(analysis: ["maxWeight": 50], status: ["phase": "Progressing"]))
    #expect(progress.weightLadder == [])
    #expect(progress.stepText == "-")
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
