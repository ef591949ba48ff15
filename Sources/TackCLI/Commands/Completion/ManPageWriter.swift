import TackBase
import TackJSON

/// Man pages (`man` macros) generated from argument-parser's `--experimental-dump-help` tree: one
/// page per command (`tack.1`, `tack-get.1`, `tack-get-sources-git.1`, …). Deterministic (no date),
/// so the committed pages can be checked for staleness.
public enum ManPageWriter {
  public struct Page: Sendable, Equatable {
    /// `tack-get-kustomizations`
    public var name: String
    public var text: String
  }

  public static func pages(toolInfo: JSON, version: String) -> [Page] {
    guard let root = toolInfo["command"] else { return [] }
    var pages: [Page] = []
    walk(root, path: [], version: version, into: &pages)
    return pages
  }

  static func isShown(_ command: JSON) -> Bool {
    command["shouldDisplay"]?.boolValue != false && command["commandName"]?.stringValue != "help"
  }

  static func walk(_ command: JSON, path: [String], version: String, into pages: inout [Page]) {
    let name = command["commandName"]?.stringValue ?? "tack"
    let fullPath = path + [name]
    pages.append(Page(name: fullPath.joined(separator: "-"), text: page(command, path: fullPath, version: version)))
    for child in command["subcommands"]?.arrayValue ?? [] where isShown(child) {
      walk(child, path: fullPath, version: version, into: &pages)
    }
  }

  static func page(_ command: JSON, path: [String], version: String) -> String {
    let pageName = path.joined(separator: "-")
    var out = ".\\\" Generated from the command tree by `make docs`; do not edit.\n"
    out += ".TH \"\(pageName.uppercased())\" \"1\" \"\" \"tack \(version)\" \"tack manual\"\n"
    out += ".SH NAME\n\(escape(pageName)) \\- \(escape(command["abstract"]?.stringValue ?? ""))\n"

    let arguments = (command["arguments"]?.arrayValue ?? []).filter {
      $0["shouldDisplay"]?.boolValue != false
    }
    let subcommands = (command["subcommands"]?.arrayValue ?? []).filter(isShown)

    out += ".SH SYNOPSIS\n.B \(escape(path.joined(separator: " ")))\n"
    var synopsis: [String] = []
    if !subcommands.isEmpty { synopsis.append("<subcommand>") }
    if arguments.contains(where: { $0["kind"]?.stringValue != "positional" }) { synopsis.append("[<options>]") }
    for argument in arguments where argument["kind"]?.stringValue == "positional" {
      let value = "<\(argument["valueName"]?.stringValue ?? "value")>" + (argument["isRepeating"]?.boolValue == true ? " ..." : "")
      synopsis.append(argument["isOptional"]?.boolValue == true ? "[\(value)]" : value)
    }
    out += escape(synopsis.joined(separator: " ")) + "\n"

    if let aliases = command["aliases"]?.arrayValue, !aliases.isEmpty {
      out += ".SH ALIASES\n" + escape(aliases.compactMap(\.stringValue).joined(separator: ", ")) + "\n"
    }
    if let discussion = command["discussion"]?.stringValue, !discussion.isEmpty {
      out += ".SH DESCRIPTION\n" + paragraphs(discussion)
    }
    if let extra = extraSections[pageName] ?? (pageName.hasPrefix("tack-get-") ? extraSections["tack-get-*"] : nil) {
      out += extra
    }

    let positionals = arguments.filter { $0["kind"]?.stringValue == "positional" }
    if !positionals.isEmpty {
      out += ".SH ARGUMENTS\n"
      for argument in positionals {
        out += ".TP\n\\fI\(escape(argument["valueName"]?.stringValue ?? "value"))\\fR\n"
        out += escape(help(argument)) + "\n"
      }
    }
    let options = arguments.filter { $0["kind"]?.stringValue != "positional" }
    if !options.isEmpty {
      out += ".SH OPTIONS\n"
      for option in options {
        let names = (option["names"]?.arrayValue ?? []).map { name -> String in
          let text = name["name"]?.stringValue ?? ""
          switch name["kind"]?.stringValue {
          case "short": return "\\fB\\-\(escape(text))\\fR"
          case "longWithSingleDash": return "\\fB\\-\(escape(text))\\fR"
          default: return "\\fB\\-\\-\(escape(text))\\fR"
          }
        }
        var line = names.joined(separator: ", ")
        if option["kind"]?.stringValue == "option" {
          line += " \\fI<\(escape(option["valueName"]?.stringValue ?? "value"))>\\fR"
        }
        out += ".TP\n\(line)\n\(escape(help(option)))\n"
      }
    }
    if !subcommands.isEmpty {
      out += ".SH SUBCOMMANDS\n"
      for child in subcommands {
        let childName = (path + [child["commandName"]?.stringValue ?? ""]).joined(separator: "-")
        out += ".TP\n\\fB\(escape(childName))\\fR(1)\n\(escape(child["abstract"]?.stringValue ?? ""))\n"
      }
    }
    out += exitStatusSection
    if path.count > 1 {
      out += ".SH SEE ALSO\n\\fB\(escape(path.dropLast().joined(separator: "-")))\\fR(1)\n"
    }
    return out
  }

