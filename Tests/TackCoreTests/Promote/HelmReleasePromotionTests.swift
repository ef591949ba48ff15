import Foundation
import TackCore
import TackTestSupport
import Testing

/// `promote helmrelease`'s plan: the version from staging, one scalar edited in production, every
/// other byte kept.
@Suite struct HelmReleasePromotionTests {
  static let staging = """
    apiVersion: helm.toolkit.fluxcd.io/v2
    kind: HelmRelease
    metadata:
      name: demo
      namespace: apps
    spec:
      interval: 5m
      chart:
        spec:
          chart: demo
          version: "1.4.2"
          sourceRef: {kind: HelmRepository, name: demo}

    """

  /// Odd but valid: a comment on the value, CRLF-free tabs in comments, other documents around it.
  static let production = """
    # Production pins the chart; CI edits the version below.
    apiVersion: v1
    kind: Namespace
    metadata: {name: apps}
    ---
    apiVersion: helm.toolkit.fluxcd.io/v2
    kind: HelmRelease
    metadata:
      name:    demo     # spacing kept
      namespace: apps
    spec:
      chart:
        spec:
          chart: demo
          version:   1.0.0    # promoted by CI\t(do not edit by hand)
          sourceRef:
            kind: HelmRepository
            name: demo
      values: {replicas: 3}

    """

  func repository(staging: String = staging, production: String = production) throws -> TemporaryDirectory {
    let root = try TemporaryDirectory(prefix: "tack-promote")
    try root.write("clusters/staging/apps/demo.yaml", contents: staging)
    try root.write("clusters/production/apps/demo.yaml", contents: production)
    try root.write("clusters/production/apps/values.yaml", contents: "not: [kubernetes\n")
    return root
  }

  func request(_ root: TemporaryDirectory, _ source: HelmReleasePromotion.VersionSource) throws -> HelmReleasePromotion.Request {
    HelmReleasePromotion.Request(
      name: "demo", namespace: nil, root: root.path, toPath: try RepositoryPath("clusters/production"), source: source)
  }

  @Test func takesStagingsVersionAndChangesOnlyThatScalar() throws {
    let root = try repository()
    defer { root.remove() }
    let plan = try HelmReleasePromotion.plan(request(root, .path(try RepositoryPath("clusters/staging"))))
    #expect(plan.file == "clusters/production/apps/demo.yaml")
    #expect(plan.current == "1.0.0" && plan.version == "1.4.2")
    #expect(plan.edited == Self.production.replacingOccurrences(of: "version:   1.0.0 ", with: "version:   1.4.2 "))
    #expect(plan.diff == """
      --- a/clusters/production/apps/demo.yaml
      +++ b/clusters/production/apps/demo.yaml
      @@ -12,7 +12,7 @@
         chart:
           spec:
             chart: demo
      -      version:   1.0.0    # promoted by CI\t(do not edit by hand)
      +      version:   1.4.2    # promoted by CI\t(do not edit by hand)
             sourceRef:
               kind: HelmRepository
               name: demo

      """)
    try HelmReleasePromotion.apply(plan, root: root.path)
    #expect(try String(contentsOfFile: root.file("clusters/production/apps/demo.yaml"), encoding: .utf8) == plan.edited)
    // Once there, nothing to do.
    #expect(!(try HelmReleasePromotion.plan(request(root, .path(try RepositoryPath("clusters/staging"))))).changed)
  }

  @Test func buildMetadataIsDroppedAndRangesRefused() throws {
    let root = try repository(staging: Self.staging.replacingOccurrences(of: "\"1.4.2\"", with: "1.x"))
    defer { root.remove() }
    let range = try #require(throws: PromotionError.self) {
      try HelmReleasePromotion.plan(request(root, .path(try RepositoryPath("clusters/staging"))))
    }
    #expect(range.exitStatus == .usage)
    #expect(range.message.contains("\"1.x\" is a range"))
    let plan = try HelmReleasePromotion.plan(request(root, .exact("2.0.0+0123456789ab")))
    #expect(plan.version == "2.0.0")
  }

  @Test func aMissingReleaseIsNotFound() throws {
    let root = try repository()
    defer { root.remove() }
    var missing = try request(root, .exact("1.0.0"))
    missing.name = "other"
    let error = try #require(throws: PromotionError.self) { try HelmReleasePromotion.plan(missing) }
    #expect(error.exitStatus == .notFound)
  }
}
