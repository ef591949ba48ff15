import Foundation
import Synchronization
import TackBase
import TackJSON
import TackOutput
import TackTestSupport
import Testing

@testable import TackCore

struct Captured {
  let out = MemorySink()
  let err = MemorySink()
  var console: Console { Console(out: out, err: err, style: .plain) }
  var progress: ConsoleProgress { ConsoleProgress(console: console) }
}

/// `tack get` against the test API server, through the live adapter. The server lists by
/// namespace and name, the golden files keep the fixtures' order: where the two differ, the
/// lines are compared as a multiset and the exact bytes are checked on the pure renderer.
@Suite struct GetObjectsTests {
  func run(_ request: GetRequest, on fixture: ClusterFixture) async throws -> (Captured, TackBase.ExitStatus) {
    let captured = Captured()
    let status = try await GetObjects(cluster: fixture.cluster, output: captured.out, progress: captured.progress, clock: { GetFixtures.now })
      .run(request)
    return (captured, status)
  }

  func run(_ request: GetRequest, objects: [JSON] = GetFixtures.objects) async throws
    -> (Captured, TackBase.ExitStatus)
  {
    try await ClusterFixture.with(objects: objects) { try await run(request, on: $0) }
  }

  /// The golden's lines, whatever their order.
  static func expectGoldenLines(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let golden = (try? String(contentsOfFile: GetFixtures.directory + "/golden/" + name, encoding: .utf8)) ?? ""
    let lines = { (text: String) in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).sorted() }
    #expect(lines(actual) == lines(golden), "\(name):\n\(actual)", sourceLocation: sourceLocation)
  }

  @Test func notFoundByNameIsExitFiveWithFluxWording() async throws {
    let request = GetRequest(kinds: [.kustomization], namespace: "flux-system", name: "nope")
    await #expect(throws: GetNotFoundError("Kustomization object 'nope' not found in \"flux-system\" namespace")) {
      _ = try await run(request)
    }
    #expect(GetNotFoundError("x").exitStatus == .notFound)
  }

  @Test func emptyNamespaceWordsAsFlux() async throws {
    await #expect(throws: GetNotFoundError("no HelmRelease objects found in \"empty\" namespace")) {
      _ = try await run(GetRequest(kinds: [.helmRelease], namespace: "empty"))
    }
    await #expect(throws: GetNotFoundError("no HelmRelease objects found in any namespace")) {
      _ = try await run(GetRequest(kinds: [.helmRelease], namespace: "x", allNamespaces: true), objects: [])
    }
  }

  @Test func emptyJSONStillPrintsAList() async throws {
    let captured = Captured()
    try await ClusterFixture.with { fixture in
      let getter = GetObjects(cluster: fixture.cluster, output: captured.out, progress: captured.progress, clock: { GetFixtures.now })
      await #expect(throws: GetNotFoundError.self) {
        _ = try await getter.run(GetRequest(kinds: [.kustomization], namespace: "ns", output: .json))
      }
    }
    let list = try JSON.parse(captured.out.text)
    #expect(list["kind"] == "List")
    #expect(list["items"] == .array([]))
  }

  @Test func aKindTheClusterDoesNotServeSaysWhatToInstall() async throws {
    try await ClusterFixture.with(missing: [.canary]) { fixture in
      await #expect(throws: KindNotInstalledError(kind: .canary)) {
        _ = try await run(GetRequest(kinds: [.canary], namespace: "flux-system"), on: fixture)
      }
    }
  }

  @Test func statusSelectorFiltersAndNoMatchIsNotFound() async throws {
    try await ClusterFixture.with(objects: GetFixtures.objects) { fixture in
      let (captured, _) = try await run(
        GetRequest(
          kinds: [.gitRepository], namespace: "flux-system", statusSelector: try StatusSelector(parsing: "ready!=true")),
        on: fixture)
      GetFixtures.expectGolden(captured.out.text, "status-selector-not-ready.txt")
      #expect(!captured.out.text.contains("podinfo"))

      let captured2 = Captured()
      let getter = GetObjects(cluster: fixture.cluster, output: captured2.out, progress: captured2.progress, clock: { GetFixtures.now })
      await #expect(throws: GetNotFoundError.self) {
        _ = try await getter.run(
          GetRequest(
            kinds: [.gitRepository], namespace: "flux-system", statusSelector: try StatusSelector(parsing: "Stalled=True")))
      }
      // The header is still printed, as flux prints it.
      #expect(captured2.out.text.hasPrefix("NAME"))
    }
  }

  static let forbiddenReceivers =
    "Error from server (Forbidden): receivers.notification.toolkit.fluxcd.io is forbidden: User \"admin\" cannot "
    + "list resource \"receivers\" in API group \"notification.toolkit.fluxcd.io\" in the namespace \"flux-system\""

  @Test func getAllSkipsMissingKindsAndReportsFailures() async throws {
    try await ClusterFixture.with(objects: GetFixtures.objects.filter { !["ImagePolicy", "Canary"].contains($0["kind"]?.stringValue ?? "") }, missing: [.imagePolicy, .canary]) { fixture in
      fixture.server.deny(AccessRule(user: "admin", verbs: ["list"], resources: ["receivers"]))
      let (captured, status) = try await run(
        GetRequest(kinds: FluxKind.catalog, isAll: true, namespace: "flux-system"), on: fixture)
      Self.expectGoldenLines(captured.out.text, "get-all.txt")
      #expect(captured.err.text == "✗ \(Self.forbiddenReceivers)\n")
      #expect(status == .failure)
      #expect(!captured.out.text.contains("imagepolicy/"))
      #expect(captured.out.text.contains("gitrepository/podinfo"))
    }
  }

  /// `get all`'s tables for the kinds listed, byte for byte in the fixtures' order.
  @Test func getAllTablesInFixtureOrder() {
    let request = GetRequest(kinds: FluxKind.catalog, isAll: true, namespace: "flux-system")
    let served = FluxKind.catalog.filter { ![.imagePolicy, .canary, .receiver].contains($0) }
    let groups = served.map { kind in (kind, GetFixtures.objects(of: kind)) }
    GetFixtures.expectGolden(GetObjects.render(groups, request, now: GetFixtures.now), "get-all.txt")
  }

  @Test func getAllInAnEmptyNamespacePrintsNothing() async throws {
    let (captured, status) = try await run(GetRequest(kinds: FluxKind.catalog, isAll: true, namespace: "empty"))
    #expect(captured.out.text == "")
    #expect(status == .success)
  }

  @Test func getAllRefusesWatch() async throws {
    await #expect(throws: GetUsageError("expected a single resource type, but found all")) {
      _ = try await run(GetRequest(kinds: FluxKind.catalog, isAll: true, namespace: "x", watch: true), objects: [])
    }
  }

  @Test func jsonListParsesBackToTheObjects() async throws {
    var objects = GetFixtures.objects(of: .kustomization)
    objects[0][path: "metadata", "managedFields"] = [["manager": "kubectl", "operation": "Apply"]]
    try await ClusterFixture.with(objects: objects) { fixture in
      for output in [GetOutputFormat.json, .yaml] {
        let (captured, _) = try await run(
          GetRequest(kinds: [.kustomization], namespace: "flux-system", output: output), on: fixture)
        let parsed = output == .json ? try JSON.parse(captured.out.text) : try JSON.parseYAML(captured.out.text)
        #expect(parsed["apiVersion"] == "v1")
        #expect(parsed["kind"] == "List")
        let items = try #require(parsed["items"]?.arrayValue)
        #expect(items.count == 2)
        for item in items {
          let name = try #require(item[path: "metadata", "name"]?.stringValue)
          #expect(item[path: "metadata", "managedFields"] == nil)
          var expected = try fixture.stored(.kustomization, name)
          expected[path: "metadata", "managedFields"] = nil
          #expect(item == expected)
        }
      }
      let (kept, _) = try await run(
        GetRequest(kinds: [.kustomization], namespace: "flux-system", output: .json, showManagedFields: true), on: fixture)
      #expect(try JSON.parse(kept.out.text)["items"]?[0]?[path: "metadata", "managedFields"] != nil)
    }
  }

  @Test func namesAndJSONLines() async throws {
    try await ClusterFixture.with(objects: GetFixtures.objects) { fixture in
      let (names, _) = try await run(GetRequest(kinds: [.helmRelease], namespace: "flux-system", output: .name), on: fixture)
      #expect(names.out.text == "helmrelease.helm.toolkit.fluxcd.io/podinfo\nhelmrelease.helm.toolkit.fluxcd.io/redis\n")
      let (lines, _) = try await run(GetRequest(kinds: [.helmRelease], namespace: "flux-system", output: .jsonl), on: fixture)
      let parsed = try lines.out.text.split(separator: "\n").map { try JSON.parse(String($0)) }
      #expect(parsed.map { $0["readyBool"] } == [JSON.bool(true), JSON.bool(false)])
      #expect(parsed.map { $0["revision"] } == ["6.5.4", "18.0.1"])
    }
  }

  /// Runs `get --watch` in the background; `steps` change the cluster once the output has the
  /// given number of lines. Returns the output once it has `until` lines.
  func watch(
    _ request: GetRequest, on fixture: ClusterFixture, steps: [(lines: Int, change: () throws -> Void)], until: Int
  ) async throws -> String {
    let captured = Captured()
    let getter = GetObjects(cluster: fixture.cluster, output: captured.out, progress: captured.progress, clock: { GetFixtures.now })
    let task = Task { try await getter.run(request) }
    defer { task.cancel() }
    func lines() -> Int { captured.out.text.split(separator: "\n").count }
    func waitForLines(_ count: Int) async throws {
      let deadline = ContinuousClock.now + .seconds(300)
      while lines() < count {
        guard ContinuousClock.now < deadline else {
          Issue.record("the watch printed \(lines()) of \(count) lines:\n\(captured.out.text)")
          return
        }
        try await Task.sleep(for: .milliseconds(10))
      }
    }
    for step in steps {
      try await waitForLines(step.lines)
      try step.change()
    }
    try await waitForLines(until)
    return captured.out.text
  }

  @Test func watchKeepsColumnWidthsAndWidensWithANewHeader() async throws {
    var changed = GetFixtures.objects(of: .kustomization)[0]
    // The server checks status against the CRD's schema: a condition has a reason and a time too.
    changed[path: "status", "conditions"] = [[
      "type": "Ready", "status": "Unknown", "message": "Reconciliation in progress", "reason": "Progressing",
      "lastTransitionTime": "2026-08-07T17:00:00Z",
    ]]
    var long = GetFixtures.objects(of: .kustomization)[0]
    long[path: "metadata", "name"] = "a-much-longer-kustomization-name"
    long[path: "status", "conditions"] = changed[path: "status", "conditions"]
    try await ClusterFixture.with(objects: GetFixtures.objects) { fixture in
      let text = try await watch(
        GetRequest(kinds: [.kustomization], namespace: "flux-system", watch: true), on: fixture,
        steps: [
          (3, { _ = try fixture.store.modifyStatus(apiVersion: changed["apiVersion"]!.stringValue!, kind: "Kustomization",
            namespace: "flux-system", name: "flux-system") { $0 = changed["status"]! } }),
          (4, { try fixture.store.seed([long]) }),
        ], until: 6)
      Self.expectGoldenLines(text, "watch-ks.txt")
      let lines = text.split(separator: "\n")
      // header, 2 initial rows, the changed row (READY was sized for Unknown), a new header, the long row
      #expect(lines.count == 6)
      let widths = { (line: Substring) in line.split(separator: "\t", omittingEmptySubsequences: false).map(\.count) }
      #expect(widths(lines[1]).dropLast(2) == widths(lines[3]).dropLast(2))
      #expect(lines[4].hasPrefix("NAME"))
    }
  }

  @Test func watchStreamsJSONLines() async throws {
    try await ClusterFixture.with(objects: GetFixtures.objects) { fixture in
      let text = try await watch(
        GetRequest(kinds: [.kustomization], namespace: "flux-system", output: .jsonl, watch: true), on: fixture,
        steps: [
          (2, { _ = try fixture.store.patch(apiVersion: "kustomize.toolkit.fluxcd.io/v1", kind: "Kustomization",
            namespace: "flux-system", name: "apps", patch: ["spec": ["suspend": false]]) })
        ], until: 3)
      let lines = try text.split(separator: "\n").map { try JSON.parse(String($0)) }
      #expect(lines.count == 3)
      #expect(lines[2]["name"] == "apps")
      #expect(lines[2]["suspended"] == JSON.bool(false))
    }
  }
}

