import TackOutput
import Testing

/// Server-provided text loses every way to drive the terminal and keeps everything else.
@Suite struct TerminalTextTests {
  @Test(arguments: [
    ("plain text ✔ 日本", "plain text ✔ 日本"),
    ("title \u{1B}]0;pwned\u{07}gone", "title gone"),
    ("title \u{1B}]2;pwned\u{1B}\\gone", "title gone"),
    ("clear\u{1B}[2Jed", "cleared"),
    ("red \u{1B}[1;31mtext\u{1B}[0m", "red text"),
    ("c1 csi \u{9B}31mtext", "c1 csi text"),
    ("c1 osc \u{9D}0;x\u{9C}end", "c1 osc end"),
    ("dcs \u{1B}Pq#0;2\u{1B}\\end", "dcs end"),
    ("reset \u{1B}cdone", "reset done"),
    ("charset \u{1B}(Bdone", "charset done"),
    ("bell\u{07} back\u{08}space del\u{7F} cr\r nul\u{0}", "bell backspace del cr nul"),
    ("lines\nand\ttabs", "lines\nand\ttabs"),
    ("dangling \u{1B}", "dangling "),
    ("unterminated \u{1B}]0;title", "unterminated "),
    ("csi cut by newline \u{1B}[12\nnext", "csi cut by newline next"),
  ])
  func strips(_ input: String, _ expected: String) {
    #expect(TerminalText.sanitize(input) == expected)
  }

  @Test func tablesStripCellsAndMeasureWhatIsLeft() {
    let table = FluxTable(header: ["NAME", "MESSAGE"], rows: [["a", "x\u{1B}[2Jy\u{1B}]0;t\u{07}z"]])
    #expect(table.render() == "NAME\tMESSAGE \na   \txyz    \t\n")
  }

  @Test func consoleAndProgressLinesAreStrippedButDataIsNot() {
    let out = MemorySink()
    let err = MemorySink()
    let console = Console(out: out, err: err, style: .plain)
    console.failure("Kustomization failed: \u{1B}]0;pwned\u{07}apply \u{1B}[2Jerror")
    console.note("remote: \u{1B}[31mdenied\u{1B}[0m")
    console.write("{\"message\": \"\u{1B}[2J\"}\n")
    let progress = ConsoleProgress(console: console)
    progress.log(.warning, "event: \u{9B}2Jcleared")
    #expect(err.text == "✗ Kustomization failed: apply error\nremote: denied\n⚠️ event: cleared\n")
    #expect(out.text == "{\"message\": \"\u{1B}[2J\"}\n")
  }

  @Test func liveLinesStripTheirMessageAndDetail() {
    let sink = MemorySink()
    let line = LiveLine(sink: sink, message: "waiting for \u{1B}]0;x\u{07}ks", width: nil)
    line.update(detail: "\u{1B}[2Jdetail")
    line.tick()
    line.finish()
    let text = sink.text.replacing("\r\u{1B}[2K", with: "")
    #expect(text.contains("waiting for ks"))
    #expect(text.contains("(detail)"))
    #expect(!text.contains("]0;") && !text.contains("[2J"))
  }
}
