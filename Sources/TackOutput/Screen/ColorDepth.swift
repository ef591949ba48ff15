/// How many colours the terminal shows, from the environment (no query: tmux 3.3a answers none of
/// them). `--color` on the command overrides it.
public enum ColorDepth: String, Sendable, CaseIterable {
  /// `NO_COLOR`: attributes (bold, reverse) only.
  case none
  case ansi16 = "16"
  case ansi256 = "256"
  case trueColor = "truecolor"

  /// `NO_COLOR` (non-empty) → none; `COLORTERM=truecolor|24bit` → 24-bit; a `TERM` naming
  /// 256color → 256; anything else (`linux`, `xterm`, `screen`) → 16.
  public static func detect(environment: [String: String]) -> ColorDepth {
    if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .none }
    let colorTerm = environment["COLORTERM"]?.lowercased() ?? ""
    if colorTerm == "truecolor" || colorTerm == "24bit" { return .trueColor }
    if (environment["TERM"] ?? "").contains("256color") { return .ansi256 }
    return .ansi16
  }

  /// The SGR parameters for a foreground colour at this depth (empty for `.none`).
  func foreground(_ color: ScreenColor) -> String {
    guard color != .none else { return "" }
    switch self {
    case .none: return ""
    case .ansi16:
      switch color {
      case .none: return ""
      case .red: return "31"
      case .green: return "32"
      case .yellow: return "33"
      case .blue: return "34"
      case .magenta: return "35"
      case .cyan: return "36"
      case .gray: return "90"
      }
    case .ansi256:
      // Softer tones than the 16-colour set, which many themes make garish.
      switch color {
      case .none: return ""
      case .red: return "38;5;203"
      case .green: return "38;5;114"
      case .yellow: return "38;5;221"
      case .blue: return "38;5;75"
      case .magenta: return "38;5;176"
      case .cyan: return "38;5;80"
      case .gray: return "38;5;245"
      }
    case .trueColor:
      switch color {
      case .none: return ""
      case .red: return "38;2;240;98;98"
      case .green: return "38;2;120;200;120"
      case .yellow: return "38;2;240;200;90"
      case .blue: return "38;2;100;160;240"
      case .magenta: return "38;2;200;140;220"
      case .cyan: return "38;2;90;200;210"
      case .gray: return "38;2;140;140;140"
      }
    }
  }
}
