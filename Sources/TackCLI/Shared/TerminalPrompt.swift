#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import TackBase
import TackCore
import TackOutput

/// Questions asked on the terminal (prompts go to stderr, answers come from stdin). Only built when
/// stdin is a terminal; off a TTY commands fail naming the flag that answers the question instead.
struct TerminalPrompt: Confirming {
  let console: Console

  /// A prompt when stdin is a terminal (as the console's style says), else nil.
  static func ifInteractive(_ console: Console) -> TerminalPrompt? {
    console.style.stdinIsTerminal ? TerminalPrompt(console: console) : nil
  }

  /// `<question> [y/N]`: true only for y/yes.
  func confirm(_ question: String) async -> Bool {
    console.err.write("\(question) [y/N]: ")
    let answer = Self.readLine(echo: true)?.lowercased() ?? ""
    return answer == "y" || answer == "yes"
  }

  /// Reads a secret without echoing it.
  func secret(_ prompt: String) -> String? {
    console.err.write(prompt)
    defer { console.err.write("\n") }
    return Self.readLine(echo: false)
  }

  static func readLine(echo: Bool) -> String? {
    var saved = termios()
    let canToggle = !echo && tcgetattr(0, &saved) == 0
    if canToggle {
      var quiet = saved
      quiet.c_lflag &= ~tcflag_t(ECHO)
      tcsetattr(0, TCSANOW, &quiet)
    }
    defer { if canToggle { tcsetattr(0, TCSANOW, &saved) } }
    var bytes: [UInt8] = []
    var byte: UInt8 = 0
    while read(0, &byte, 1) == 1 {
      if byte == UInt8(ascii: "\n") { break }
      bytes.append(byte)
    }
    var line = String(decoding: bytes, as: UTF8.self)
    if line.hasSuffix("\r") { line.removeLast() }
    return line.trimming(" \t")
  }
}