  static func help(_ argument: JSON) -> String {
    var text = argument["abstract"]?.stringValue ?? ""
    if let values = argument["allValueStrings"]?.arrayValue, !values.isEmpty, argument["kind"]?.stringValue != "flag" {
      text += " (values: \(values.compactMap(\.stringValue).joined(separator: ", ")))"
    }
    if let value = argument["defaultValue"]?.stringValue, !value.isEmpty, argument["kind"]?.stringValue != "flag" {
      text += " (default: \(value))"
    }
    if let discussion = argument["discussion"]?.stringValue, !discussion.isEmpty { text += " " + discussion }
    return text
  }

  static func paragraphs(_ text: String) -> String {
    var out = ""
    for block in text.split(separator: "\n\n", omittingEmptySubsequences: true) {
      let lines = block.split(separator: "\n", omittingEmptySubsequences: false)
      if lines.contains(where: { $0.hasPrefix("  ") }) {
        out += ".PP\n.nf\n" + lines.map { escape(String($0)) }.joined(separator: "\n") + "\n.fi\n"
      } else {
        out += ".PP\n" + escape(lines.joined(separator: " ")) + "\n"
      }
    }
    return out
  }

  /// Roff escaping: backslashes, and a leading `.` or `'` that would read as a request.
  static func escape(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.count)
    var atLineStart = true
    for character in text {
      if atLineStart && (character == "." || character == "'") { result += "\\&" }
      switch character {
      case "\\": result += "\\e"
      case "-": result += "\\-"
      default: result.append(character)
      }
      atLineStart = character == "\n"
    }
    return result
  }

  static let exitStatusSection: String = {
    var text = ".SH EXIT STATUS\n"
    for status in ExitStatus.allCases {
      text += ".TP\n\\fB\(status.rawValue)\\fR\n\(escape(status.summary))\n"
    }
    return text
  }()

  /// Sections only some pages carry.
  static let extraSections: [String: String] = [
    "tack-get": getOutputSection,
    "tack-get-*": getOutputSection,
  ]

  static let getOutputSection: String = {
    var text = ".SH OUTPUT\n"
    text += paragraphs(
      """
      The default table has flux's columns and layout byte for byte (cells padded with spaces and \
      joined by a TAB; every data row ends with a TAB). With -A a NAMESPACE column comes first. \
      REVISION and MESSAGE shorten 40-128 character hex digests to 8 characters where flux does.

      -o wide adds AGE and, where the kind has them, SOURCE, SUSPENDED and LAST ATTEMPTED (the last \
      attempted revision).

      -o json and -o yaml print a kubectl-style List (apiVersion: v1, kind: List, items) of the full \
      objects, keys sorted as kubectl prints them; metadata.managedFields is dropped unless \
      --show-managed-fields is given. With nothing found the empty List is still printed (and the \
      exit status is 5).

      -o name prints kind.group/name lines, as kubectl get -o name.

      -o jsonl prints one JSON object per table row, on one line, with these keys in this order: \
      kind, apiVersion, namespace, name, ready (the Ready condition's status: "True", "False" or \
      "Unknown"; "False" when absent; null for Flagger kinds), readyBool (ready == "True"), suspended \
      (boolean), revision (in full, never shortened), message (the Ready condition's message, flux's \
      "waiting to be reconciled" when absent), lastTransitionTime (of the Ready condition; a Canary's \
      status.lastTransitionTime), then kind-specific keys: lastAttemptedRevision (Kustomization, \
      HelmRelease), lastScanTime, image, tag, lastRunTime (image kinds), phase, strategy, weight, \
      maxWeight, failedChecks, threshold, step, steps (Canary), provider (MetricTemplate), type \
      (Flagger AlertProvider). Absent values are null.

      --watch prints the header once, then one row per change. Column widths are fixed by the \
      initial list; a row that does not fit widens its columns and the header is printed again at the \
      new widths. With -o jsonl, json, yaml or name, each change is printed as one line or document. \
      A watch runs until interrupted: Ctrl-C ends it with exit status 130, like every interrupted \
      tack command (kubectl and flux exit 0 there). --timeout does not end a watch.

      Nothing found (no object of the kind, the named object missing, or nothing left after \
      --status-selector) exits 5 with flux's message on stderr. get all skips kinds the cluster does \
      not serve, prints nothing for an empty namespace and exits 0, and exits 1 after listing the \
      rest when some kind failed to list.
      """)
    return text
  }()
}
