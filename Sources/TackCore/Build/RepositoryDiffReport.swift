#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
import TackJSON
import TackOutput

/// How `diff ks --all` prints: each Kustomization's report under a line naming it, then a table
/// with one row per Kustomization; or, with `-o json`, all of it as one document.
extension RepositoryDiffResult {
  public var text: String {
    var out = ""
    for entry in entries {
      out += "Kustomization \(entry.namespace)/\(entry.name) (\(entry.path)): \(entry.summary)\n"
      if let report = entry.report { out += report.text }
      for error in entry.report?.errors ?? [] { out += "✗ \(error)\n" }
      if let error = entry.error { out += "✗ \(error)\n" }
      out += "\n"
    }
    let table = FluxTable(
      header: ["KUSTOMIZATION", "PATH", "CREATED", "DRIFTED", "DELETED", "RESULT"],
      rows: entries.map { entry in
        [
          "\(entry.namespace)/\(entry.name)", entry.path, "\(entry.count(.created))", "\(entry.count(.drifted))",
          "\(entry.report?.pruned.count ?? 0)", entry.result,
        ]
      })
    return out + table.render()
  }

  public struct Document: Sendable, Codable, Equatable {
    public struct Kustomization: Sendable, Codable, Equatable {
      public var kustomization: String
      public var path: String
      public var result: String
      public var diff: KustomizationDiffReport.Document?
      public var error: String?
    }

    public var sources: [String]
    public var changed: Bool
    public var failed: Int
    public var kustomizations: [Kustomization]
  }

  public var document: Document {
    Document(
      sources: sources, changed: hasChanges, failed: failures,
      kustomizations: entries.map {
        Document.Kustomization(
          kustomization: "\($0.namespace)/\($0.name)", path: $0.path, result: $0.result, diff: $0.report?.document,
          error: $0.error)
      })
  }

  /// `-o json`: ``document`` with sorted keys, two-space indent, and a final newline.
  public var json: String {
    DiffJSON.text(of: document)
  }
}

extension RepositoryDiff.Entry {
  func count(_ action: ObjectDiff.Action) -> Int { report?.objects.filter { $0.action == action }.count ?? 0 }

  /// `error`, `changed` or `unchanged`.
  var result: String { failed ? "error" : hasChanges ? "changed" : "unchanged" }

  var summary: String {
    if error != nil { return "error" }
    guard let report else { return "error" }
    let created = count(.created)
    let drifted = count(.drifted)
    if !hasChanges && report.errors.isEmpty { return "no changes" }
    return "\(created) created, \(drifted) drifted, \(report.pruned.count) deleted"
      + (report.errors.isEmpty ? "" : ", \(report.errors.count) failed")
  }
}
