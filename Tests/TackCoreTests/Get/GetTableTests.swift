import TackBase
import TackCore
import TackJSON
import Testing

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Golden tables for every noun: namespaced, `-A`, `--no-header`, `-o wide`, `--show-source`.
@Suite struct GetTableTests {
  static let kinds: [FluxKind] = FluxKind.catalog

  func table(_ kind: FluxKind, _ options: GetTableOptions, namespace: String? = "flux-system", header: Bool = true) -> String {
    let rows = GetFixtures.objects(of: kind, namespace: namespace).map {
      GetRowBuilder.row(for: kind, object: $0, options: options)
    }
    let columns = GetLayout.columns(for: kind, options)
    return GetTableRenderer.render(header: columns.map(\.title), rows: rows.map { $0.values(for: columns) }, showHeader: header)
  }

  static func fileName(_ kind: FluxKind, _ variant: String) -> String {
    "\(kind.noun.path.replacingOccurrences(of: " ", with: "-"))\(variant).txt"
  }

  @Test(arguments: kinds)
  func defaultTable(_ kind: FluxKind) {
    #expect(!GetFixtures.objects(of: kind).isEmpty, "the fixtures lack a \(kind.kind)")
    GetFixtures.expectGolden(table(kind, GetTableOptions(now: GetFixtures.now)), Self.fileName(kind, ""))
  }

  @Test(arguments: kinds)
  func allNamespacesTable(_ kind: FluxKind) {
    GetFixtures.expectGolden(
      table(kind, GetTableOptions(allNamespaces: true, now: GetFixtures.now), namespace: nil), Self.fileName(kind, "-A"))
  }

  @Test(arguments: kinds)
  func wideTable(_ kind: FluxKind) {
    GetFixtures.expectGolden(table(kind, GetTableOptions(wide: true, now: GetFixtures.now)), Self.fileName(kind, "-wide"))
  }

  @Test(arguments: [FluxKind.kustomization, .helmRelease])
  func showSource(_ kind: FluxKind) {
    GetFixtures.expectGolden(
      table(kind, GetTableOptions(showSource: true, now: GetFixtures.now)), Self.fileName(kind, "-show-source"))
  }

  @Test func noHeaderWidthsComeFromRowsAlone() {
    let text = table(.gitRepository, GetTableOptions(now: GetFixtures.now), header: false)
    GetFixtures.expectGolden(text, "sources-git-no-header.txt")
    #expect(!text.contains("NAME"))
  }

  @Test func fluxGoldenForNotReadySources() throws {
    // cmd/flux/testdata/get/get_status_ready_not_true.golden, byte for byte.
    let objects: [JSON] = [
      ["metadata": ["name": "gr-failed", "namespace": "ns"],
        "status": ["conditions": [["type": "Ready", "status": "False", "message": "failed to checkout and determine revision"]]]],
      ["metadata": ["name": "gr-unknown", "namespace": "ns"],
        "status": ["conditions": [["type": "Ready", "status": "Unknown", "message": "reconciliation in progress"]]]],
    ]
    let options = GetTableOptions(now: GetFixtures.now)
    let columns = GetLayout.columns(for: .gitRepository, options)
    let rows = objects.map { GetRowBuilder.row(for: .gitRepository, object: $0, options: options).values(for: columns) }
    let expected =
      "NAME      \tREVISION\tSUSPENDED\tREADY  \tMESSAGE                                   \n"
      + "gr-failed \t        \tFalse    \tFalse  \tfailed to checkout and determine revision\t\n"
      + "gr-unknown\t        \tFalse    \tUnknown\treconciliation in progress               \t\n"
    #expect(GetTableRenderer.render(header: columns.map(\.title), rows: rows, showHeader: true) == expected)
  }

  @Test func readyDefaultsWhenTheConditionIsMissing() {
    let row = GetRowBuilder.row(
      for: .kustomization, object: ["metadata": ["name": "x", "namespace": "ns"]], options: GetTableOptions(now: GetFixtures.now))
    #expect(row.ready == "False")
    #expect(row.message == "waiting to be reconciled")
    #expect(row.cells[.suspended] == "False")
    #expect(row.revision == "")
  }

  @Test func getAllNamesCarryTheKind() {
    let options = GetTableOptions(includeKind: true, now: GetFixtures.now)
    let row = GetRowBuilder.row(for: .gitRepository, object: GetFixtures.objects(of: .gitRepository)[0], options: options)
    #expect(row.cells[.name] == "gitrepository/podinfo")
  }

  @Test func jsonLinesAreTyped() throws {
    let options = GetTableOptions(now: GetFixtures.now)
    var text = ""
    for kind in [FluxKind.gitRepository, .kustomization, .helmRelease, .alert, .canary] {
      for object in GetFixtures.objects(of: kind) {
        text += JSONLinesRenderer.line(GetRowBuilder.row(for: kind, object: object, options: options))
      }
    }
    GetFixtures.expectGolden(text, "rows.jsonl")
    for line in text.split(separator: "\n") {
      let parsed = try JSON.parse(String(line))
      #expect(parsed["name"]?.stringValue != nil)
      #expect(parsed.objectValue?.keys.prefix(10) == [
        "kind", "apiVersion", "namespace", "name", "ready", "readyBool", "suspended", "revision", "message",
        "lastTransitionTime",
      ])
    }
    let first = try JSON.parse(String(text.split(separator: "\n")[0]))
    #expect(first["readyBool"] == .bool(true))
    // JSON lines keep the revision whole; only the table shortens it.
    #expect(first["revision"] == "main@sha1:696f056df216eea4f9401adbee0ff744d4df390f")
  }

  @Test func namesAsKubectlPrintsThem() {
    #expect(NameRenderer.line(kind: .kustomization, name: "apps") == "kustomization.kustomize.toolkit.fluxcd.io/apps\n")
    #expect(NameRenderer.line(kind: .canary, name: "podinfo") == "canary.flagger.app/podinfo\n")
  }
}
