import TackBase
import TackJSON
import TackOutput
import Testing

@testable import TackCore

/// The status model and the key reducer, without a terminal.
@Suite struct DashboardStateTests {
  let start = ContinuousClock.now

  @Test func statesFollowConditionsAndPhases() {
    func state(_ conditions: [JSON], suspend: Bool = false, generation: Int = 1, observed: Int = 1) -> ObjectState {
      var object: JSON = [
        "metadata": ["name": "x", "namespace": "y", "generation": .int(generation)],
        "status": ["conditions": .array(conditions), "observedGeneration": .int(observed)],
      ]
      if suspend { object["spec"] = ["suspend": true] }
      return DashboardObject(kind: .kustomization, object: object).state
    }
    let readyTrue = DashboardFixtures.condition("Ready", "True", "Succeeded", "", minutesAgo: 1)
    let readyFalse = DashboardFixtures.condition("Ready", "False", "BuildFailed", "", minutesAgo: 1)
    let dependency = DashboardFixtures.condition("Ready", "False", "DependencyNotReady", "", minutesAgo: 1)
    #expect(state([readyTrue]) == .ready)
    #expect(state([readyFalse]) == .failed)
    #expect(state([dependency]) == .waiting)
    #expect(state([readyFalse], suspend: true) == .suspended)
    #expect(state([readyTrue], generation: 2, observed: 1) == .reconciling)
    #expect(state([]) == .unknown)
    #expect(ObjectState.of(canaryPhase: "WaitingPromotion", suspended: false) == .waiting)
    #expect(ObjectState.of(canaryPhase: "Finalising", suspended: false) == .progressing)
    #expect(ObjectState.of(canaryPhase: "SomethingNew", suspended: false) == .unknown)
  }

  @Test func anUnhandledReconcileRequestShowsAsReconciling() {
    let object: JSON = [
      "metadata": ["name": "apps", "namespace": "flux-system", "annotations": [ReconcileRequest.requestedAtAnnotation: "t2"]],
      "status": [
        "lastHandledReconcileAt": "t1",
        "conditions": [DashboardFixtures.condition("Ready", "True", "Succeeded", "", minutesAgo: 1)],
      ],
    ]
    let seen = DashboardObject(kind: .kustomization, object: object)
    #expect(seen.state == .reconciling)
    #expect(seen.reconcileRequested == "t2")
  }

  @Test func theObjectsListPutsProblemsFirstAndFilters() {
    var state = DashboardFixtures.mixed()
    let states = state.listedObjects.map(\.state)
    #expect(states == states.sorted())
    state.filter = "redis"
    #expect(state.listedObjects.map(\.key.name) == ["redis"])
    state.filter = "!flux-system"
    #expect(!state.listedObjects.contains { $0.key.namespace == "flux-system" })
  }

  @Test func movingAndOpeningTheDetail() {
    var state = DashboardFixtures.mixed()
    #expect(state.handle(.character("2"), at: start) == nil)
    _ = state.handle(.down, at: start)
    _ = state.handle(.character("j"), at: start)
    #expect(state.selectedIndex == 2)
    _ = state.handle(.character("G"), at: start)
    #expect(state.selectedIndex == state.listedObjects.count - 1)
    _ = state.handle(.character("g"), at: start)
    let first = state.listedObjects[0].key
    #expect(state.handle(.enter, at: start) == .loadEvents(first))
    #expect(state.detail == first)
    #expect(state.handle(.character("q"), at: start) == nil)
    #expect(state.detail == nil)
    #expect(state.handle(.character("q"), at: start) == .quit)
  }

