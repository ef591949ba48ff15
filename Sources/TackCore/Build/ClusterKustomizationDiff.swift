#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
import TackBase
import TackJSON

/// `diff ks` against a cluster: every built object fetched and server-side applied with
/// `dryRun=All` as `kustomize-controller` (forced, as the controller applies), then judged by
/// ``KustomizationDiff`` and gathered in a ``KustomizationDiffReport``. Nothing is written.
///
/// ```swift
/// let built = try prepared.build()
/// let report = try await ClusterKustomizationDiff(cluster: cluster, kustomization: prepared.kustomization)
///   .run(built.objects)
/// ```
public struct ClusterKustomizationDiff: Sendable {
  public var cluster: any Cluster
  public var kustomization: FluxKustomization
  /// The width dyff wraps long values at.
  public var terminalWidth: Int

  public init(cluster: any Cluster, kustomization: FluxKustomization, terminalWidth: Int = 80) {
    self.cluster = cluster
    self.kustomization = kustomization
    self.terminalWidth = terminalWidth
  }

  /// Diffs the objects in build order; a failed object is recorded and the others still diffed.
  public func run(_ objects: [JSON]) async throws -> KustomizationDiffReport {
    var diffs: [ObjectDiff] = []
    var errors: [String] = []
    for object in objects.map(KustomizationDiff.prepared) {
      try Task.checkCancellation()
      do {
        diffs.append(try await diff(object))
      } catch let error as FluxDiffError {
        errors.append(error.message)
      } catch let error as ResourceNotServedError {
        errors.append("\(ObjectIdentity(object).subject) dry-run failed: \(error)")
      }
    }
    return try KustomizationDiffReport(kustomization: kustomization, objects: diffs, errors: errors)
  }

  private func diff(_ object: JSON) async throws -> ObjectDiff {
    let name = object[path: "metadata", "name"]?.stringValue ?? ""
    let namespace = object[path: "metadata", "namespace"]?.stringValue
    let live = try await cluster.get(ObjectKind(of: object), namespace: namespace, name: name)
    if KustomizationDiff.isSkipped(desired: object, live: live) {
      return KustomizationDiff.skipped(desired: object, live: live)
    }
    let outcome = try await cluster.dryRunApply(object, fieldManager: KustomizationDiff.fieldManager, force: true)
    return try KustomizationDiff.compare(
      desired: object, live: live, dryRun: outcome, ignoreRules: kustomization.driftIgnoreRules,
      terminalWidth: terminalWidth)
  }
}

extension KustomizationDiffReport {
  /// `-o json`: ``document`` with sorted keys, two-space indent, and a final newline.
  public var json: String {
    DiffJSON.text(of: document)
  }
}

/// How `diff -o json` writes a report document: sorted keys, two-space indent, a final newline.
enum DiffJSON {
  static func text(of document: some Encodable) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(document), let value = try? JSON.parse(Array(data)) else { return "{}\n" }
    return value.serialized(JSONWriteOptions(indent: "  ", sortKeys: true)) + "\n"
  }
}
