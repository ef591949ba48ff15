import TackBase

/// Bash-style `${…}` substitution as Flux's `postBuild` runs it (fluxcd/pkg `envsubst`).
///
/// `lookup` answers a variable's value, or nil when it is not set. Outside strict mode Flux treats
/// every variable as set (an unknown one is empty); in strict mode an unset variable is an error
/// unless the expression supplies a default (`${v:=d}`, `${v:-d}`, `${v=d}`, `${v:?d}`, `${v:+d}`,
/// all of which Flux evaluates as "the value, or `d` when it is empty").
///
/// ```swift
/// try EnvSubst.evaluate("image: app:${TAG:=latest}", strict: true) { ["TAG": "1.2"][$0] }
/// // "image: app:1.2"
/// ```
public enum EnvSubst {
  public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
  }

  public static func evaluate(_ text: String, strict: Bool, lookup: (String) -> String?) throws(Failure) -> String {
    let nodes: [EnvSubstParser.Node]
    do {
      nodes = try EnvSubstParser.parse(text)
    } catch {
      throw Failure(message: error.message)
    }
    var output = ""
    for node in nodes { output += try evaluate(node, strict: strict, lookup: lookup) }
    return output
  }

  private static let defaultOperators: Set<String> = ["-", "+", "=", "?", ":-", ":+", ":=", ":?"]

  private static func evaluate(_ node: EnvSubstParser.Node, strict: Bool, lookup: (String) -> String?) throws(Failure)
    -> String
  {
    switch node {
    case .text(let text):
      return text
    case .function(let parameter, let op, let arguments):
      var values: [String] = []
      for argument in arguments { values.append(try evaluate(argument, strict: strict, lookup: lookup)) }
      let found = lookup(parameter)
      if strict && found == nil && !defaultOperators.contains(op) {
        throw Failure(message: "variable not set (strict mode): \(GoQuote.quoted(parameter))")
      }
      return apply(op, to: found ?? "", values)
    }
  }

  static func apply(_ op: String, to value: String, _ args: [String]) -> String {
    switch op {
    case ",": return mapFirst(value) { $0.lowercased() }
    case ",,": return value.lowercased()
    case "^": return mapFirst(value) { $0.uppercased() }
    case "^^": return value.uppercased()
    case "#": return args.isEmpty ? String(value.utf8.count) : trimPrefix(value, args[0], longest: false)
    case "##": return args.isEmpty ? value : trimPrefix(value, args[0], longest: true)
    case "%": return args.isEmpty ? value : trimSuffix(value, args[0], longest: false)
    case "%%": return args.isEmpty ? value : trimSuffix(value, args[0], longest: true)
    case ":": return substring(value, args)
    case "/#":
      guard args.count == 2, value.utf8.starts(with: args[0].utf8) else { return value }
      return goReplace(value, args[0], args[1], limit: 1)
    case "/%":
      guard args.count == 2, value.utf8.reversed().starts(with: args[0].utf8.reversed()) else { return value }
      return String(decoding: Array(value.utf8).dropLast(args[0].utf8.count), as: UTF8.self) + args[1]
    case "/": return args.isEmpty ? value : goReplace(value, args[0], args.count > 1 ? args[1] : "", limit: 1)
    case "//": return args.isEmpty ? value : goReplace(value, args[0], args.count > 1 ? args[1] : "", limit: nil)
    default:
      // Plain `${v}` and every default operator: the value, or the arguments when it is empty.
      return value.isEmpty && !args.isEmpty ? args.joined() : value
    }
  }

  private static func mapFirst(_ value: String, _ transform: (String) -> String) -> String {
    guard let first = value.unicodeScalars.first else { return value }
    var rest = value.unicodeScalars
    rest.removeFirst()
    return transform(String(first)) + String(rest)
  }

  /// `${v:offset}` / `${v:offset:length}` in bytes, as Go slices strings; unparsable numbers leave
  /// the value as it is.
  private static func substring(_ value: String, _ args: [String]) -> String {
    guard let first = args.first, var offset = Int(first) else { return value }
    let bytes = Array(value.utf8)
    if offset < 0 { offset = max(bytes.count + offset, 0) }
    if args.count == 1 { return offset < bytes.count ? String(decoding: bytes[offset...], as: UTF8.self) : "" }
    guard let length = Int(args[1]) else { return value }
    if offset.saturatingAdding(length) >= bytes.count {
      return offset < bytes.count ? String(decoding: bytes[offset...], as: UTF8.self) : ""
    }
    guard length >= 0 else { return value }
    return String(decoding: bytes[offset..<(offset + length)], as: UTF8.self)
  }

  /// Removes the shortest (or longest) prefix matching a shell pattern.
  private static func trimPrefix(_ value: String, _ pattern: String, longest: Bool) -> String {
    guard let glob = GoGlob(pattern, crossesSlash: true) else { return value }
    let scalars = Array(value.unicodeScalars)
    var cut = 0
    for length in stride(from: scalars.count, to: 0, by: -1) where glob.matches(text(scalars[..<length])) {
      cut = length
      if longest { break }
    }
    return text(scalars[cut...])
  }

  /// The suffix version works on the reversed value and reversed pattern, as Flux does.
  private static func trimSuffix(_ value: String, _ pattern: String, longest: Bool) -> String {
    let reversed = text(Array(value.unicodeScalars.reversed())[...])
    let reversedPattern = text(Array(pattern.unicodeScalars.reversed())[...])
    let trimmed = trimPrefix(reversed, reversedPattern, longest: longest)
    return text(Array(trimmed.unicodeScalars.reversed())[...])
  }

  private static func text(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars)
    return String(view)
  }

  /// Go's `strings.Replace`: an empty `old` inserts `new` before every character and at the end.
  static func goReplace(_ value: String, _ old: String, _ new: String, limit: Int?) -> String {
    var remaining = limit ?? Int.max
    if old.isEmpty {
      var output = ""
      for scalar in value.unicodeScalars {
        if remaining > 0 {
          output += new
          remaining -= 1
        }
        output.unicodeScalars.append(scalar)
      }
      if remaining > 0 { output += new }
      return output
    }
    let haystack = Array(value.utf8)
    let needle = Array(old.utf8)
    var output: [UInt8] = []
    var index = 0
    while index < haystack.count {
      if remaining > 0, index + needle.count <= haystack.count, haystack[index..<(index + needle.count)].elementsEqual(needle) {
        output += Array(new.utf8)
        index += needle.count
        remaining -= 1
      } else {
        output.append(haystack[index])
        index += 1
      }
    }
    return String(decoding: output, as: UTF8.self)
  }
}
