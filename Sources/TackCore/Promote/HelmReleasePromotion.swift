#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
import TackBase
import TackGit
import TackJSON

/// `promote helmrelease`: sets the chart version of a HelmRelease in one folder of a fleet
/// repository (production) to the version another folder runs (staging) or a given one, as a
/// text edit of that one scalar — comments, quoting and every other byte stay as they were.
public enum HelmReleasePromotion {
  public enum VersionSource: Sendable, Equatable {
    /// `--version`.
    case exact(String)
    /// `--from-path`: the same HelmRelease's pinned version there.
    case path(RepositoryPath)
  }

  public struct Request: Sendable {
    public var name: String
    /// Only a document in this namespace (or with none) matches; nil matches any.
    public var namespace: String?
    /// The work tree of the fleet repository.
    public var root: String
    public var toPath: RepositoryPath
    public var source: VersionSource

    public init(name: String, namespace: String?, root: String, toPath: RepositoryPath, source: VersionSource) {
      self.name = name
      self.namespace = namespace
      self.root = root
      self.toPath = toPath
      self.source = source
    }
  }

  /// What the promotion would change.
  public struct Plan: Sendable, Equatable {
    /// The target file, relative to the repository root.
    public var file: String
    public var current: String
    public var version: String
    public var original: String
    public var edited: String
    public var changed: Bool { original != edited }

    /// A unified diff of the edit (empty when nothing changes).
    public var diff: String { UnifiedLineDiff.render(path: file, original: original, edited: edited) }
  }

  static let versionPath = ["spec", "chart", "spec", "version"]

  public static func plan(_ request: Request) throws(PromotionError) -> Plan {
    var version: String
    switch request.source {
    case .exact(let given):
      version = given
    case .path(let path):
      let found = try find(request, in: path)
      guard let staged = found.span?.value, !staged.isEmpty else {
        throw PromotionError(.failure, "\(found.file): HelmRelease \(request.name) has no spec.chart.spec.version to promote")
      }
      guard ExactVersion.isExact(staged) else {
        throw PromotionError(
          .usage,
          "\(found.file): spec.chart.spec.version \"\(staged)\" is a range, not a version; pass the version staging runs with --version")
      }
      version = staged
    }
    // A HelmRepository chart takes no build metadata (helm-controller adds it for OCI sources).
    if let plus = version.firstIndex(of: "+") { version = String(version[..<plus]) }
    guard ExactVersion.isExact(version) else {
      throw PromotionError(.usage, "--version \"\(version)\" is not a version such as 1.2.3")
    }
    let target = try find(request, in: request.toPath)
    guard let span = target.span else {
      throw PromotionError(
        .failure,
        "\(target.file): spec.chart.spec.version of HelmRelease \(request.name) is missing or not a one-line scalar tack can edit in place")
    }
    var bytes = Array(target.text.utf8)
    bytes.replaceSubrange(span.range, with: Array(version.utf8))
    return Plan(
      file: target.file, current: span.value, version: version, original: target.text,
      edited: String(decoding: bytes, as: UTF8.self))
  }

  /// Writes the edited file (through `GitWorkTree`, never through a committed link).
  public static func apply(_ plan: Plan, root: String) throws(PromotionError) {
    do throws(GitError) {
      try GitWorkTree(root: root).write(plan.file, plan.edited)
    } catch {
      throw PromotionError(.failure, error.description)
    }
  }

  struct Found {
    var file: String
    var text: String
    var span: YAMLScalarSpan?
  }

  /// The one HelmRelease `request.name` among the YAML files under `path`.
  static func find(_ request: Request, in path: RepositoryPath) throws(PromotionError) -> Found {
    let tree = GitWorkTree(root: request.root)
    let directory = path.components.isEmpty ? request.root : request.root + "/" + path.relative
    // Listing it is the check that it is a directory (FoundationEssentials has no ObjCBool).
    guard (try? FileManager.default.contentsOfDirectory(atPath: directory)) != nil else {
      throw PromotionError(.notFound, "\(path.relative.isEmpty ? "." : path.relative) is not a directory of the repository")
    }
    let files = (FileManager.default.enumerator(atPath: directory)?.compactMap { $0 as? String } ?? [])
      .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
    var matches: [Found] = []
    for file in files {
      let relative = path.components.isEmpty ? file : path.relative + "/" + file
      let text: String
      do throws(GitError) {
        guard let read = try tree.readString(relative) else { continue }
        text = read
      } catch {
        throw PromotionError(.failure, error.description)
      }
      // Files that are not Kubernetes YAML (values files, broken drafts) are not the target.
      guard let documents = try? JSON.yamlDocuments(text, scalarAt: versionPath) else { continue }
      for (document, span) in documents where isRelease(document, request) {
        matches.append(Found(file: relative, text: text, span: span))
      }
    }
    guard !matches.isEmpty else {
      throw PromotionError(.notFound, "no HelmRelease \"\(request.name)\" under \(path.relative.isEmpty ? "." : path.relative)")
    }
    guard matches.count == 1 else {
      throw PromotionError(
        .usage,
        "HelmRelease \"\(request.name)\" is defined more than once under \(path.relative) (\(matches.map(\.file).joined(separator: ", "))); pass -n/--namespace")
    }
    return matches[0]
  }

  static func isRelease(_ document: JSON, _ request: Request) -> Bool {
    guard document["apiVersion"]?.stringValue?.hasPrefix("helm.toolkit.fluxcd.io/") == true,
      document["kind"]?.stringValue == "HelmRelease",
      document[path: "metadata", "name"]?.stringValue == request.name
    else { return false }
    guard let namespace = request.namespace, let own = document[path: "metadata", "namespace"]?.stringValue else { return true }
    return own == namespace
  }
}

/// A pinned SemVer version (`1.2.3`, `v1.2.3-rc.1+build`), not a range (`1.x`, `>=1.0`, `~1`, `*`).
enum ExactVersion {
  static func isExact(_ text: String) -> Bool {
    var core = Substring(text)
    if core.hasPrefix("v") { core = core.dropFirst() }
    let cut = core.firstIndex { $0 == "-" || $0 == "+" } ?? core.endIndex
    let numbers = core[..<cut].split(separator: ".", omittingEmptySubsequences: false)
    guard numbers.count == 3, numbers.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else { return false }
    return core[cut...].allSatisfy { $0.isASCIIDigit || $0.isASCIILetter || "-+.".contains($0) }
  }
}

extension Character {
  fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
  fileprivate var isASCIILetter: Bool { isASCII && isLetter }
}

/// Why a promotion cannot go ahead.
public struct PromotionError: TackError, Equatable {
  public var exitStatus: ExitStatus
  public var message: String
  init(_ status: ExitStatus, _ message: String) {
    exitStatus = status
    self.message = message
  }
  public var description: String { message }
}
