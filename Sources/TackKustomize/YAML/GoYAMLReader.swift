import TackBase
import TackJSON
import Yams

/// A YAML text that could not be read, with libyaml's position ("line 4: did not find expected key").
struct GoYAMLError: Error, Equatable {
  var message: String
}

/// Reads YAML into the JSON kustomize carries forward, typing scalars as Go's YAML libraries do.
///
/// TackJSON's reader types scalars for kubectl-style YAML 1.1; kustomize differs in ways that show
/// in its output: resources are read with yaml.v3 (`yes` stays a string, unquoted timestamps become
/// RFC 3339 strings, `.inf` is an error), and a timestamp with a time inside a flow collection stays
/// text because kyaml re-encodes flow nodes quoted. So this walks Yams' node tree itself.
struct GoYAMLReader {
  var flavour: GoYAMLFlavour

  /// Every document of `text`; empty and comment-only documents come back as `nil`.
  func documents(_ text: String) throws(GoYAMLError) -> [JSON?] {
    var result: [JSON?] = []
    do {
      // The basic resolver: Yams' default one runs a regular expression per scalar, and the
      // typing below replaces it anyway.
      let parser = try GuardedYAMLParser(yaml: text, resolver: .basic)
      while let node = try parser.nextRoot() {
        let value = try convert(node, inFlow: false, depth: 0)
        result.append(GoNull.isNull(value) ? JSON?.none : value)
      }
    } catch let error as GoYAMLError {
      throw error
    } catch let error as YamlError {
      throw GoYAMLError(message: Self.describe(error))
    } catch {
      throw GoYAMLError(message: "yaml: \(error)")
    }
    return result
  }

  /// One value (the kustomization file, a patch): an empty text is `nil`.
  func single(_ text: String) throws(GoYAMLError) -> JSON? {
    let all = try documents(text)
    return all.first ?? JSON?.none
  }

