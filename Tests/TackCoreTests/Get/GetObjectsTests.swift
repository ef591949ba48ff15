import Synchronization
import TackBase
import TackCore
import TackJSON
import TackOutput
import Testing

/// An in-memory cluster: lists filter by namespace and `metadata.name`, watches replay queued events.
final class MemoryObjectSource: FluxObjectSource {
  let objects: [JSON]
  let missingKinds: Set<FluxKind>
  let failingKinds: Set<FluxKind>
  let events: [ObjectWatchEvent]

  init(objects: [JSON], missingKinds: Set<FluxKind> = [], failingKinds: Set<FluxKind> = [], events: [ObjectWatchEvent] = []) {
    self.objects = objects
    self.missingKinds = missingKinds
    self.failingKinds = failingKinds
    self.events = events
  }

  func list(_ kind: FluxKind, scope: ListScope) async throws -> ObjectList {
    if missingKinds.contains(kind) { throw KindNotInstalledError(kind: kind) }
    if failingKinds.contains(kind) { throw CommandError("listing \(kind.plural) failed") }
    let name = scope.fieldSelector.map { String($0.dropFirst("metadata.name=".count)) }
    let items = objects.filter {
      $0["kind"]?.stringValue == kind.kind
        && (scope.namespace == nil || $0[path: "metadata", "namespace"]?.stringValue == scope.namespace)
        && (name == nil || $0[path: "metadata", "name"]?.stringValue == name)
    }
    return ObjectList(items: items, resourceVersion: "42")
  }

  func watch(_ kind: FluxKind, scope: ListScope, resourceVersion: String) async throws
    -> AsyncThrowingStream<ObjectWatchEvent, any Error>
  {
    let events = self.events
    return AsyncThrowingStream { continuation in
      for event in events { continuation.yield(event) }
      continuation.finish()
    }
  }

  func get(_ kind: FluxKind, namespace: String, name: String) async throws -> JSON {
    guard let object = try await list(kind, scope: ListScope(namespace: namespace, fieldSelector: "metadata.name=\(name)")).items.first
    else { throw GetNotFoundError("\(kind.plural).\(kind.group) \"\(name)\" not found") }
    return object
  }

  func secret(namespace: String, name: String) async throws -> JSON {
    guard let object = objects.first(where: {
      $0["kind"] == "Secret" && $0[path: "metadata", "name"]?.stringValue == name
        && $0[path: "metadata", "namespace"]?.stringValue == namespace
    }) else { throw GetNotFoundError("secrets \"\(name)\" not found") }
    return object
  }
}

struct Captured {
  let out = MemorySink()
  let err = MemorySink()
  var console: Console { Console(out: out, err: err, style: .plain) }
}

