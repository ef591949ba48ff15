/// flux (pflag) accepts `--wait=false` and `--wait=true` for boolean flags; argument-parser spells
/// them `--no-wait` and `--wait`. CI scripts written for flux pass the former, so the edge rewrites
/// them before parsing — only for the flags listed here, so an option whose value happens to be
/// "true" or "false" is never touched.
enum BooleanFlagSyntax {
  /// Boolean flags declared with `inversion: .prefixedNo` somewhere in the command tree.
  static let invertibleFlags: Set<String> = ["wait", "wait-ready"]
  /// Plain boolean flags (no `--no-` form) that flux users write as `--prune=true`: `=true` is the
  /// flag, `=false` its absence.
  static let plainFlags: Set<String> = [
    "prune", "insecure", "recurse-submodules", "pass-credentials", "create-target-namespace", "export", "silent",
  ]

  static func normalize(_ arguments: [String]) -> [String] {
    var result: [String] = []
    for (index, argument) in arguments.enumerated() {
      // Everything after `--` is positional.
      if argument == "--" {
        result += arguments[index...]
        break
      }
      guard argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") else {
        result.append(argument)
        continue
      }
      let name = String(argument[argument.index(argument.startIndex, offsetBy: 2)..<equals])
      let value = argument[argument.index(after: equals)...]
      if plainFlags.contains(name) {
        switch value {
        case "true", "True", "TRUE", "t", "T", "1": result.append("--\(name)")
        case "false", "False", "FALSE", "f", "F", "0": break
        default: result.append(argument)
        }
        continue
      }
      guard invertibleFlags.contains(name) else {
        result.append(argument)
        continue
      }
      switch value {
      case "true", "True", "TRUE", "t", "T", "1": result.append("--\(name)")
      case "false", "False", "FALSE", "f", "F", "0": result.append("--no-\(name)")
      default: result.append(argument)
      }
    }
    return result
  }
}
