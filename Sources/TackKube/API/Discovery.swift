import TackBase
import TackJSON

/// The server's resource types, from discovery: aggregated discovery (`apidiscovery.k8s.io/v2`,
/// one request each for `/api` and `/apis`) when the server offers it, else the classic endpoints
/// (`/api`, `/apis`, then one request per group version).
///
/// Cached for the process, and on disk per server for `ttl` (10 minutes), like kubectl's
/// `~/.kube/cache/discovery`. A lookup that misses refetches once before failing.
actor Discovery {
  let cacheDirectory: String?
  let ttl: Duration
  private var resources: [APIResource]?
  private var fetchedFromServer = false

  init(cacheDirectory: String?, ttl: Duration) {
    self.cacheDirectory = cacheDirectory
    self.ttl = ttl
  }

  static func directoryName(for server: ServerURL) -> String {
    let raw = server.host + "_" + String(server.port) + server.basePath
    return String(raw.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" ? $0 : "_" })
  }

  var cacheFile: String? { cacheDirectory.map { $0 + "/resources.json" } }

  func all(using executor: RequestExecutor, refresh: Bool = false) async throws -> [APIResource] {
    if !refresh, let resources { return resources }
    if !refresh, let cached = loadFromDisk() {
      resources = cached
      return cached
    }
    let fetched = try await fetch(using: executor)
    resources = fetched
    fetchedFromServer = true
    saveToDisk(fetched)
    return fetched
  }

  /// Resolves what a user typed (`ks`, `kustomization`, `Kustomization`, `kustomizations`,
  /// `kustomizations.kustomize.toolkit.fluxcd.io`, `kustomizations.v1.kustomize.toolkit.fluxcd.io`).
  func resolve(_ name: String, using executor: RequestExecutor) async throws -> APIResource {
    if let found = Self.match(name, in: try await all(using: executor)) { return found }
    if !fetchedFromServer, let found = Self.match(name, in: try await all(using: executor, refresh: true)) {
      return found
    }
    throw KubeDiscoveryError.unknownResource(name)
  }

  func resolve(_ gvk: GroupVersionKind, using executor: RequestExecutor) async throws -> APIResource {
    func find(_ list: [APIResource]) -> APIResource? {
      list.first { $0.group == gvk.group && $0.version == gvk.version && $0.kind == gvk.kind }
    }
    if let found = find(try await all(using: executor)) { return found }
    if !fetchedFromServer, let found = find(try await all(using: executor, refresh: true)) { return found }
    throw KubeDiscoveryError.unknownKind(gvk)
  }

  /// kubectl's matching: the name (case-insensitive) against plural, singular, short names and kind;
  /// a dotted name narrows by group (or version and group). Preferred versions win, then the
  /// server's group order.
  static func match(_ input: String, in resources: [APIResource]) -> APIResource? {
    let lower = input.lowercased()
    var candidates: [(name: String, group: String?, version: String?)] = [(lower, nil, nil)]
    if let dot = lower.firstIndex(of: ".") {
      let name = String(lower[..<dot])
      let rest = String(lower[lower.index(after: dot)...])
      candidates = [(name, rest, nil)]
      if let second = rest.firstIndex(of: ".") {
        candidates.append((name, String(rest[rest.index(after: second)...]), String(rest[..<second])))
      }
    }
    for candidate in candidates {
      let matches = resources.filter { resource in
        if let group = candidate.group, resource.group.lowercased() != group { return false }
        if let version = candidate.version, resource.version.lowercased() != version { return false }
        return resource.name.lowercased() == candidate.name || resource.singularName.lowercased() == candidate.name
          || resource.kind.lowercased() == candidate.name
          || resource.shortNames.contains { $0.lowercased() == candidate.name }
      }
      if candidate.version != nil, let first = matches.first { return first }
      if let preferred = matches.first(where: \.preferred) { return preferred }
      if let first = matches.first { return first }
    }
    return nil
  }

  // MARK: fetching

  static let aggregatedAccept =
    "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json"

  private func fetch(using executor: RequestExecutor) async throws -> [APIResource] {
    var result: [APIResource] = []
    var classicGroupVersions: [(GroupVersion, preferred: Bool)] = []
    for root in ["/api", "/apis"] {
      let response = try await executor.send(
        APIRequest(method: "GET", path: root, headers: [("Accept", Self.aggregatedAccept)], safety: .idempotent))
      let json = try KubeClient.decode(response, what: root)
      switch json["kind"]?.stringValue {
      case "APIGroupDiscoveryList":
        result += Self.parseAggregated(json)
      case "APIVersions":
        for version in json["versions"]?.arrayValue ?? [] {
          if let v = version.stringValue { classicGroupVersions.append((GroupVersion(group: "", version: v), true)) }
        }
      case "APIGroupList":
        for group in json["groups"]?.arrayValue ?? [] {
          let name = group["name"]?.stringValue ?? ""
          let preferred = group[path: "preferredVersion", "version"]?.stringValue
          for version in group["versions"]?.arrayValue ?? [] {
            guard let v = version["version"]?.stringValue else { continue }
            classicGroupVersions.append((GroupVersion(group: name, version: v), v == preferred))
          }
        }
      default:
        break
      }
    }
    if !classicGroupVersions.isEmpty {
      let lists = try await withThrowingTaskGroup(of: (Int, [APIResource]).self) { group in
        for (index, entry) in classicGroupVersions.enumerated() {
          group.addTask {
            let response = try await executor.send(
              APIRequest(method: "GET", path: entry.0.pathPrefix, safety: .idempotent))
            let json = try KubeClient.decode(response, what: entry.0.pathPrefix)
            return (index, Self.parseClassic(json, groupVersion: entry.0, preferred: entry.preferred))
          }
        }
        var collected = [[APIResource]](repeating: [], count: classicGroupVersions.count)
        for try await (index, list) in group { collected[index] = list }
        return collected
      }
      result += lists.flatMap { $0 }
    }
    return result
  }

  static func parseAggregated(_ json: JSON) -> [APIResource] {
    var result: [APIResource] = []
    for group in json["items"]?.arrayValue ?? [] {
      let groupName = group[path: "metadata", "name"]?.stringValue ?? ""
      for (index, version) in (group["versions"]?.arrayValue ?? []).enumerated() {
        let versionName = version["version"]?.stringValue ?? ""
        for resource in version["resources"]?.arrayValue ?? [] {
          result.append(
            APIResource(
              group: groupName, version: versionName, name: resource["resource"]?.stringValue ?? "",
              singularName: resource["singularResource"]?.stringValue ?? "",
              kind: resource[path: "responseKind", "kind"]?.stringValue ?? "",
              namespaced: resource["scope"]?.stringValue == "Namespaced",
              verbs: strings(resource["verbs"]), shortNames: strings(resource["shortNames"]),
              categories: strings(resource["categories"]),
              subresources: (resource["subresources"]?.arrayValue ?? []).compactMap { $0["subresource"]?.stringValue },
              preferred: index == 0))
        }
      }
    }
    return result
  }

  static func parseClassic(_ json: JSON, groupVersion: GroupVersion, preferred: Bool) -> [APIResource] {
    let entries = json["resources"]?.arrayValue ?? []
    var subresources: [String: [String]] = [:]
    for entry in entries {
      let name = entry["name"]?.stringValue ?? ""
      if let slash = name.firstIndex(of: "/") {
        subresources[String(name[..<slash]), default: []].append(String(name[name.index(after: slash)...]))
      }
    }
    return entries.compactMap { entry in
      let name = entry["name"]?.stringValue ?? ""
      guard !name.isEmpty, !name.contains("/") else { return nil }
      return APIResource(
        group: groupVersion.group, version: groupVersion.version, name: name,
        singularName: entry["singularName"]?.stringValue ?? "", kind: entry["kind"]?.stringValue ?? "",
        namespaced: entry["namespaced"]?.boolValue ?? false, verbs: strings(entry["verbs"]),
        shortNames: strings(entry["shortNames"]), categories: strings(entry["categories"]),
        subresources: subresources[name] ?? [], preferred: preferred)
    }
  }

  static func strings(_ value: JSON?) -> [String] { (value?.arrayValue ?? []).compactMap(\.stringValue) }

  // MARK: disk cache

  private func loadFromDisk() -> [APIResource]? {
    guard let file = cacheFile, let stamp = LocalFiles.stamp(file) else { return nil }
    let age = RFC3339Time.now().seconds - Double(stamp.modifiedSeconds)
    let (ttlSeconds, _) = ttl.components
    guard age >= 0, age < Double(ttlSeconds) else { return nil }
    guard let bytes = try? LocalFiles.read(file), let json = try? JSON.parse(bytes),
      let items = json["resources"]?.arrayValue
    else { return nil }
    return items.map { item in
      APIResource(
        group: item["group"]?.stringValue ?? "", version: item["version"]?.stringValue ?? "",
        name: item["name"]?.stringValue ?? "", singularName: item["singularName"]?.stringValue ?? "",
        kind: item["kind"]?.stringValue ?? "", namespaced: item["namespaced"]?.boolValue ?? false,
        verbs: Self.strings(item["verbs"]), shortNames: Self.strings(item["shortNames"]),
        categories: Self.strings(item["categories"]), subresources: Self.strings(item["subresources"]),
        preferred: item["preferred"]?.boolValue ?? false)
    }
  }

  private func saveToDisk(_ resources: [APIResource]) {
    guard let file = cacheFile else { return }
    func array(_ list: [String]) -> JSON { .array(list.map { .string($0) }) }
    let json: JSON = [
      "resources": .array(
        resources.map {
          [
            "group": .string($0.group), "version": .string($0.version), "name": .string($0.name),
            "singularName": .string($0.singularName), "kind": .string($0.kind), "namespaced": .bool($0.namespaced),
            "verbs": array($0.verbs), "shortNames": array($0.shortNames), "categories": array($0.categories),
            "subresources": array($0.subresources), "preferred": .bool($0.preferred),
          ]
        })
    ]
    // A cache that cannot be written is only slower next time.
    try? AtomicFile.write(
      json.serializedBytes(), to: file, permissions: .umasked(0o644), durable: false, createDirectories: true)
  }
}

/// A resource name or kind the server does not serve.
public enum KubeDiscoveryError: TackError, Equatable {
  case unknownResource(String)
  case unknownKind(GroupVersionKind)

  public var exitStatus: ExitStatus { .notFound }

  public var description: String {
    switch self {
    case .unknownResource(let name): "the server doesn't have a resource type \"\(name)\""
    case .unknownKind(let gvk): "no matches for kind \"\(gvk.kind)\" in version \"\(gvk.apiVersion)\""
    }
  }
}

extension KubeClient {
  /// All resource types the server serves (discovery, cached).
  public func serverResources(refresh: Bool = false) async throws -> [APIResource] {
    try await discovery.all(using: executor, refresh: refresh)
  }

  /// Resolves a resource name as kubectl does (`ks`, `kustomization`, `Kustomization`,
  /// `kustomizations.kustomize.toolkit.fluxcd.io`). Throws `KubeDiscoveryError` (exit 5) when the
  /// server does not serve it.
  public func resource(for name: String) async throws -> APIResource {
    try await discovery.resolve(name, using: executor)
  }

  /// The resource serving a kind in a version.
  public func resource(for gvk: GroupVersionKind) async throws -> APIResource {
    try await discovery.resolve(gvk, using: executor)
  }
}
