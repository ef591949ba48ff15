import TackBase
import TackJSON

/// `debug kustomization|helmrelease NAME`: why a Kustomization or HelmRelease is not Ready, in one
/// answer (its Ready condition, then each `dependsOn` object's and its source's, following the
/// ones that are not Ready), and, as `flux debug` does, its status, its substitution variables or
/// its merged Helm values. Values that come from Secrets are never printed.
///
/// ```swift
/// let debug = FluxDebug(cluster: cluster)
/// print(try await debug.reasons(of: ObjectRef(kind: .kustomization, namespace: "flux-system", name: "apps")))
/// ```
public struct FluxDebug: Sendable {
  public var cluster: any Cluster

  public init(cluster: any Cluster) { self.cluster = cluster }

  /// What stands in for a value read from a Secret.
  public static let redacted = "<redacted: from Secret>"

  public func object(_ ref: ObjectRef) async throws -> JSON {
    guard let object = try await cluster.get(ObjectKind(ref.kind), namespace: ref.namespace, name: ref.name) else {
      throw ObjectNotFoundError.get(ref)
    }
    return object
  }

  // MARK: why

  /// The object's state, then the states it depends on, indented under it: `dependsOn` objects and
  /// the source (a HelmRelease's HelmChart and its repository), recursing into those not Ready.
  public func reasons(of ref: ObjectRef) async throws -> String {
    let object = try await object(ref)
    var out = ""
    var visited = Set<String>()
    try await explain(ref, object, depth: 0, into: &out, visited: &visited)
    return out
  }

  private func explain(_ ref: ObjectRef, _ object: JSON?, depth: Int, into out: inout String, visited: inout Set<String>)
    async throws
  {
    let indent = String(repeating: "  ", count: depth)
    let label = "\(ref.kind.kind) \(ref.namespace)/\(ref.name)"
    guard let object else {
      out += "\(indent)\(label): not found\n"
      return
    }
    out += "\(indent)\(label): \(Self.state(object))\n"
    guard visited.insert("\(ref.kind.kind)/\(ref.namespace)/\(ref.name)").inserted, depth < 8 else { return }
    for next in Self.dependencies(of: ref, object) {
      try Task.checkCancellation()
      let dependency = try await cluster.get(ObjectKind(next.ref.kind), namespace: next.ref.namespace, name: next.ref.name)
      var nested = ""
      let ready = dependency.map { Readiness(of: $0) == .ready } ?? false
      if ready {
        nested = "\(indent)  \(next.role) \(next.ref.kind.kind) \(next.ref.namespace)/\(next.ref.name): \(Self.state(dependency!))\n"
      } else {
        var inner = ""
        try await explain(next.ref, dependency, depth: depth + 1, into: &inner, visited: &visited)
        nested = inner.replacingFirst(of: "\(indent)  ", with: "\(indent)  \(next.role) ")
      }
      out += nested
    }
  }

  /// `Ready=False (Reason): message`, `suspended`, or `no Ready condition yet`.
  static func state(_ object: JSON) -> String {
    var text: String
    if let ready = object[path: "status", "conditions"]?.arrayValue?.first(where: { $0["type"]?.stringValue == "Ready" }) {
      text = "Ready=\(ready["status"]?.stringValue ?? "Unknown")"
      if let reason = ready["reason"]?.stringValue, !reason.isEmpty { text += " (\(reason))" }
      if let message = ready["message"]?.stringValue, !message.isEmpty { text += ": " + TerminalLine.single(message) }
    } else {
      text = "no Ready condition yet"
    }
    if object[path: "spec", "suspend"]?.boolValue == true { text = "suspended; " + text }
    return text
  }

  struct Dependency {
    var role: String
    var ref: ObjectRef
  }

  static func dependencies(of ref: ObjectRef, _ object: JSON) -> [Dependency] {
    var result: [Dependency] = []
    for entry in object[path: "spec", "dependsOn"]?.arrayValue ?? [] {
      guard let name = entry["name"]?.stringValue else { continue }
      result.append(Dependency(role: "dependsOn", ref: ObjectRef(kind: ref.kind, namespace: entry["namespace"]?.stringValue ?? ref.namespace, name: name)))
    }
    switch ref.kind {
    case .kustomization:
      if let source = sourceRef(object[path: "spec", "sourceRef"], defaultNamespace: ref.namespace) {
        result.append(Dependency(role: "source", ref: source))
      }
    case .helmRelease:
      if let chart = object[path: "status", "helmChart"]?.stringValue, !chart.isEmpty {
        let parts = chart.split(separator: "/", maxSplits: 1).map(String.init)
        let chartRef = parts.count == 2
          ? ObjectRef(kind: .helmChart, namespace: parts[0], name: parts[1]) : ObjectRef(kind: .helmChart, namespace: ref.namespace, name: chart)
        result.append(Dependency(role: "chart", ref: chartRef))
      }
      if let source = sourceRef(object[path: "spec", "chart", "spec", "sourceRef"], defaultNamespace: ref.namespace)
        ?? sourceRef(object[path: "spec", "chartRef"], defaultNamespace: ref.namespace)
      {
        result.append(Dependency(role: "source", ref: source))
      }
    default:
      break
    }
    return result
  }

