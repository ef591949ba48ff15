import TackBase
import TackCore
import TackJSON
import Testing

/// flux's readiness matrix for a freshly applied object (`readiness_test.go`), plus tack's
/// fail-fast on Ready=False.
@Suite struct CreateReadinessTests {
  static let ref = ObjectRef(kind: .gitRepository, namespace: "flux-system", name: "podinfo")

  static func object(
    kind: FluxKind = .gitRepository, generation: Int = 2, observed: Int? = 2, ready: String? = "True",
    readyGeneration: Int? = nil, stalled: Bool = false, spec: JSON = [:]
  ) -> JSON {
    var status: JSON = [:]
    if let observed { status["observedGeneration"] = .number("\(observed)") }
    var conditions: [JSON] = []
    if let ready {
      var condition: JSON = ["type": "Ready", "status": .string(ready), "reason": "R", "message": "ready message"]
      if let readyGeneration { condition["observedGeneration"] = .number("\(readyGeneration)") }
      conditions.append(condition)
    }
    if stalled { conditions.append(["type": "Stalled", "status": "True", "reason": "S", "message": "stalled message"]) }
    if !conditions.isEmpty { status["conditions"] = .array(conditions) }
    return [
      "apiVersion": .string(kind.apiVersion), "kind": .string(kind.kind),
      "metadata": ["name": "podinfo", "namespace": "flux-system", "generation": .number("\(generation)")],
      "spec": spec, "status": status,
    ]
  }

  static func verdict(_ object: JSON?, kind: FluxKind = .gitRepository) -> String {
    switch CreateReadiness(ref: ObjectRef(kind: kind, namespace: "flux-system", name: "podinfo")).evaluate(object) {
    case .satisfied: "ready"
    case .waiting: "waiting"
    case .failed(let error): "failed \(error.exitStatus.rawValue): \(error)"
    }
  }

  @Test func matrix() {
    #expect(Self.verdict(Self.object()) == "ready")
    #expect(Self.verdict(Self.object(observed: nil)) == "waiting")
    #expect(Self.verdict(Self.object(observed: 1)) == "waiting")
    #expect(Self.verdict(Self.object(ready: nil)) == "waiting")
    // The condition's own observedGeneration wins over status.observedGeneration.
    #expect(Self.verdict(Self.object(readyGeneration: 1)) == "waiting")
    #expect(Self.verdict(Self.object(ready: "Unknown")) == "waiting")
    #expect(Self.verdict(Self.object(ready: "False")) == "failed 4: GitRepository reconciliation failed: 'ready message'")
    #expect(Self.verdict(Self.object(ready: "False", stalled: true)) == "failed 4: GitRepository reconciliation stalled: stalled message")
    #expect(Self.verdict(nil).hasPrefix("failed 5:"))
    // A new object whose first reconcile failed: the controller wrote Ready=False for generation 2
    // but (as the controllers do) left status.observedGeneration behind. Failed, not waiting.
    #expect(Self.verdict(Self.object(observed: nil, ready: "False", readyGeneration: 2)).hasPrefix("failed 4:"))
    // A Ready=False left over from the previous generation is not this generation's verdict.
    #expect(Self.verdict(Self.object(observed: 1, ready: "False", readyGeneration: 1)) == "waiting")
  }

  @Test func staticKindsNeedNoStatus() {
    var alert = Self.object(kind: .alert, observed: nil, ready: nil)
    alert["status"] = nil
    #expect(Self.verdict(alert, kind: .alert) == "ready")
    let ociHelm = Self.object(kind: .helmRepository, observed: nil, ready: nil, spec: ["type": "oci"])
    #expect(Self.verdict(ociHelm, kind: .helmRepository) == "ready")
    let plainHelm = Self.object(kind: .helmRepository, observed: nil, ready: nil)
    #expect(Self.verdict(plainHelm, kind: .helmRepository) == "waiting")
  }

  @Test func readyLinesAndMissingArtifacts() throws {
    var git = Self.object()
    git["status"]?["artifact"] = ["revision": "main@sha1:abc"]
    #expect(
      try CreateMessages(.gitRepository).readyLines(name: "podinfo", object: git)
        == ["GitRepository source reconciliation completed", "fetched revision: main@sha1:abc"])
    #expect(throws: CreateApplyError("GitRepository source reconciliation completed but no artifact was found")) {
      try CreateMessages(.gitRepository).readyLines(name: "podinfo", object: Self.object())
    }
    #expect(throws: CreateApplyError("no artifact was found")) {
      try CreateMessages(.ociRepository).readyLines(name: "podinfo", object: Self.object(kind: .ociRepository))
    }
    #expect(throws: CreateApplyError("Bucket source reconciliation but no artifact was found")) {
      try CreateMessages(.bucket).readyLines(name: "podinfo", object: Self.object(kind: .bucket))
    }
    var ks = Self.object(kind: .kustomization)
    ks["status"]?["lastAppliedRevision"] = "main@sha1:abc"
    #expect(
      try CreateMessages(.kustomization).readyLines(name: "apps", object: ks)
        == ["Kustomization apps is ready", "applied revision main@sha1:abc"])
    #expect(CreateMessages(.helmRepository).upserted == "source")
    #expect(CreateMessages(.ociRepository).generate == nil)
  }
}
