import TackBase
import TackJSON

/// `configMapGenerator` and `secretGenerator`: key/value pairs from env files, literals and files
/// (in that order) become a ConfigMap's `data` (`binaryData` for bytes that are not UTF-8) or a
/// Secret's base64 `data`, with the generator options' labels, annotations and `immutable`.
struct ConfigMapSecretGenerator {
  let loader: DirectoryLoader
  let kustomizationFile: String
  let globalOptions: GeneratorOptions?

  func generate(_ args: GeneratorArgs, secret: Bool) throws(KustomizeError) -> Resource {
    let kind = secret ? "Secret" : "ConfigMap"
    guard !args.name.isEmpty else {
      throw .generator(file: kustomizationFile, name: "", reason: "a \(kind.lowercased()) must have a name")
    }
    // kustomize treats an unknown behavior like none at all.
    let behavior = GeneratorBehavior(rawValue: args.behavior) ?? .unspecified
    let pairs = try loadPairs(args)
    var object: JSONObject = ["apiVersion": "v1", "kind": .string(kind)]
    var metadata: JSONObject = ["name": .string(args.name)]
    if !args.namespace.isEmpty { metadata["namespace"] = .string(args.namespace) }
    let options = Self.merge(local: args.options, global: globalOptions)
    if !options.labels.isEmpty {
      metadata["labels"] = .object(JSONObject(options.labels.map { .init(key: $0.key, value: .string($0.value)) }))
    }
    if !options.annotations.isEmpty {
      metadata["annotations"] = .object(JSONObject(options.annotations.map { .init(key: $0.key, value: .string($0.value)) }))
    }
    object["metadata"] = .object(metadata)
    if secret {
      object["type"] = .string(args.type.isEmpty ? "Opaque" : args.type)
      var data = JSONObject()
      for (key, value) in pairs { data[key] = .string(Self.base64Lines(value)) }
      object["data"] = .object(data)
    } else {
      var data = JSONObject()
      var binary = JSONObject()
      for (key, value) in pairs {
        if let text = String(validating: value, as: UTF8.self) {
          data[key] = .string(text)
        } else {
          binary[key] = .string(Self.base64Lines(value))
        }
      }
      if !data.isEmpty { object["data"] = .object(data) }
      if !binary.isEmpty { object["binaryData"] = .object(binary) }
    }
    if options.immutable { object["immutable"] = true }
    var resource = Resource(object: object, source: kustomizationFile)
    resource.behavior = behavior
    resource.needsHashSuffix = !options.disableNameSuffixHash
    return resource
  }

  /// Item options win over the kustomization's `generatorOptions`; the flags are or-ed.
  static func merge(local: GeneratorOptions?, global: GeneratorOptions?) -> GeneratorOptions {
    guard let global else { return local ?? GeneratorOptions() }
    guard let local else { return global }
    var merged = GeneratorOptions()
    var labels = Dictionary(global.labels.map { ($0.key, $0.value) }, uniquingKeysWith: { $1 })
    for pair in local.labels { labels[pair.key] = pair.value }
    var annotations = Dictionary(global.annotations.map { ($0.key, $0.value) }, uniquingKeysWith: { $1 })
    for pair in local.annotations { annotations[pair.key] = pair.value }
    merged.labels = labels.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    merged.annotations = annotations.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    merged.disableNameSuffixHash = local.disableNameSuffixHash || global.disableNameSuffixHash
    merged.immutable = local.immutable || global.immutable
    return merged
  }

  /// Base64 with a line break after every 70 characters once the text is that long.
  static func base64Lines(_ bytes: [UInt8]) -> String {
    let encoded = Base64.encode(bytes)
    guard encoded.utf8.count >= 70 else { return encoded }
    var out = ""
    var line = Substring(encoded)
    while !line.isEmpty {
      out += line.prefix(70) + "\n"
      line = line.dropFirst(70)
    }
    return out
  }

