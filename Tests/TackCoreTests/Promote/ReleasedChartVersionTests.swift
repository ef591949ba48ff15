import TackBase
import TackCore
import TackJSON
import Testing

/// `--from-cluster`: the version a HelmRelease runs is its newest status.history entry's chartVersion.
@Suite struct ReleasedChartVersionTests {
  static func release(history: JSON?) -> JSON {
    var object: JSON = ["apiVersion": "helm.toolkit.fluxcd.io/v2", "kind": "HelmRelease", "metadata": ["name": "demo", "namespace": "apps"]]
    if let history { object["status"] = ["history": history] }
    return object
  }

  static func snapshot(_ chart: String, revision: Int, status: String) -> JSON {
    [
      "name": "demo", "namespace": "apps", "version": .int(revision), "status": .string(status), "chartName": "demo",
      "chartVersion": .string(chart), "configDigest": "sha256:0", "digest": "sha256:1",
      "firstDeployed": "2026-01-01T00:00:00Z", "lastDeployed": "2026-01-02T00:00:00Z",
    ]
  }

  @Test func theNewestEntryIsTheFirst() throws {
    let history: JSON = [Self.snapshot("1.3.0+0123456789ab", revision: 3, status: "deployed"), Self.snapshot("1.2.0", revision: 2, status: "superseded")]
    #expect(try ReleasedChartVersion.read(Self.release(history: history), namespace: "apps", name: "demo") == "1.3.0+0123456789ab")
  }

  @Test func noHistoryOrAFailedNewestReleaseIsRefused() {
    for history in [nil, JSON.array([])] {
      let error = #expect(throws: PromotionError.self) {
        try ReleasedChartVersion.read(Self.release(history: history), namespace: "apps", name: "demo")
      }
      #expect(error?.description.contains("HelmRelease apps/demo has no status.history") == true)
      #expect(error?.exitStatus == .failure)
    }
    let failed: JSON = [Self.snapshot("1.4.0", revision: 4, status: "failed"), Self.snapshot("1.3.0", revision: 3, status: "superseded")]
    let error = #expect(throws: PromotionError.self) {
      try ReleasedChartVersion.read(Self.release(history: failed), namespace: "apps", name: "demo")
    }
    #expect(error?.description.contains("newest release (Helm revision 4) of chart version 1.4.0 is failed, not deployed") == true)
  }
}