  @Test func reconcileActsAtOnceButSuspendAsksAndIgnoresAHastyAnswer() {
    var state = DashboardFixtures.mixed()
    _ = state.handle(.character("2"), at: start)
    let index = state.listedObjects.firstIndex { $0.key.name == "apps" && $0.key.kind == .kustomization }!
    state.selection[.objects] = index
    let key = state.listedObjects[index].key
    #expect(state.handle(.character("r"), at: start) == .perform(.reconcile, key))

    #expect(state.handle(.character("s"), at: start) == nil)
    guard case .confirm = state.mode else {
      Issue.record("suspend did not ask")
      return
    }
    // A `y` within 150 ms (a key repeat, a double press) is dropped; the question stays.
    #expect(state.handle(.character("y"), at: start + .milliseconds(50)) == nil)
    #expect(state.handle(.character("y"), at: start + .milliseconds(400)) == .perform(.suspend, key))
    #expect(state.mode == .normal)

    _ = state.handle(.character("u"), at: start)
    #expect(state.handle(.character("u"), at: start + .seconds(1)) == nil)
    #expect(state.status == DashboardStatus("resume cancelled"))
  }

  @Test func canaryActionsOnlyApplyToCanaries() {
    var state = DashboardFixtures.mixed()
    _ = state.handle(.character("2"), at: start)
    state.selection[.objects] = state.listedObjects.firstIndex { $0.key.kind == .kustomization }!
    #expect(state.handle(.character("p"), at: start) == nil)
    #expect(state.status?.isError == true)
    #expect(state.mode == .normal)

    _ = state.handle(.character("3"), at: start)
    state.selection[.canaries] = state.listedCanaries.firstIndex { $0.key.name == "api" }!
    _ = state.handle(.character("p"), at: start)
    let key = DashboardKey(kind: .canary, namespace: "prod", name: "api")
    #expect(state.handle(.character("y"), at: start + .seconds(1)) == .perform(.promote, key))
  }

  @Test func commandsJumpToAKindOrANamespace() {
    var state = DashboardFixtures.mixed()
    for c in ":ks" { _ = state.handle(.character(c), at: start) }
    _ = state.handle(.enter, at: start)
    #expect(state.screen == .objects && state.kindFilter == .kustomization)
    #expect(state.listedObjects.allSatisfy { $0.key.kind == .kustomization })
    for c in ":ns apps" { _ = state.handle(.character(c), at: start) }
    #expect(state.handle(.enter, at: start) == .switchNamespace("apps"))
    for c in ":canary" { _ = state.handle(.character(c), at: start) }
    _ = state.handle(.enter, at: start)
    #expect(state.screen == .canaries)
    for c in ":nope" { _ = state.handle(.character(c), at: start) }
    _ = state.handle(.enter, at: start)
    #expect(state.status?.isError == true)
    #expect(state.handle(.control("c"), at: start) == .quit)
  }

  @Test func aRelistReplacesAKindAndAMissingCRDHidesIt() {
    var state = DashboardFixtures.mixed()
    state.apply(DashboardFeedUpdate.replace(.helmRelease, []))
    #expect(state.counts(.helmRelease).isEmpty)
    #expect(state.counts(.kustomization).values.reduce(0, +) == 6)
    state.apply(DashboardFeedUpdate.update(.feed(.canary, .notInstalled)))
    #expect(state.listedCanaries.isEmpty)
  }

  @Test func theSelectionStaysOnItsObjectWhenTheListResorts() {
    var state = DashboardFixtures.mixed()
    _ = state.handle(.character("2"), at: start)
    let bitnami = DashboardKey(kind: .helmRepository, namespace: "flux-system", name: "bitnami")
    let index = state.listedObjects.firstIndex { $0.key == bitnami }!
    _ = state.handle(.character("g"), at: start)
    for _ in 0..<index { _ = state.handle(.character("j"), at: start) }
    #expect(state.target?.key == bitnami)
    // flux-system/infra (listed below it) turns Failed and sorts to the top: the rows shift, the
    // selection does not.
    var failed = state.object(DashboardKey(kind: .kustomization, namespace: "flux-system", name: "infra"))!
    failed.state = .failed
    state.apply(DashboardUpdate.upsert(failed))
    #expect(state.listedObjects.firstIndex { $0.key == bitnami } == index + 1)
    #expect(state.target?.key == bitnami)
    #expect(state.handle(.character("r"), at: start) == .perform(.reconcile, bitnami))
  }
}
