import TackCore
import TackJSON
import TackTestSupport
import Testing

/// `canary status` for every phase of scripted releases driven by the Flagger double, pinned as
/// golden files (`Fixtures/status-*.txt`).
@Suite struct CanaryStatusGoldenTests {
  static func render(_ cluster: InMemoryCanaryCluster, name: String = "podinfo") async throws -> String {
    let snapshot = try await CanaryStatusLoader(cluster: cluster).load(namespace: "test", name: name)
    return CanaryStatusRenderer().render(snapshot.report)
  }

  static func initialized(_ analysis: String = CanaryFixtures.defaultAnalysis, checks: FlaggerSimulator = .init())
    -> InMemoryCanaryCluster
  {
    let cluster = InMemoryCanaryCluster(
      canary: CanaryFixtures.canary(analysis: analysis), target: CanaryFixtures.deployment(), simulator: checks)
    cluster.tick(until: "Initialized", limit: 3)
    return cluster
  }

  @Test func canaryReleaseThroughEveryPhase() async throws {
    // one failed metric check on the third analysis tick
    let cluster = Self.initialized(
      checks: FlaggerSimulator { tick in tick == 3 ? .metricFailed("success rate 97.31% < 99%") : .pass })
    #expect(cluster.currentPhase == "Initialized")
    Golden.assert(try await Self.render(cluster), named: "status-initialized.txt")

    cluster.setImage("ghcr.io/stefanprodan/podinfo:6.0.1")
    #expect(cluster.tick() == "Progressing")
    Golden.assert(try await Self.render(cluster), named: "status-progressing-start.txt")

    cluster.tick(limit: 4)  // 10, 20, failed check, 30
    #expect(cluster.canaryObject[path: "status", "canaryWeight"]?.intValue == 30)
    Golden.assert(try await Self.render(cluster), named: "status-progressing.txt")

    #expect(cluster.tick(until: "WaitingPromotion", limit: 5) == "WaitingPromotion")
    #expect(cluster.canaryObject[path: "status", "canaryWeight"]?.intValue == 0)
    Golden.assert(try await Self.render(cluster), named: "status-waiting-promotion.txt")
    let report = try await CanaryStatusLoader(cluster: cluster).load(namespace: "test", name: "podinfo").report
    Golden.assert(report.document.serialized(.documented) + "\n", named: "status-waiting-promotion.json")

    cluster.loadtester.setGate(name: "podinfo", namespace: "test", open: true)
    #expect(cluster.tick() == "Promoting")
    Golden.assert(try await Self.render(cluster), named: "status-promoting.txt")
    #expect(cluster.tick() == "Finalising")
    Golden.assert(try await Self.render(cluster), named: "status-finalising.txt")
    #expect(cluster.tick() == "Succeeded")
    Golden.assert(try await Self.render(cluster), named: "status-succeeded.txt")
    // the primary now runs the promoted image
    #expect(
      cluster.deployment("podinfo-primary")?[path: "spec", "template", "spec", "containers"]?[0]?["image"]
        == "ghcr.io/stefanprodan/podinfo:6.0.1")
  }

  @Test func pendingAndInitializing() async throws {
    let cluster = InMemoryCanaryCluster(canary: CanaryFixtures.canary(), target: CanaryFixtures.deployment())
    Golden.assert(try await Self.render(cluster), named: "status-pending.txt")
    #expect(cluster.tick() == "Initializing")
    Golden.assert(try await Self.render(cluster), named: "status-initializing.txt")
  }

  @Test func failedAfterThreshold() async throws {
    let cluster = Self.initialized(checks: FlaggerSimulator { tick in tick >= 2 ? .metricFailed("error-rate 3.20 > 1") : .pass })
    cluster.setImage("ghcr.io/stefanprodan/podinfo:6.0.2")
    #expect(cluster.tick(until: "Failed", limit: 10) == "Failed")
    Golden.assert(try await Self.render(cluster), named: "status-failed.txt")
    let status = CanaryStatus(canary: cluster.canaryObject)
    #expect(status.failedChecks == 3)
    #expect(status.revisionDiffersFromPromoted)
    #expect(status.promoted?.status == "False")
  }

  @Test func blueGreenWaitingAtConfirmRolloutThenProgressing() async throws {
    let cluster = Self.initialized(CanaryFixtures.blueGreenAnalysis)
    cluster.setImage("ghcr.io/stefanprodan/podinfo:6.1.0")
    #expect(cluster.tick() == "Waiting")
    Golden.assert(try await Self.render(cluster), named: "status-blue-green-waiting.txt")
    cluster.loadtester.setGate(name: "podinfo", namespace: "test", open: true)
    cluster.tick(limit: 4)
    #expect(cluster.currentPhase == "Progressing")
    Golden.assert(try await Self.render(cluster), named: "status-blue-green-progressing.txt")
  }

  @Test func abTesting() async throws {
    let cluster = Self.initialized(CanaryFixtures.abAnalysis)
    cluster.setImage("ghcr.io/stefanprodan/podinfo:6.2.0")
    cluster.tick(limit: 5)
    #expect(cluster.currentPhase == "Progressing")
    Golden.assert(try await Self.render(cluster), named: "status-ab-testing.txt")
  }

  @Test func heldAtTrafficIncreaseGate() async throws {
    let cluster = Self.initialized(CanaryFixtures.stepWeightsAnalysis)
    cluster.loadtester.setGate(name: "podinfo", namespace: "test", open: true)
    cluster.setImage("ghcr.io/stefanprodan/podinfo:6.3.0")
    cluster.tick(limit: 3)  // Progressing, 1, 5
    cluster.loadtester.setGate(name: "podinfo", namespace: "test", open: false)
    cluster.tick(limit: 3)  // held three times
    Golden.assert(try await Self.render(cluster), named: "status-traffic-increase-gate.txt")
    let report = try await CanaryStatusLoader(cluster: cluster).load(namespace: "test", name: "podinfo").report
    #expect(report.gate?.type == .confirmTrafficIncrease)
    #expect(report.history.last?.count == 3)
    #expect(report.historyMayBeIncomplete)
  }

  @Test func colouredAndNarrowRendering() async throws {
    let cluster = Self.initialized()
    let snapshot = try await CanaryStatusLoader(cluster: cluster).load(namespace: "test", name: "podinfo")
    let narrow = CanaryStatusRenderer(colored: true, width: 40).lines(snapshot.report)
    for line in narrow {
      let visible = line.replacing(/\u{1B}\[[0-9;]*m/, with: "")
      #expect(DisplayWidthProbe.width(visible) <= 40, "\(visible)")
    }
    #expect(narrow.contains { $0.contains("\u{1B}[32m") })
  }

  @Test func compactListOfAllCanaries() async throws {
    let cluster = Self.initialized()
    cluster.setImage("ghcr.io/stefanprodan/podinfo:6.0.1")
    cluster.tick(limit: 3)
    Golden.assert(CanaryListTable.render(try await cluster.canaries(namespace: "test")), named: "status-list.txt")
  }
}

import TackOutput

enum DisplayWidthProbe {
  static func width(_ s: String) -> Int { DisplayWidth.of(s) }
}
