import TackBase
import TackOutput
import TackTestSupport
import TackTesting
import Testing

@testable import TackCore

/// Every screen and state drawn at 80×24, 120×40 and 200×60 and compared with
/// `Dashboard/Fixtures/<screen>-<state>-<size>.txt`: the text, then one letter per cell for its
/// style (`TACK_RECORD=1` rewrites them; check the diff by eye).
@Suite struct DashboardGoldenTests {
  static let sizes = [(80, 24), (120, 40), (200, 60)]
  static let start = ContinuousClock.now

  static func golden(_ state: DashboardState, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    for (columns, rows) in sizes {
      let frame = DashboardView.render(state, columns: columns, rows: rows)
      GoldenFile.expect(
        text(frame), at: GoldenFile.path("\(name)-\(columns)x\(rows).txt"), sourceLocation: sourceLocation)
    }
  }

  static func text(_ frame: Frame) -> String {
    frame.textLines.joined(separator: "\n") + "\n-- styles --\n" + frame.styleLines.joined(separator: "\n") + "\n"
  }

  /// Keys as a person types them, far enough apart for the confirmation guard.
  static func press(_ state: inout DashboardState, _ keys: Key...) {
    var instant = start
    for key in keys {
      instant += .seconds(1)
      _ = state.handle(key, at: instant)
    }
  }

  @Test func overview() {
    Self.golden(DashboardFixtures.mixed(), "overview-mixed")
    Self.golden(DashboardFixtures.connecting(), "overview-connecting")
    Self.golden(DashboardFixtures.healthy(), "overview-healthy")
  }

  @Test func objects() {
    var state = DashboardFixtures.mixed()
    Self.press(&state, .character("2"), .character("j"), .character("j"))
    Self.golden(state, "objects-mixed")

    var filtered = DashboardFixtures.mixed()
    Self.press(&filtered, .character("2"), .character("/"), .character("a"), .character("p"), .character("p"))
    Self.golden(filtered, "objects-filtering")

    var kind = DashboardFixtures.mixed()
    Self.press(&kind, .character(":"), .character("h"), .character("r"), .enter)
    Self.golden(kind, "objects-helmreleases")

    var confirm = DashboardFixtures.mixed()
    Self.press(&confirm, .character("2"), .character("s"))
    Self.golden(confirm, "objects-confirm-suspend")

    var empty = DashboardFixtures.mixed()
    Self.press(&empty, .character("2"), .character("/"), .character("z"), .character("z"), .enter)
    Self.golden(empty, "objects-no-match")
  }

  @Test func canaries() {
    var state = DashboardFixtures.mixed()
    Self.press(&state, .character("3"), .character("j"))
    Self.golden(state, "canaries-mixed")

    var healthy = DashboardFixtures.healthy()
    Self.press(&healthy, .character("3"))
    Self.golden(healthy, "canaries-not-installed")
  }

  @Test func detail() {
    var failed = DashboardFixtures.mixed()
    Self.press(&failed, .character("2"))
    let index = failed.listedObjects.firstIndex { $0.key.name == "apps" && $0.key.kind == .kustomization }!
    failed.selection[.objects] = index
    Self.press(&failed, .enter)
    Self.golden(failed, "detail-kustomization-loading")
    failed.apply(DashboardUpdate.events(failed.detail!, DashboardFixtures.appsEvents))
    Self.golden(failed, "detail-kustomization-failed")

    var canary = DashboardFixtures.mixed()
    Self.press(&canary, .character("3"))
    let waiting = canary.listedCanaries.firstIndex { $0.key.name == "api" }!
    canary.selection[.canaries] = waiting
    Self.press(&canary, .enter)
    canary.apply(DashboardUpdate.events(canary.detail!, []))
    Self.golden(canary, "detail-canary-waiting")
  }

  @Test func help() {
    var state = DashboardFixtures.mixed()
    Self.press(&state, .character("?"))
    Self.golden(state, "help")
  }

  @Test func statusLine() {
    var state = DashboardFixtures.mixed()
    Self.press(&state, .character("2"), .character("p"))
    Self.golden(state, "objects-promote-not-a-canary")
  }

  @Test func fleet() {
    var state = DashboardFixtures.fleet()
    Self.press(&state, .character("4"))
    Self.golden(state, "fleet-one-unreachable")
    Self.press(&state, .character("2"))
    Self.golden(state, "objects-fleet")
    Self.press(&state, .character("1"))
    Self.golden(state, "overview-fleet")
  }

  @Test func tooSmall() {
    let frame = DashboardView.render(DashboardFixtures.mixed(), columns: 59, rows: 11)
    GoldenFile.expect(Self.text(frame), at: GoldenFile.path("too-small-59x11.txt"))
  }
}
