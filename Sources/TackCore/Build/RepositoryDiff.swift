#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
import TackBase
import TackJSON

/// `diff ks --all --path-root DIR`: every Kustomization in the cluster whose source is the
/// repository checked out at `DIR` (or the GitRepositories named by `--source`), each built from
/// `DIR/spec.path` and diffed as ``ClusterKustomizationDiff`` does, several at a time. One failing
/// Kustomization is reported and the others still run.
///
/// ```swift
/// let request = RepositoryDiffRequest(pathRoot: "/src/fleet")
/// let result = try await RepositoryDiff(cluster: cluster, request: request).run()
/// print(result.text, terminator: "")
/// ```
public struct RepositoryDiffRequest: Sendable {
  /// The checkout's root, absolute.
  public var pathRoot: String
  /// `--source`: GitRepositories as `namespace/name`; empty means those whose URL is the checkout's origin.
  public var sources: [ObjectRef]
  public var ignorePaths: [String]
  public var strictSubstitute: Bool
  /// How many Kustomizations are built and diffed at once.
  public var concurrency: Int

  public init(
    pathRoot: String, sources: [ObjectRef] = [], ignorePaths: [String] = [], strictSubstitute: Bool = false,
    concurrency: Int = 4
  ) {
    self.pathRoot = pathRoot
    self.sources = sources
    self.ignorePaths = ignorePaths
    self.strictSubstitute = strictSubstitute
    self.concurrency = max(1, concurrency)
  }
}

public struct RepositoryDiff: Sendable {
  public var cluster: any Cluster
  public var request: RepositoryDiffRequest
  public var terminalWidth: Int

  public init(cluster: any Cluster, request: RepositoryDiffRequest, terminalWidth: Int = 80) {
    self.cluster = cluster
    self.request = request
    self.terminalWidth = terminalWidth
  }

  /// One Kustomization's outcome.
  public struct Entry: Sendable {
    public var name: String
    public var namespace: String
    /// `spec.path` as the Kustomization writes it.
    public var path: String
    public var report: KustomizationDiffReport?
    /// Why it could not be built or diffed (the report, when there is one, may hold per-object errors too).
    public var error: String?

    public var hasChanges: Bool { report?.hasChanges ?? false }
    public var failed: Bool { error != nil || !(report?.errors.isEmpty ?? true) }
  }

  public func run() async throws -> RepositoryDiffResult {
    let sources = try await selectedSources()
    let kustomizations = try await cluster.list(ObjectKind(FluxKind.kustomization), ListScope(namespace: nil)).items
      .compactMap { try? FluxKustomization($0) }
      .filter { sources.keys.contains($0.sourceKey) }
      .sorted { ($0.namespace, $0.name) < ($1.namespace, $1.name) }
    guard !kustomizations.isEmpty else { throw RepositoryDiffError.noKustomizations(sources.described) }
    var entries = [Entry?](repeating: nil, count: kustomizations.count)
    try await withThrowingTaskGroup(of: (Int, Entry).self) { group in
      var next = 0
      func startNext() {
        guard next < kustomizations.count else { return }
        let index = next
        let kustomization = kustomizations[index]
        next += 1
        group.addTask { (index, await self.diff(kustomization)) }
      }
      for _ in 0..<request.concurrency { startNext() }
      while let (index, entry) = try await group.next() {
        entries[index] = entry
        startNext()
      }
    }
    return RepositoryDiffResult(sources: sources.described, entries: entries.compactMap { $0 })
  }

  private func diff(_ kustomization: FluxKustomization) async -> Entry {
    var entry = Entry(name: kustomization.name, namespace: kustomization.namespace, path: kustomization.path)
    if kustomization.targetsRemoteCluster {
      entry.error = "spec.kubeConfig targets another cluster; diff it with that cluster's kubeconfig"
      return entry
    }
    guard let directory = Self.directory(kustomization.path, under: request.pathRoot) else {
      entry.error = "spec.path \"\(kustomization.path)\" leads outside \(request.pathRoot)"
      return entry
    }
    do {
      let prepared = try await KustomizationBuildRequest(
        name: kustomization.name, namespace: kustomization.namespace, path: directory,
        ignorePaths: request.ignorePaths, strictSubstitute: request.strictSubstitute
      ).prepare(cluster: cluster)
      let built = try prepared.build()
      entry.report = try await ClusterKustomizationDiff(
        cluster: cluster, kustomization: prepared.kustomization, terminalWidth: terminalWidth
      ).run(built.objects)
    } catch is CancellationError {
      entry.error = "cancelled"
    } catch {
      entry.error = "\(error)"
    }
    return entry
  }

  /// `root/path` with `.` and `..` resolved; nil when it climbs out of `root`.
  static func directory(_ path: String, under root: String) -> String? {
    var parts: [Substring] = []
    for part in path.split(separator: "/") where part != "." {
      if part == ".." {
        guard !parts.isEmpty else { return nil }
        parts.removeLast()
      } else {
        parts.append(part)
      }
    }
    let base = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
    return parts.isEmpty ? base : base + "/" + parts.joined(separator: "/")
  }

  /// The GitRepositories whose Kustomizations are diffed, keyed as ``FluxKustomization/sourceKey``.
  private func selectedSources() async throws -> (keys: Set<String>, described: [String]) {
    if !request.sources.isEmpty {
      let keys = request.sources.map { "GitRepository/\($0.namespace)/\($0.name)" }
      return (Set(keys), request.sources.map { "GitRepository/\($0.namespace)/\($0.name)" })
    }
    let origin = try RepositoryOrigin.of(checkout: request.pathRoot)
    let repositories = try await cluster.list(ObjectKind(FluxKind.gitRepository), ListScope(namespace: nil)).items
    let matching = repositories.filter { origin.matches($0[path: "spec", "url"]?.stringValue ?? "") }
      .map { "GitRepository/\($0[path: "metadata", "namespace"]?.stringValue ?? "")/\($0[path: "metadata", "name"]?.stringValue ?? "")" }
      .sorted()
    guard !matching.isEmpty else { throw RepositoryDiffError.noSourceForOrigin(origin.description) }
    return (Set(matching), matching)
  }
}

/// What `diff ks --all` found.
public struct RepositoryDiffResult: Sendable {
  /// The GitRepositories followed, as `GitRepository/namespace/name`.
  public var sources: [String]
  public var entries: [Entry]
  public typealias Entry = RepositoryDiff.Entry

  public var hasChanges: Bool { entries.contains(where: \.hasChanges) }
  public var failures: Int { entries.filter(\.failed).count }
}

public enum RepositoryDiffError: TackError, Equatable {
  case notACheckout(String)
  case noOrigin(String)
  case noSourceForOrigin(String)
  case noKustomizations([String])

  public var exitStatus: ExitStatus {
    switch self {
    case .noSourceForOrigin, .noKustomizations: .notFound
    default: .usage
    }
  }

  public var description: String {
    switch self {
    case .notACheckout(let directory):
      "--path-root \(directory) is not inside a Git checkout; pass --source GitRepository/NAME to say which source it is"
    case .noOrigin(let directory):
      "--path-root \(directory) has no \"origin\" remote; pass --source GitRepository/NAME to say which source it is"
    case .noSourceForOrigin(let url):
      "no GitRepository in the cluster points at \(url); pass --source GitRepository/NAME to pick one"
    case .noKustomizations(let sources):
      "no Kustomization in the cluster uses \(sources.joined(separator: ", "))"
    }
  }
}
