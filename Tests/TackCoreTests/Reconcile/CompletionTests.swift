import TackBase
import TackCore
import TackJSON
import Testing

@Suite struct CompletionTests {
  static let token = "2026-08-07T16:30:15.1Z"
  let ref = ObjectRef(kind: .kustomization, namespace: "flux-system", name: "apps")

  func object(
    handled: String? = token, generation: Int = 2, observed: Int = 2, conditions: [StatusCondition]
  ) -> JSON {
    var object: JSON = [
      "apiVersion": "kustomize.toolkit.fluxcd.io/v1", "kind": "Kustomization",
      "metadata": ["name": "apps", "namespace": "flux-system", "generation": .int(generation)],
      "status": ["observedGeneration": .int(observed), "conditions": .array(conditions.map(\.json))],
    ]
    if let handled { object[path: "status", "lastHandledReconcileAt"] = .string(handled) }
    return object
  }

  var completion: ReconcileCompletion {
    ReconcileCompletion(ref: ref, request: ReconcileRequest(token: Self.token))
  }

  static let ready = StatusCondition(type: "Ready", status: "True", reason: "ReconciliationSucceeded", message: "Applied revision: main@sha1:abc")

  @Test func waitsUntilTheControllerHandledTheRequest() {
    guard case .waiting = completion.evaluate(object(handled: nil, conditions: [Self.ready])) else {
      Issue.record("an old Ready=True must not count before the request is handled")
      return
    }
    guard case .satisfied = completion.evaluate(object(conditions: [Self.ready])) else {
      Issue.record("handled + Ready=True is done")
      return
    }
  }

  @Test func waitsWhileReconciling() {
    let reconciling = StatusCondition(type: "Reconciling", status: "True", reason: "Progressing", message: "Building manifests")
    guard case .waiting(let reason) = completion.evaluate(object(conditions: [Self.ready, reconciling])) else {
      Issue.record("Reconciling=True is in progress")
      return
    }
    #expect(reason == "Building manifests")
  }

  @Test func aFailedAttemptEndsTheWaitWithExit4() {
    let failed = StatusCondition(type: "Ready", status: "False", reason: "BuildFailed", message: "kustomize build failed")
    let retrying = StatusCondition(type: "Reconciling", status: "True", reason: "ProgressingWithRetry", message: "retry")
    guard case .failed(let error) = completion.evaluate(object(observed: 1, conditions: [failed, retrying])) else {
      Issue.record("Ready=False with ProgressingWithRetry is a finished, failed attempt")
      return
    }
    #expect(error.exitStatus == .resourceFailed)
    #expect(error.description == "Kustomization reconciliation failed: kustomize build failed")
    let git = ReconcileCompletion(
      ref: ObjectRef(kind: .gitRepository, namespace: "flux-system", name: "repo"), request: ReconcileRequest(token: Self.token))
    guard case .failed(let quoted) = git.evaluate(object(conditions: [failed])) else {
      Issue.record("expected failure")
      return
    }
    #expect(quoted.description == "GitRepository reconciliation failed: 'kustomize build failed'")
  }

  @Test func stalledIsAFailure() {
    let stalled = StatusCondition(type: "Stalled", status: "True", reason: "InvalidCELExpression", message: "bad expression")
    guard case .failed(let error) = completion.evaluate(object(conditions: [stalled])) else {
      Issue.record("Stalled=True fails")
      return
    }
    #expect(error.exitStatus == .resourceFailed)
    #expect(error.description == "Kustomization reconciliation stalled: bad expression")
  }

  @Test func noReadyConditionCannotBeDetermined() {
    guard case .failed(let error) = completion.evaluate(object(conditions: [])) else {
      Issue.record("no Ready condition after handling is flux's \"status can't be determined\"")
      return
    }
    #expect(error.description == "status can't be determined")
    #expect(error.exitStatus == .failure)
  }

  @Test func aDeletedObjectIsNotFound() {
    guard case .failed(let error) = completion.evaluate(nil) else {
      Issue.record("deleted while waiting")
      return
    }
    #expect(error.exitStatus == .notFound)
  }

  @Test func resumeNeedsAReadyConditionOfTheNewGeneration() {
    let readiness = ResumeReadiness(ref: ref, isStatic: false)
    var stale = Self.ready
    stale.observedGeneration = 1
    guard case .waiting = readiness.evaluate(object(generation: 2, observed: 1, conditions: [stale])) else {
      Issue.record("a Ready condition of the previous generation must not count")
      return
    }
    var fresh = Self.ready
    fresh.observedGeneration = 2
    guard case .satisfied = readiness.evaluate(object(generation: 2, observed: 2, conditions: [fresh])) else {
      Issue.record("fresh Ready=True is done")
      return
    }
    // Without per-condition generations, status.observedGeneration decides.
    guard case .waiting = readiness.evaluate(object(generation: 2, observed: 1, conditions: [Self.ready])) else {
      Issue.record("observedGeneration behind")
      return
    }
    var failed = StatusCondition(type: "Ready", status: "False", reason: "BuildFailed", message: "broken")
    failed.observedGeneration = 2
    guard case .failed(let error) = readiness.evaluate(object(generation: 2, observed: 1, conditions: [failed])) else {
      Issue.record("a fresh Ready=False fails at once")
      return
    }
    #expect(error.exitStatus == .resourceFailed)
    guard case .waiting = readiness.evaluate(object(generation: 2, observed: 0, conditions: [])) else {
      Issue.record("never reconciled")
      return
    }
  }

  @Test func staticObjectsAreReadyByKStatus() {
    let alert: JSON = [
      "apiVersion": "notification.toolkit.fluxcd.io/v1beta3", "kind": "Alert",
      "metadata": ["name": "slack", "namespace": "flux-system", "generation": 3],
    ]
    let readiness = ResumeReadiness(ref: ObjectRef(kind: .alert, namespace: "flux-system", name: "slack"), isStatic: true)
    guard case .satisfied = readiness.evaluate(alert) else {
      Issue.record("an Alert has no status and is current")
      return
    }
  }
}
