#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
import TackBase
import TackJSON
import TackKustomize

/// What `build ks` and `diff ks` are asked to build: which Flux Kustomization (from the cluster, from
/// `--kustomization-file`, or the file over the live object's status), which directory, and the
/// `substituteFrom` values read through the ``Cluster``. The build itself is ``FluxBuild``.
///
/// ```swift
/// let request = KustomizationBuildRequest(name: "apps", namespace: "flux-system", path: "/repo/apps")
/// let prepared = try await request.prepare(cluster: cluster)   // nil cluster with dryRun
/// print(try prepared.build().yaml, terminator: "")
/// ```
public struct KustomizationBuildRequest: Sendable {
  public var name: String
  public var namespace: String
  /// `--path`, absolute.
  public var path: String
  /// `--kustomization-file`, absolute.
  public var kustomizationFile: String?
  /// `--dry-run` (build only): no cluster at all; `substituteFrom` is skipped as flux does.
  public var dryRun: Bool
  /// `--ignore-not-found` (diff only): a Kustomization missing from the cluster is built from the file.
  public var ignoreNotFound: Bool
  public var ignorePaths: [String]
  public var strictSubstitute: Bool

  public init(
    name: String, namespace: String, path: String, kustomizationFile: String? = nil, dryRun: Bool = false,
    ignoreNotFound: Bool = false, ignorePaths: [String] = [], strictSubstitute: Bool = false
  ) {
    self.name = name
    self.namespace = namespace
    self.path = path
    self.kustomizationFile = kustomizationFile
    self.dryRun = dryRun
    self.ignoreNotFound = ignoreNotFound
    self.ignorePaths = ignorePaths
    self.strictSubstitute = strictSubstitute
  }

  /// A request ready to build: the Kustomization and the referenced values are known.
  public struct Prepared: Sendable {
    public var kustomization: FluxKustomization
    public var directory: String
    public var options: FluxBuild.Options

    public func build() throws(FluxBuildError) -> FluxBuild.Result {
      try FluxBuild(tree: DiskFileSystem(), directory: directory, kustomization: kustomization, options: options).run()
    }
  }

  /// Checks the flags' files, reads the Kustomization and the `substituteFrom` data. `cluster` may
  /// be nil only with `dryRun`.
  public func prepare(cluster: (any Cluster)?) async throws -> Prepared {
    if dryRun && kustomizationFile == nil { throw KustomizationBuildRequestError.dryRunNeedsFile }
    guard LocalPath.isDirectory(path) else { throw KustomizationBuildRequestError.invalidPath(path) }
    let local = try kustomizationFile.map(readFile)
    var kustomization: FluxKustomization
    var values: [[String: String]] = []
    if dryRun || cluster == nil {
      guard let local else { throw KustomizationBuildRequestError.dryRunNeedsFile }
      kustomization = local
    } else {
      let cluster = cluster!
      let live = try await liveKustomization(cluster)
      switch (live, local) {
      case (let live?, let local?): kustomization = local.withStatus(of: live)
      case (let live?, nil): kustomization = live
      case (nil, let local?): kustomization = local
      case (nil, nil): throw KustomizationBuildRequestError.kustomizationNotFound(name: name, namespace: namespace)
      }
      values = try await referencedValues(kustomization, cluster: cluster)
    }
    return Prepared(
      kustomization: kustomization, directory: path,
      options: FluxBuild.Options(ignorePaths: ignorePaths, strictSubstitute: strictSubstitute, referencedValues: values))
  }

  private func readFile(_ file: String) throws -> FluxKustomization {
    guard LocalPath.isFile(file), let data = FileManager.default.contents(atPath: file) else {
      throw KustomizationBuildRequestError.invalidKustomizationFile(file)
    }
    return try FluxKustomization.find(in: String(decoding: data, as: UTF8.self), file: file, name: name, namespace: namespace)
  }

  /// The live object; nil only when it is missing and a file may stand in for it.
  private func liveKustomization(_ cluster: any Cluster) async throws -> FluxKustomization? {
    let object: JSON?
    do {
      object = try await cluster.get(ObjectKind(FluxKind.kustomization), namespace: namespace, name: name)
    } catch let error as any TackError {
      throw KustomizationBuildRequestError.clusterRead(error)
    }
    guard let object else {
      if ignoreNotFound && kustomizationFile != nil { return nil }
      throw KustomizationBuildRequestError.kustomizationNotFound(name: name, namespace: namespace)
    }
    return try FluxKustomization(object)
  }

  /// The data of each `substituteFrom` object in spec order; a missing optional one is skipped.
  private func referencedValues(_ kustomization: FluxKustomization, cluster: any Cluster) async throws -> [[String: String]] {
    var values: [[String: String]] = []
    for reference in kustomization.postBuild?.substituteFrom ?? [] {
      let isSecret = reference.kind == "Secret"
      guard isSecret || reference.kind == "ConfigMap" else {
        throw KustomizationBuildRequestError.substituteFrom(
          kind: reference.kind, name: reference.name, reason: "unsupported kind, must be ConfigMap or Secret")
      }
      let object = try await cluster.get(
        isSecret ? .secret : .configMap, namespace: kustomization.namespace, name: reference.name)
      guard let object else {
        if reference.optional { continue }
        throw KustomizationBuildRequestError.substituteFrom(
          kind: reference.kind, name: reference.name,
          reason: "\(isSecret ? "secrets" : "configmaps") \"\(reference.name)\" not found")
      }
      values.append(
        isSecret ? PostBuildSubstitution.values(ofSecret: object) : PostBuildSubstitution.values(ofConfigMap: object))
    }
    return values
  }
}

/// Why a build or diff request could not start, worded as flux words it.
public enum KustomizationBuildRequestError: TackError {
  case dryRunNeedsFile
  case invalidPath(String)
  case invalidKustomizationFile(String)
  case kustomizationNotFound(name: String, namespace: String)
  /// Reading the Kustomization failed (its kind not served, the API unreachable).
  case clusterRead(any TackError)
  case substituteFrom(kind: String, name: String, reason: String)

  public var exitStatus: ExitStatus {
    switch self {
    case .dryRunNeedsFile: .usage
    case .kustomizationNotFound: .notFound
    case .clusterRead(let error): error.exitStatus
    default: .failure
    }
  }

  public var description: String {
    switch self {
    case .dryRunNeedsFile: "dry-run mode requires a kustomization file"
    case .invalidPath(let path): "invalid resource path \"\(path)\""
    case .invalidKustomizationFile(let file): "invalid kustomization file \"\(file)\""
    case .kustomizationNotFound(let name, _):
      "failed to get kustomization object: kustomizations.kustomize.toolkit.fluxcd.io \"\(name)\" not found"
    case .clusterRead(let error): "failed to get kustomization object: \(error)"
    case .substituteFrom(let kind, let name, let reason): "substitute from '\(kind)/\(name)' error: \(reason)"
    }
  }
}
