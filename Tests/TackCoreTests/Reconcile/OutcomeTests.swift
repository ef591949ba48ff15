import TackBase
import TackCore
import TackJSON
import Testing

@Suite struct OutcomeTests {
  func ref(_ name: String, _ namespace: String = "flux-system") -> ObjectRef {
    ObjectRef(kind: .kustomization, namespace: namespace, name: name)
  }

  @Test func theWorstExitStatusWins() {
    let outcomes = [
      ObjectOutcome(ref("a"), .succeeded("applied revision x")),
      ObjectOutcome(ref("b"), .failed(ObjectNotFoundError("gone"))),
      ObjectOutcome(ref("c"), .failed(ReconcileError.failed(.kustomization, message: "m"))),
    ]
    #expect(outcomes.worstExitStatus == .resourceFailed)
    #expect(
      outcomes.aggregateError(verb: "reconciliation")
        == AggregateError(
          "reconciliation failed for 2 of 3 objects: 1 reported failure (exit 4), 1 not found (exit 5)",
          exitStatus: .resourceFailed))
    #expect([ObjectOutcome(ref("a"), .succeeded("ok"))].aggregateError(verb: "x") == nil)
  }

  @Test func summaryIsSortedByNamespaceKindAndName() {
    let outcomes = [
      ObjectOutcome(ref("b", "z"), .succeeded("applied revision 2")),
      ObjectOutcome(ref("b"), .skipped("skipped: resource is suspended")),
      ObjectOutcome(ref("a"), .failed(WaitTimeoutError(object: "Kustomization flux-system/a", timeout: "5m0s", lastReason: "x"))),
    ]
    let lines = outcomes.summaryLines().map { "\($0.0.rawValue) \($0.1)" }
    #expect(
      lines == [
        "✗ Kustomization flux-system/a: timed out after 5m0s (x) (exit 3)",
        "⚠️ Kustomization flux-system/b: skipped: resource is suspended",
        "✔ Kustomization z/b: applied revision 2",
      ])
  }

  @Test func successMessagesAreFlux() {
    #expect(
      FluxKind.kustomization.successMessage(for: ["status": ["lastAppliedRevision": "main@sha1:abc"]])
        == "applied revision main@sha1:abc")
    #expect(
      FluxKind.helmRelease.successMessage(for: ["status": ["history": [["chartVersion": "6.5.4"]], "lastAttemptedRevision": "6.5.3"]])
        == "applied revision 6.5.4")
    #expect(
      FluxKind.imagePolicy.successMessage(for: ["status": ["latestRef": ["name": "ghcr.io/x/y", "tag": "5.0.3", "digest": "sha256:1"]]])
        == "selected ref ghcr.io/x/y:5.0.3@sha256:1")
    #expect(FluxKind.imageRepository.successMessage(for: ["status": ["lastScanResult": ["tagCount": 7]]]) == "scan fetched 7 tags")
    #expect(FluxKind.receiver.successMessage(for: [:]) == "Receiver reconciliation completed")
    #expect(FluxKind.imageUpdateAutomation.successMessage(for: [:]) == "automation not yet run")
  }

  @Test func sourcesAreMappedAsFluxMapsThem() throws {
    let ks: JSON = [
      "metadata": ["name": "apps", "namespace": "team"],
      "spec": ["sourceRef": ["kind": "OCIRepository", "name": "manifests"]],
    ]
    #expect(
      try FluxKind.kustomization.reconcileSource(of: ks)
        == ObjectRef(kind: .ociRepository, namespace: "team", name: "manifests"))
    let helmKs: JSON = ["metadata": ["name": "apps", "namespace": "team"], "spec": ["sourceRef": ["kind": "HelmRepository", "name": "x"]]]
    #expect(throws: SourceReferenceError(kind: "HelmRepository")) { try FluxKind.kustomization.reconcileSource(of: helmKs) }
    let template: JSON = [
      "metadata": ["name": "podinfo", "namespace": "apps"],
      "spec": ["chart": ["spec": ["chart": "podinfo", "sourceRef": ["kind": "HelmRepository", "name": "p", "namespace": "flux-system"]]]],
    ]
    #expect(
      try FluxKind.helmRelease.reconcileSource(of: template)
        == ObjectRef(kind: .helmChart, namespace: "flux-system", name: "apps-podinfo"))
    let chartRef: JSON = ["metadata": ["name": "p", "namespace": "apps"], "spec": ["chartRef": ["kind": "OCIRepository", "name": "oci"]]]
    #expect(
      try FluxKind.helmRelease.reconcileSource(of: chartRef)
        == ObjectRef(kind: .ociRepository, namespace: "apps", name: "oci"))
    let chart: JSON = ["metadata": ["name": "c", "namespace": "apps"], "spec": ["sourceRef": ["kind": "GitRepository", "name": "g", "namespace": "elsewhere"]]]
    #expect(
      try FluxKind.helmChart.reconcileSource(of: chart) == ObjectRef(kind: .gitRepository, namespace: "apps", name: "g"))
    #expect(try FluxKind.gitRepository.reconcileSource(of: chart) == nil)
  }
}