@Suite struct WatchTableTests {
  @Test func widthsNeverDriftAndNeverShrink() {
    var table = WatchTable(header: ["NAME", "READY"], initialRows: [["abc", "True"]], showHeader: true)
    #expect(table.start(rows: [["abc", "True"]]) == "NAME\tREADY \nabc \tTrue \t\n")
    #expect(table.render(["a", "False"]) == "a   \tFalse\t\n")
    #expect(table.render(["abcdefg", "True"]) == "NAME   \tREADY \nabcdefg\tTrue \t\n")
    #expect(table.render(["b", "True"]) == "b      \tTrue \t\n")
  }

  @Test func noHeaderStillWidensSilently() {
    var table = WatchTable(header: ["NAME", "READY"], initialRows: [["abc", "True"]], showHeader: false)
    #expect(table.start(rows: [["abc", "True"]]) == "abc\tTrue\t\n")
    #expect(table.render(["abcdef", "True"]) == "abcdef\tTrue\t\n")
  }
}

@Suite struct KindNounTests {
  @Test(arguments: [
    (["ks"], FluxKind.kustomization), (["kustomization"], .kustomization), (["kustomizations"], .kustomization),
    (["hr"], .helmRelease), (["helmrelease"], .helmRelease), (["source", "git"], .gitRepository),
    (["sources", "oci"], .ociRepository), (["sources", "chart"], .helmChart), (["source", "external"], .externalArtifact),
    (["images", "policy"], .imagePolicy), (["image", "update"], .imageUpdateAutomation),
    (["alert-provider"], .alertProvider), (["alert-providers"], .alertProvider), (["receivers"], .receiver),
    (["artifacts", "generators"], .artifactGenerator), (["canary"], .canary), (["metrictemplates"], .metricTemplate),
    (["alertproviders"], .flaggerAlertProvider), (["Kustomization"], .kustomization),
    (["kustomizations.kustomize.toolkit.fluxcd.io"], .kustomization), (["gitrepositories"], .gitRepository),
  ])
  func resolves(_ words: [String], _ kind: FluxKind) {
    #expect(FluxKind.resolve(noun: words) == kind)
  }

