import Foundation
import TackOutput
import Testing

@Suite struct LiveLineTests {
  @Test func offATerminalAWaitIsOnePlainLine() {
    let err = MemorySink()
    let progress = ConsoleProgress(console: Console(out: MemorySink(), err: err, style: .plain))
    progress.action("annotating Kustomization apps in flux-system namespace")
    progress.beginWait("waiting for Kustomization reconciliation")
    progress.updateWait("1/2 done")
    progress.endWait()
    progress.success("applied revision main@sha1:abc")
    #expect(
      err.text
        == "► annotating Kustomization apps in flux-system namespace\n◎ waiting for Kustomization reconciliation\n✔ applied revision main@sha1:abc\n")
  }

  @Test func onATerminalTheLineRedrawsAndEndsAsThePlainLine() {
    let err = MemorySink()
    let line = LiveLine(sink: err, message: "waiting for Kustomization reconciliation", width: 80)
    line.tick()
    line.update(detail: "2/5 done")
    line.tick()
    line.printAbove("✔ something")
    line.finish()
    line.finish()
    let text = err.text
    #expect(text.contains("\r\u{1B}[2K"))
    #expect(text.contains("waiting for Kustomization reconciliation 0.0s"))
    #expect(text.contains("(2/5 done)"))
    #expect(text.contains("\r\u{1B}[2K✔ something\n"))
    #expect(text.hasSuffix("\r\u{1B}[2K\u{1B}[36m◎\u{1B}[0m waiting for Kustomization reconciliation\n"))
    #expect(text.components(separatedBy: "◎").count == 2, "finish() twice writes the final line once")
  }

  @Test func aNarrowTerminalCutsTheLine() {
    let err = MemorySink()
    let line = LiveLine(sink: err, message: String(repeating: "x", count: 100), width: 20)
    line.tick()
    let last = err.text.components(separatedBy: "\r\u{1B}[2K").last!
    #expect(last.hasSuffix("…"))
    #expect(!last.contains(String(repeating: "x", count: 20)))
  }
}
