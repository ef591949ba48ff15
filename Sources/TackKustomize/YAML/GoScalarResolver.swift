import TackJSON

/// How Go's YAML libraries type an untagged plain scalar.
///
/// kustomize reads resources with yaml.v3 (YAML 1.2 booleans, but Go's `017` octal) and decodes
/// kustomization files with goyaml.v2 (YAML 1.1: `yes`, `on`, `y`, `n` are booleans too). Both
/// share the number and timestamp rules, which are Go's `strconv` rules rather than the YAML spec's.
enum GoYAMLFlavour: Sendable {
  /// yaml.v3, used for resources, patches and everything kyaml parses.
  case v3
  /// goyaml.v2, used for the kustomization file (via sigs.k8s.io/yaml) and JSON 6902 patches in YAML.
  case v2
}

/// What a plain scalar resolves to.
enum GoScalar: Equatable {
  case null
  case bool(Bool)
  /// An integer that fits int64 or uint64, in decimal.
  case int(String)
  case float(Double)
  /// A timestamp, already in the RFC 3339 form Go's JSON encoder writes for `time.Time`.
  case timestamp(String)
  case string
  /// `.inf`, `.nan` and friends: valid YAML, but JSON cannot hold them.
  case nonFinite(String)
}

enum GoScalarResolver {
  static func resolve(_ text: String, flavour: GoYAMLFlavour) -> GoScalar {
    guard let first = text.utf8.first else { return .null }
    switch first {
    case UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"),
      UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "o"),
      UInt8(ascii: "O"):
      return keyword(text, flavour: flavour) ?? .string
    case UInt8(ascii: "."):
      if let special = keyword(text, flavour: flavour) { return special }
      if let value = GoNumber.parseFloat(text), value.isFinite { return .float(value) }
      return .string
    case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      if let special = keyword(text, flavour: flavour) { return special }
      return number(text)
    default:
      return .string
    }
  }

  private static func keyword(_ text: String, flavour: GoYAMLFlavour) -> GoScalar? {
    switch text {
    case "~", "null", "Null", "NULL": return .null
    case "true", "True", "TRUE": return .bool(true)
    case "false", "False", "FALSE": return .bool(false)
    case ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF":
      return .nonFinite(text)
    default: break
    }
    guard flavour == .v2 else { return nil }
    switch text {
    case "y", "Y", "yes", "Yes", "YES", "on", "On", "ON": return .bool(true)
    case "n", "N", "no", "No", "NO", "off", "Off", "OFF": return .bool(false)
    default: return nil
    }
  }

  /// Timestamp, then integer (Go base prefixes, `_` removed), then YAML-style float, then `0b`.
  private static func number(_ text: String) -> GoScalar {
    if let stamp = GoTimestamp.parse(text) { return .timestamp(stamp) }
    let plain = text.utf8.contains(UInt8(ascii: "_")) ? String(text.filter { $0 != "_" }) : text
    if let integer = GoNumber.parseInteger(plain) { return .int(integer) }
    if GoNumber.isYAMLStyleFloat(plain) {
      if let value = GoNumber.parseFloat(plain), value.isFinite { return .float(value) }
      return .string
    }
    return .string
  }

  /// The JSON value Go would produce for a resolved scalar (what kustomize carries forward).
  static func json(_ text: String, flavour: GoYAMLFlavour) -> JSON {
    switch resolve(text, flavour: flavour) {
    case .null: return .null
    case .bool(let b): return .bool(b)
    case .int(let digits): return .number(digits)
    case .float(let value): return .number(GoNumber.jsonText(value))
    case .timestamp(let stamp): return .string(stamp)
    case .string, .nonFinite: return .string(text)
    }
  }

  /// Whether goyaml.v2 would read `text`, written plain, as something other than this string; the
  /// emitter then double-quotes it.
  static func needsQuotesForType(_ text: String) -> Bool {
    switch resolve(text, flavour: .v2) {
    case .string: return GoNumber.isBase60Float(text)
    case .timestamp, .null, .bool, .int, .float, .nonFinite: return true
    }
  }
}