  static func describe(_ error: YamlError) -> String {
    switch error {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      var text = "yaml: line \(mark.line): \(problem)"
      if let context, !context.text.isEmpty { text += " (\(context.text))" }
      return text
    case .duplicatedKeysInMapping(let duplicates, let context):
      return "yaml: line \(context.mark.line): mapping key \(duplicates.map { "\"\($0)\"" }.joined(separator: ", ")) already defined"
    case .reader(let problem, _, _, _):
      return "yaml: \(problem)"
    default:
      let text = "\(error)"
      return "yaml: " + (text.split(separator: "\n").first.map(String.init) ?? text)
    }
  }

  private func convert(_ node: Node, inFlow: Bool, depth: Int) throws(GoYAMLError) -> JSON {
    switch node {
    case .scalar(let scalar):
      return try convertScalar(scalar, inFlow: inFlow)
    case .sequence(let sequence):
      let flow = inFlow || sequence.style == .flow
      var elements: [JSON] = []
      elements.reserveCapacity(sequence.count)
      for element in sequence { elements.append(try convert(element, inFlow: flow, depth: depth + 1)) }
      return .array(elements)
    case .mapping(let mapping):
      let flow = inFlow || mapping.style == .flow
      var object = JSONObject()
      for (key, value) in mapping {
        guard case .scalar(let keyScalar) = key else {
          throw GoYAMLError(message: "json: unsupported type: map[interface {}]interface {}")
        }
        if keyScalar.string == "<<", keyScalar.style == .plain || keyScalar.style == .any,
          Self.isImplicit(keyScalar)
        {
          // A merge key copies members the mapping does not set itself (kyaml's DeAnchor).
          let merged = try convert(value, inFlow: flow, depth: depth + 1)
          for source in merged.arrayValue ?? [merged] {
            for member in source.objectValue ?? [:] where object[member.key] == nil {
              object[member.key] = member.value
            }
          }
          continue
        }
        let keyText = try keyString(keyScalar, nested: depth > 0, flavourDefault: flavour)
        object[keyText] = try convert(value, inFlow: flow, depth: depth + 1)
      }
      return .object(object)
    case .alias:
      throw GoYAMLError(message: "yaml: unknown anchor referenced")
    }
  }

  /// A mapping key: Go decodes the top level into map[string]interface{} (any scalar text will do),
  /// nested mappings into interface{} — a non-string key there makes JSON encoding fail.
  private func keyString(_ scalar: Node.Scalar, nested: Bool, flavourDefault: GoYAMLFlavour) throws(GoYAMLError) -> String {
    let text = scalar.string
    guard scalar.style == .plain || scalar.style == .any, Self.isImplicit(scalar) else { return text }
    switch GoScalarResolver.resolve(text, flavour: flavour) {
    case .string, .timestamp:
      return text
    case .null, .bool, .int, .float, .nonFinite:
      if nested && flavour == .v3 {
        throw GoYAMLError(message: "json: unsupported type: map[interface {}]interface {}")
      }
      return flavour == .v2 ? Self.v2KeyText(text) : text
    }
  }

  /// Untagged. Yams' duplicate-key check resolves key tags in place (to `!!str` with the basic
  /// resolver), so that tag counts as none for keys.
  private static func isImplicit(_ scalar: Node.Scalar) -> Bool {
    let tag = scalar.tag.description
    return tag.isEmpty || tag == "tag:yaml.org,2002:str"
  }

  /// sigs.k8s.io/yaml turns non-string keys into their Go formatting (`true`, `1`, `null` → "null").
  private static func v2KeyText(_ text: String) -> String {
    switch GoScalarResolver.resolve(text, flavour: .v2) {
    case .bool(let b): return b ? "true" : "false"
    case .int(let digits): return digits
    case .float(let value): return GoNumber.formatG(value)
    case .null: return "null"
    default: return text
    }
  }

  private func convertScalar(_ scalar: Node.Scalar, inFlow: Bool) throws(GoYAMLError) -> JSON {
    let text = scalar.string
    let tag = scalar.tag.description
    if !tag.isEmpty && tag != "!" {
      return try tagged(text, tag: tag)
    }
    guard scalar.style == .plain || scalar.style == .any else { return .string(text) }
    switch GoScalarResolver.resolve(text, flavour: flavour) {
    case .null: return text.isEmpty && flavour == .v3 ? GoNull.empty : .null
    case .bool(let b): return .bool(b)
    case .int(let digits): return .number(digits)
    case .float(let value): return .number(GoNumber.jsonText(value))
    case .string: return .string(text)
    case .timestamp(let stamp):
      // goyaml.v2 keeps timestamps as text in interface{}; kyaml writes flow collections back out
      // before decoding, quoting any scalar with a flow indicator (the time's ':') on the way.
      if flavour == .v2 || (inFlow && !GoYAMLScalarAnalysis(text).flowPlainAllowed) { return .string(text) }
      return .string(stamp)
    case .nonFinite(let literal):
      if flavour == .v2 { return .string(literal) }
      throw GoYAMLError(message: "json: unsupported value: \(Self.goInfinity(literal))")
    }
  }

  private static func goInfinity(_ literal: String) -> String {
    if literal.lowercased().contains("nan") { return "NaN" }
    return literal.hasPrefix("-") ? "-Inf" : "+Inf"
  }

  /// Explicit tags (`!!str 123`, `!!int "5"`): the value is converted to the tag's type, as Go does.
  private func tagged(_ text: String, tag: String) throws(GoYAMLError) -> JSON {
    let short = tag.hasPrefix("tag:yaml.org,2002:") ? "!!" + tag.dropFirst("tag:yaml.org,2002:".count) : Substring(tag)
    switch short {
    case "!!str": return .string(text)
    case "!!null": return .null
    case "!!bool", "!!int", "!!float", "!!timestamp":
      let resolved = GoScalarResolver.resolve(text, flavour: flavour)
      switch (short, resolved) {
      case ("!!bool", .bool(let b)): return .bool(b)
      case ("!!int", .int(let digits)): return .number(digits)
      case ("!!float", .float(let value)): return .number(GoNumber.jsonText(value))
      case ("!!float", .int(let digits)): return .number(GoNumber.jsonText(Double(digits) ?? 0))
      case ("!!timestamp", .timestamp(let stamp)): return .string(flavour == .v2 ? text : stamp)
      default:
        throw GoYAMLError(message: "yaml: cannot decode `\(text)` as a \(short)")
      }
    case "!!binary":
      // Go decodes with StdEncoding once white space is gone: padded, trailing bits unchecked.
      guard let data = Base64.decode(text.filter { !$0.isWhitespace }, grammar: .lenient) else {
        throw GoYAMLError(message: "yaml: !!binary value contains invalid base64 data")
      }
      return .string(String(decoding: data, as: UTF8.self))
    case "!!map", "!!seq":
      throw GoYAMLError(message: "yaml: cannot decode `\(text)` as a \(short)")
    default:
      // Application tags (`!Ref`) are not resolvable: the text stays a string.
      return .string(text)
    }
  }
}