@Suite struct GetObjectsTests {
  func run(_ request: GetRequest, source: MemoryObjectSource = MemoryObjectSource(objects: GetFixtures.objects))
    async throws -> (Captured, TackBase.ExitStatus)
  {
    let captured = Captured()
    let status = try await GetObjects(source: source, console: captured.console, clock: { GetFixtures.now }).run(request)
    return (captured, status)
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
      _ = try await run(GetRequest(kinds: [.helmRelease], namespace: "x", allNamespaces: true),
        source: MemoryObjectSource(objects: []))
    }
  }

  @Test func emptyJSONStillPrintsAList() async throws {
    let captured = Captured()
    let getter = GetObjects(source: MemoryObjectSource(objects: []), console: captured.console, clock: { GetFixtures.now })
    await #expect(throws: GetNotFoundError.self) {
      _ = try await getter.run(GetRequest(kinds: [.kustomization], namespace: "ns", output: .json))
    }
    let list = try JSON.parse(captured.out.text)
    #expect(list["kind"] == "List")
    #expect(list["items"] == .array([]))
  }

  @Test func statusSelectorFiltersAndNoMatchIsNotFound() async throws {
    let (captured, _) = try await run(
      GetRequest(kinds: [.gitRepository], namespace: "flux-system", statusSelector: try StatusSelector(parsing: "ready!=true")))
    GetFixtures.expectGolden(captured.out.text, "status-selector-not-ready.txt")
    #expect(!captured.out.text.contains("podinfo"))

    let captured2 = Captured()
    let getter = GetObjects(source: MemoryObjectSource(objects: GetFixtures.objects), console: captured2.console, clock: { GetFixtures.now })
    await #expect(throws: GetNotFoundError.self) {
      _ = try await getter.run(
        GetRequest(kinds: [.gitRepository], namespace: "flux-system", statusSelector: try StatusSelector(parsing: "Stalled=True")))
    }
    // The header is still printed, as flux prints it.
    #expect(captured2.out.text.hasPrefix("NAME"))
  }

  @Test func getAllSkipsMissingKindsAndReportsFailures() async throws {
    let source = MemoryObjectSource(
      objects: GetFixtures.objects, missingKinds: [.imagePolicy, .canary], failingKinds: [.receiver])
    let (captured, status) = try await run(
      GetRequest(kinds: FluxKind.catalog, isAll: true, namespace: "flux-system"), source: source)
    GetFixtures.expectGolden(captured.out.text, "get-all.txt")
    #expect(captured.err.text == "✗ listing receivers failed\n")
    #expect(status == .failure)
    #expect(!captured.out.text.contains("imagepolicy/"))
    #expect(captured.out.text.contains("gitrepository/podinfo"))
  }

  @Test func getAllInAnEmptyNamespacePrintsNothing() async throws {
    let (captured, status) = try await run(GetRequest(kinds: FluxKind.catalog, isAll: true, namespace: "empty"))
    #expect(captured.out.text == "")
    #expect(status == .success)
  }

  @Test func getAllRefusesWatch() async throws {
    await #expect(throws: GetUsageError("expected a single resource type, but found all")) {
      _ = try await run(GetRequest(kinds: FluxKind.catalog, isAll: true, namespace: "x", watch: true))
    }
  }

  @Test func jsonListParsesBackToTheObjects() async throws {
    var objects = GetFixtures.objects(of: .kustomization)
    objects[0][path: "metadata", "managedFields"] = [["manager": "kubectl", "operation": "Apply"]]
    let source = MemoryObjectSource(objects: objects)
    for output in [GetOutputFormat.json, .yaml] {
      let (captured, _) = try await run(GetRequest(kinds: [.kustomization], namespace: "flux-system", output: output), source: source)
      let parsed = output == .json ? try JSON.parse(captured.out.text) : try JSON.parseYAML(captured.out.text)
      #expect(parsed["apiVersion"] == "v1")
      #expect(parsed["kind"] == "List")
      let items = try #require(parsed["items"]?.arrayValue)
      #expect(items.count == 2)
      #expect(items[0][path: "metadata", "managedFields"] == nil)
      var expected = objects[0]
      expected[path: "metadata", "managedFields"] = nil
      #expect(items[0] == expected)
      #expect(items[1] == objects[1])
    }
    let (kept, _) = try await run(
      GetRequest(kinds: [.kustomization], namespace: "flux-system", output: .json, showManagedFields: true), source: source)
    #expect(try JSON.parse(kept.out.text)["items"]?[0]?[path: "metadata", "managedFields"] != nil)
  }

  @Test func namesAndJSONLines() async throws {
    let (names, _) = try await run(GetRequest(kinds: [.helmRelease], namespace: "flux-system", output: .name))
    #expect(names.out.text == "helmrelease.helm.toolkit.fluxcd.io/podinfo\nhelmrelease.helm.toolkit.fluxcd.io/redis\n")
    let (lines, _) = try await run(GetRequest(kinds: [.helmRelease], namespace: "flux-system", output: .jsonl))
    let parsed = try lines.out.text.split(separator: "\n").map { try JSON.parse(String($0)) }
    #expect(parsed.map { $0["readyBool"] } == [JSON.bool(true), JSON.bool(false)])
    #expect(parsed.map { $0["revision"] } == ["6.5.4", "18.0.1"])
  }

  @Test func watchKeepsColumnWidthsAndWidensWithANewHeader() async throws {
    var changed = GetFixtures.objects(of: .kustomization)[0]
    changed[path: "status", "conditions"] = [["type": "Ready", "status": "Unknown", "message": "Reconciliation in progress"]]
    var long = changed
    long[path: "metadata", "name"] = "a-much-longer-kustomization-name"
    let source = MemoryObjectSource(
      objects: GetFixtures.objects,
      events: [ObjectWatchEvent(type: .modified, object: changed), ObjectWatchEvent(type: .added, object: long)])
    let (captured, _) = try await run(GetRequest(kinds: [.kustomization], namespace: "flux-system", watch: true), source: source)
    GetFixtures.expectGolden(captured.out.text, "watch-ks.txt")
    let lines = captured.out.text.split(separator: "\n")
    // header, 2 initial rows, the changed row (READY was sized for Unknown), a new header, the long row
    #expect(lines.count == 6)
    let widths = { (line: Substring) in line.split(separator: "\t", omittingEmptySubsequences: false).map(\.count) }
    #expect(widths(lines[1]).dropLast(2) == widths(lines[3]).dropLast(2))
    #expect(lines[4].hasPrefix("NAME"))
  }

  @Test func watchStreamsJSONLines() async throws {
    var changed = GetFixtures.objects(of: .kustomization)[1]
    changed[path: "spec", "suspend"] = false
    let source = MemoryObjectSource(objects: GetFixtures.objects, events: [ObjectWatchEvent(type: .modified, object: changed)])
    let (captured, _) = try await run(
      GetRequest(kinds: [.kustomization], namespace: "flux-system", output: .jsonl, watch: true), source: source)
    let lines = try captured.out.text.split(separator: "\n").map { try JSON.parse(String($0)) }
    #expect(lines.count == 3)
    #expect(lines[2]["name"] == "apps")
    #expect(lines[2]["suspended"] == JSON.bool(false))
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

  @Test func pagedSourceRendersLikeOnePage() async throws {
    struct Paged: FluxObjectSource {
      let inner: MemoryObjectSource
      func list(_ kind: FluxKind, scope: ListScope) async throws -> ObjectList { try await inner.list(kind, scope: scope) }
      func listPages(_ kind: FluxKind, scope: ListScope) async throws -> AsyncThrowingStream<ObjectList, any Error> {
        let all = try await inner.list(kind, scope: scope).items
        return AsyncThrowingStream { continuation in
          for item in all { continuation.yield(ObjectList(items: [item], resourceVersion: "1")) }
          continuation.yield(ObjectList(items: [], resourceVersion: "1"))
          continuation.finish()
        }
      }
      func watch(_ kind: FluxKind, scope: ListScope, resourceVersion: String) async throws
        -> AsyncThrowingStream<ObjectWatchEvent, any Error>
      { try await inner.watch(kind, scope: scope, resourceVersion: resourceVersion) }
      func get(_ kind: FluxKind, namespace: String, name: String) async throws -> JSON {
        try await inner.get(kind, namespace: namespace, name: name)
      }
      func secret(namespace: String, name: String) async throws -> JSON { try await inner.secret(namespace: namespace, name: name) }
    }
    let memory = MemoryObjectSource(objects: GetFixtures.objects)
    for output in GetOutputFormat.allCases {
      let request = GetRequest(kinds: [.gitRepository], namespace: "flux-system", allNamespaces: true, output: output)
      let one = Captured()
      _ = try await GetObjects(source: memory, console: one.console, clock: { GetFixtures.now }).run(request)
      let paged = Captured()
      _ = try await GetObjects(source: Paged(inner: memory), console: paged.console, clock: { GetFixtures.now }).run(request)
      #expect(one.out.text == paged.out.text, "\(output)")
    }
  }
}