  @Test func unknownNounsDoNotResolve() {
    #expect(FluxKind.resolve(noun: ["git"]) == nil)
    #expect(FluxKind.resolve(noun: ["sources", "kustomization"]) == nil)
    #expect(FluxKind.resolve(noun: []) == nil)
  }

  @Test func groupsListTheirKindsInFluxOrder() {
    #expect(FluxKind.kinds(under: "sources") == [.ociRepository, .bucket, .gitRepository, .helmRepository, .helmChart, .externalArtifact])
    #expect(FluxKind.kinds(under: "images") == [.imageRepository, .imagePolicy, .imageUpdateAutomation])
  }
}

@Suite struct StreamedListTests {
  @Test func streamedJSONIsByteIdenticalToTheWholeList() {
    let items = GetFixtures.objects(of: .kustomization) + GetFixtures.objects(of: .helmRelease)
    var streamed = ""
    for (i, item) in items.enumerated() {
      streamed += ObjectListRenderer.jsonItem(item, first: i == 0, showManagedFields: false)
    }
    streamed += ObjectListRenderer.jsonListTail
    #expect(streamed == ObjectListRenderer.json(items, showManagedFields: false))
    GetFixtures.expectGolden(streamed, "list.json")
    GetFixtures.expectGolden(ObjectListRenderer.yaml(items, showManagedFields: false), "list.yaml")
  }

  @Test func pagedListsRenderLikeOnePage() async throws {
    try await ClusterFixture.with(objects: GetFixtures.objects) { fixture in
      let paged = try fixture.connect(pageSize: 1)
      for output in GetOutputFormat.allCases {
        let request = GetRequest(kinds: [.gitRepository], namespace: "flux-system", allNamespaces: true, output: output)
        let one = Captured()
        _ = try await GetObjects(cluster: fixture.cluster, output: one.out, progress: one.progress, clock: { GetFixtures.now }).run(request)
        let pages = Captured()
        _ = try await GetObjects(cluster: paged, output: pages.out, progress: pages.progress, clock: { GetFixtures.now }).run(request)
        #expect(one.out.text == pages.out.text, "\(output)")
      }
      // Four GitRepositories: at least four pages per run, so the paged adapter did page.
      let lists = fixture.server.requests(method: "GET", path: "/apis/source.toolkit.fluxcd.io/v1/gitrepositories")
      #expect(lists.filter { $0.query.contains("limit=1") }.count >= 4 * GetOutputFormat.allCases.count)
    }
  }
}