  static func sourceRef(_ reference: JSON?, defaultNamespace: String) -> ObjectRef? {
    guard let reference, let kindName = reference["kind"]?.stringValue, let name = reference["name"]?.stringValue,
      let kind = [FluxKind.gitRepository, .ociRepository, .bucket, .helmRepository, .helmChart, .externalArtifact]
        .first(where: { $0.kind == kindName })
    else { return nil }
    return ObjectRef(kind: kind, namespace: reference["namespace"]?.stringValue ?? defaultNamespace, name: name)
  }

  // MARK: flux debug's views

  /// `--show-vars`: the postBuild variables, `substituteFrom` in order then `substitute` over
  /// them, as sorted `NAME=value` lines; a Secret's values are redacted.
  public func variables(of kustomization: JSON) async throws -> String {
    let namespace = kustomization[path: "metadata", "namespace"]?.stringValue ?? ""
    var values: [String: String] = [:]
    for reference in kustomization[path: "spec", "postBuild", "substituteFrom"]?.arrayValue ?? [] {
      let kind = reference["kind"]?.stringValue ?? ""
      let name = reference["name"]?.stringValue ?? ""
      let isSecret = kind == "Secret"
      guard let object = try await cluster.get(isSecret ? .secret : .configMap, namespace: namespace, name: name) else {
        if reference["optional"]?.boolValue == true { continue }
        throw ObjectNotFoundError("substitute from '\(kind)/\(name)': \(isSecret ? "secrets" : "configmaps") \"\(name)\" not found")
      }
      let data = isSecret ? PostBuildSubstitution.values(ofSecret: object) : PostBuildSubstitution.values(ofConfigMap: object)
      for (key, value) in data { values[key] = isSecret ? Self.redacted : value }
    }
    for member in kustomization[path: "spec", "postBuild", "substitute"]?.objectValue ?? [:] {
      values[member.key] = member.value.stringValue ?? member.value.serialized()
    }
    return values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)\n" }.joined()
  }

  /// `--show-values`: `valuesFrom` in order (each key's YAML, or one value at `targetPath`), then
  /// `spec.values` over them; everything a Secret contributed is redacted leaf by leaf.
  public func values(of helmRelease: JSON) async throws -> JSON {
    let namespace = helmRelease[path: "metadata", "namespace"]?.stringValue ?? ""
    var merged: JSON = [:]
    for reference in helmRelease[path: "spec", "valuesFrom"]?.arrayValue ?? [] {
      let kind = reference["kind"]?.stringValue ?? ""
      let name = reference["name"]?.stringValue ?? ""
      let key = reference["valuesKey"]?.stringValue ?? "values.yaml"
      let isSecret = kind == "Secret"
      let object = try await cluster.get(isSecret ? .secret : .configMap, namespace: namespace, name: name)
      let data = object.map { isSecret ? PostBuildSubstitution.values(ofSecret: $0) : PostBuildSubstitution.values(ofConfigMap: $0) }
      guard let text = data?[key] else {
        if reference["optional"]?.boolValue == true { continue }
        throw ObjectNotFoundError("could not find \(kind.lowercased()) '\(namespace)/\(name)' key '\(key)' for values")
      }
      var contribution: JSON
      if let targetPath = reference["targetPath"]?.stringValue, !targetPath.isEmpty {
        contribution = [:]
        contribution.setValue(.string(text), atDottedPath: targetPath)
      } else {
        guard let parsed = try? JSON.parseYAML(text), case .object = parsed else { continue }
        contribution = parsed
      }
      if isSecret { contribution = contribution.redactingLeaves(with: Self.redacted) }
      merged = merged.deepMerged(with: contribution)
    }
    if let inline = helmRelease[path: "spec", "values"] { merged = merged.deepMerged(with: inline) }
    return merged
  }
}

extension JSON {
  /// Objects merged key by key, recursively; anything else from `other` replaces.
  func deepMerged(with other: JSON) -> JSON {
    guard case .object(var mine) = self, case .object(let theirs) = other else { return other }
    for member in theirs {
      mine[member.key] = (mine[member.key] ?? .null).deepMerged(with: member.value)
    }
    return .object(mine)
  }

  /// The same shape with every scalar replaced by `text`.
  func redactingLeaves(with text: String) -> JSON {
    switch self {
    case .object(let members):
      var copy = members
      for member in members { copy[member.key] = member.value.redactingLeaves(with: text) }
      return .object(copy)
    case .array(let items): return .array(items.map { $0.redactingLeaves(with: text) })
    case .null: return .null
    default: return .string(text)
    }
  }

  /// Sets `value` at `a.b.c`, creating objects on the way (Helm's `--set` paths without indexes).
  mutating func setValue(_ value: JSON, atDottedPath path: String) {
    let keys = path.split(separator: ".").map(String.init)
    guard let first = keys.first else { return }
    guard case .object(var members) = self else { return }
    if keys.count == 1 {
      members[first] = value
    } else {
      var child = members[first] ?? [:]
      if case .object = child {} else { child = [:] }
      child.setValue(value, atDottedPath: keys.dropFirst().joined(separator: "."))
      members[first] = child
    }
    self = .object(members)
  }
}

/// Messages from the cluster on one line: newlines folded, so a reason stays one line.
enum TerminalLine {
  static func single(_ text: String) -> String {
    text.split(whereSeparator: \.isNewline).joined(separator: " ")
  }
}

extension String {
  func replacingFirst(of target: String, with replacement: String) -> String {
    guard let range = range(of: target) else { return self }
    return replacingCharacters(in: range, with: replacement)
  }
}
