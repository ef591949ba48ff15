import TackBase
import TackOutput
import TackTestSupport
import TackTesting
import Testing

@testable import TackCore

/// The tree screen (key 5): sources → Kustomizations → HelmReleases → workloads from
/// `status.inventory`, dependsOn shown, the failing branch first.
@Suite struct DashboardTreeTests {
  static func lines(_ state: DashboardState) -> [String] {
    DashboardTree.rows(state).map { $0.prefix + $0.label }
  }

  @Test func sourcesKustomizationsHelmReleasesWorkloads() {
    #expect(Self.lines(DashboardFixtures.tree()) == [
      // The failing source first, with the suspended Kustomization built from it.
      "GitRepository/apps/podinfo",
      "└─ Kustomization/flux-system/tenants",
      // flux-system's tree holds the failing apps branch: it comes next, its failure first.
      "GitRepository/flux-system/flux-system",
      "└─ Kustomization/flux-system/flux-system",
      "   ├─ Kustomization/flux-system/apps",
      "   │  ├─ HelmRelease/apps/redis",
      "   │  ├─ Deployment/apps/podinfo",
      "   │  ├─ Deployment/apps/worker",
      "   │  └─ +1 other object",
      "   ├─ Kustomization/flux-system/monitoring",
      "   ├─ Kustomization/flux-system/infra",
      "   │  ├─ HelmRelease/monitoring/kube-prometheus-stack",
      "   │  ├─ Deployment/cert-manager/cert-manager",
      "   │  └─ +1 other object",
      "   └─ +1 other object",
      "HelmRepository/flux-system/bitnami",
      "└─ HelmRelease/flux-system/ingress-nginx",
    ])
    let rows = DashboardTree.rows(DashboardFixtures.tree())
    let apps = rows.first { $0.label == "Kustomization/flux-system/apps" }!
    #expect(apps.dependsOn == ["flux-system/infra"])
    #expect(apps.state == .failed && apps.problem.hasPrefix("HealthCheckFailed: Health check failed"))
    #expect(rows.first { $0.label == "HelmRelease/apps/redis" }!.dependsOn == ["monitoring/kube-prometheus-stack"])
  }

  @Test func keyFiveOpensTheTreeAndEnterTheSelectedObject() {
    var state = DashboardFixtures.tree()
    DashboardGoldenTests.press(&state, .character("5"))
    #expect(state.screen == .tree)
    // Workload rows are not selectable: j moves from object to object.
    DashboardGoldenTests.press(&state, .character("j"), .character("j"), .character("j"), .character("j"), .character("j"))
    #expect(state.target?.key.name == "redis")
    DashboardGoldenTests.press(&state, .enter)
    #expect(state.detail?.name == "redis")

    var typed = DashboardFixtures.tree()
    DashboardGoldenTests.press(&typed, .character(":"), .character("t"), .character("r"), .character("e"),
      .character("e"), .enter)
    #expect(typed.screen == .tree)
  }

  @Test func kustomizationsManagingEachOtherInACycleStillShow() {
    let ks = "kustomize.toolkit.fluxcd.io"
    let ready = [DashboardFixtures.condition("Ready", "True", "Succeeded", "ok", minutesAgo: 1)]
    var state = DashboardState(context: "c", namespace: nil, now: DashboardFixtures.now)
    state.load([
      DashboardFixtures.flux(.kustomization, "ns", "a", conditions: ready,
        status: DashboardFixtures.inventory([DashboardFixtures.entry("ns", "b", ks, "Kustomization")])),
      DashboardFixtures.flux(.kustomization, "ns", "b", conditions: ready,
        status: DashboardFixtures.inventory([DashboardFixtures.entry("ns", "a", ks, "Kustomization")])),
    ])
    #expect(Self.lines(state) == ["Kustomization/ns/a", "└─ Kustomization/ns/b"])
  }

  @Test func goldens() {
    var state = DashboardFixtures.tree()
    DashboardGoldenTests.press(&state, .character("5"), .character("j"))
    DashboardGoldenTests.golden(state, "tree-mixed")

    var fleet = DashboardFixtures.treeFleet()
    DashboardGoldenTests.press(&fleet, .character("5"))
    DashboardGoldenTests.golden(fleet, "tree-fleet")

    var connecting = DashboardFixtures.connecting()
    DashboardGoldenTests.press(&connecting, .character("5"))
    DashboardGoldenTests.golden(connecting, "tree-connecting")
  }
}