  private func loadPairs(_ args: GeneratorArgs) throws(KustomizeError) -> [(String, [UInt8])] {
    var pairs: [(String, [UInt8])] = []
    for env in args.envs {
      let bytes = try loader.readFile(env, field: "envs", kustomizationFile: kustomizationFile)
      pairs += try envPairs(bytes, file: env, name: args.name)
    }
    for literal in args.literals {
      guard let equals = literal.firstIndex(of: "="), equals != literal.startIndex else {
        throw .generator(file: kustomizationFile, name: args.name, reason: "invalid literal source \(literal), expected key=value")
      }
      let key = String(literal[..<equals])
      let value = Self.removeQuotes(String(literal[literal.index(after: equals)...]))
      pairs.append((key, Array(value.utf8)))
    }
    for source in args.files {
      let (key, path) = try fileSource(source, name: args.name)
      pairs.append((key, try loader.readFile(path, field: "files", kustomizationFile: kustomizationFile)))
    }
    var seen = Set<String>()
    for (key, _) in pairs where !seen.insert(key).inserted {
      throw .generator(file: kustomizationFile, name: args.name, reason: "configmap \(args.name) illegally repeats the key `\(key)`")
    }
    return pairs.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
  }

  private func fileSource(_ source: String, name: String) throws(KustomizeError) -> (String, String) {
    let separators = source.filter { $0 == "=" }.count
    if separators == 0 { return (KustomizePath.lastComponent(source), source) }
    if separators > 1 {
      throw .generator(file: kustomizationFile, name: name, reason: "source \"\(source)\" key name or file path contains '='")
    }
    if source.hasPrefix("=") {
      throw .generator(file: kustomizationFile, name: name, reason: "missing key name for file path \"\(source.dropFirst())\" in source \"\(source)\"")
    }
    if source.hasSuffix("=") {
      throw .generator(file: kustomizationFile, name: name, reason: "missing file path for key name \"\(source.dropLast())\" in source \"\(source)\"")
    }
    let parts = source.split(separator: "=", maxSplits: 1)
    return (String(parts[0]), String(parts[1]))
  }

  /// An env file: one `KEY=value` per line; blank lines and `#` comments skipped; leading space
  /// trimmed; the value verbatim (quotes and trailing spaces kept); no `=` means an empty value.
  private func envPairs(_ bytes: [UInt8], file: String, name: String) throws(KustomizeError) -> [(String, [UInt8])] {
    var pairs: [(String, [UInt8])] = []
    var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    if bytes.last == UInt8(ascii: "\n") { lines.removeLast() }
    for (number, rawLine) in lines.enumerated() {
      var line = Array(rawLine)
      if line.last == UInt8(ascii: "\r") { line.removeLast() }
      guard let text = String(validating: line, as: UTF8.self) else {
        throw .generator(file: kustomizationFile, name: name, reason: "\(file): line \(number + 1) has invalid utf8 bytes")
      }
      var trimmed = Substring(text)
      if number == 0, trimmed.hasPrefix("\u{FEFF}") { trimmed = trimmed.dropFirst() }
      trimmed = trimmed.drop(while: { $0.isWhitespace })
      if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
      if let equals = trimmed.firstIndex(of: "=") {
        if equals == trimmed.startIndex { continue }
        pairs.append((String(trimmed[..<equals]), Array(trimmed[trimmed.index(after: equals)...].utf8)))
      } else {
        pairs.append((String(trimmed), []))
      }
    }
    return pairs
  }

  static func removeQuotes(_ value: String) -> String {
    let bytes = Array(value.utf8)
    guard bytes.count >= 2, bytes.first == bytes.last,
      bytes.first == UInt8(ascii: "\"") || bytes.first == UInt8(ascii: "'")
    else { return value }
    return String(decoding: bytes[1..<(bytes.count - 1)], as: UTF8.self)
  }
}
